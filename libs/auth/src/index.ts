export * from './actor';
export * from './access-policy';
export * from './access.guard';
export * from './auth-options';
export * from './current-identity.decorator';
export * from './identity';
export * from './identity-token';
export * from './object-access';
