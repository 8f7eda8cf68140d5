export * from './load-demo';
export * from './seed-ids';
export * from './demo/areas';
