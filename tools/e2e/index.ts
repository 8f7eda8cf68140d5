export * from './running-system';
export * from './http';
