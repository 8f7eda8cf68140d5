import type { KeyLike } from 'jose';

export const AUTH_OPTIONS = Symbol('tutti:auth-options');

export interface AuthOptions {
  /** This service's name: identity tokens minted for another service are refused. */
  audience: string;
  /** The gateway's public key; `null` only in the gateway before it has signed anyone in. */
  identityPublicKey: KeyLike | Uint8Array;
}
