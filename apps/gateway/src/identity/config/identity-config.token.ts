/** The validated IdentityConfig (in the gateway: the GatewayConfig, which extends it). */
export const IDENTITY_CONFIG = Symbol('tutti:identity-config');
