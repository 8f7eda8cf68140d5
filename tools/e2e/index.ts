export * from './running-system';
export * from './http';
export { WEB_DIST_DIR } from './web-build';
export { browserSpecsUnavailable } from './browser-prerequisites';
