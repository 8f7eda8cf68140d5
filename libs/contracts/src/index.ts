export * from './services';
export * from './conflicts';
export * from './events/catalog';
export * from './events/envelope';
export * from './events/subscriptions';
