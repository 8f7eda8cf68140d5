import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ENV = { ...process.env, NX_DAEMON: 'false' };

/** ESLint's flat config is ESM, which Jest's module system cannot load: lint in a child process, as `npm run lint` does. */
function boundaryErrors(file: string, code: string): string[] {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', join(ROOT, file), '--format', 'json'],
    {
      cwd: ROOT,
      env: ENV,
      input: code,
      encoding: 'utf8',
    },
  );
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null }[] }[];
  return report.messages.filter((message) => message.ruleId === '@nx/enforce-module-boundaries').map((message) => String(message.ruleId));
}

/** The project graph is the architecture: lint must refuse an app reaching into another app. */
describe('module boundaries', () => {
  beforeAll(() => {
    // The boundary rule reads Nx's project graph, which this computes and caches.
    execFileSync(join(ROOT, 'node_modules', '.bin', 'nx'), ['show', 'projects'], { cwd: ROOT, env: ENV, stdio: 'ignore' });
  }, 120_000);

  it('refuses an app importing another app', () => {
    expect(
      boundaryErrors(
        'apps/scheduling/src/example.ts',
        `import { AppModule } from '../../performance-event/src/app.module';\nexport const x = AppModule;\n`,
      ),
    ).toHaveLength(1);
  });

  it('refuses a lib importing an app', () => {
    expect(
      boundaryErrors(
        'libs/platform/src/example.ts',
        `import { AppModule } from '../../../apps/scheduling/src/app.module';\nexport const x = AppModule;\n`,
      ),
    ).toHaveLength(1);
  });

  it('allows an app importing a shared lib by its alias', () => {
    expect(
      boundaryErrors('apps/scheduling/src/example.ts', `import { newId } from '@tutti/platform';\nexport const x = newId;\n`),
    ).toHaveLength(0);
  });
});
