export * from './load-demo';
export * from './seed-ids';
export * from './demo/areas';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts';
export { demoPerformances, type DemoPerformance } from './demo-calendar';
export { DEMO_CLASSES, demoClassId } from './demo-pupils';
