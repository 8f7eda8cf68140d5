export {
  runAccessMatrix,
  leakedSecrets,
  routeKey,
  type AccessMatrixReport,
  type MatrixCase,
  type MatrixFixture,
  type MatrixFixtures,
  type MatrixResponse,
  type RunAccessMatrixOptions,
} from './run-access-matrix';
export {
  matrixIdentities,
  INSIDERS,
  OUTSIDERS,
  PERSONA_ROLE,
  type Insider,
  type Outsider,
  type MatrixIdentities,
  type MatrixPersona,
  type MatrixWorld,
} from './matrix-personas';
