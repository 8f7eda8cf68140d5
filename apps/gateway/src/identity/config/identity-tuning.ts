/** Limits that keep guessing passwords slow and expensive. */
export interface SignInLimits {
  /**
   * Failed sign-ins for one account from one source (an IPv4 address, an IPv6 /64) within the
   * window, after which that source may not try that account again until the window ends. Other
   * sources, the owner's among them, are not refused.
   */
  sourceFailuresAllowed: number;
  accountWindowSeconds: number;
  /**
   * Failures for one account from all sources within the window from which the account counts as
   * under attack: each source then gets only `sourceFailuresUnderAttack` failures. The right
   * password from a source with fewer failures still signs in.
   */
  accountFailuresCeiling: number;
  sourceFailuresUnderAttack: number;
  /** Sign-in attempts (good or bad) from one IP address within its window. */
  ipAttemptsAllowed: number;
  ipWindowSeconds: number;
  /** From this many failures from one source on, each further failure makes that source wait for the account, doubling each time. */
  cooldownFromFailure: number;
  cooldownBaseSeconds: number;
  cooldownMaxSeconds: number;
  /** Password-reset mails one account may be sent per window (more are silently not sent). */
  resetMailsPerAccount: number;
  /** Password-reset requests from one IP address per window. */
  resetRequestsPerIp: number;
  resetWindowSeconds: number;
}

/** Knobs with safe defaults; tests turn them (and the clock) so that nothing has to sleep. */
export interface IdentityTuning {
  /** How long a resolved identity (account status, grants, guardian links, session) is reused. */
  identityCacheTtlMs: number;
  identityCacheMaxEntries: number;
  /** Milliseconds since the epoch; the identity cache reads time only from here. */
  clock: () => number;
  signIn: SignInLimits;
}

export const IDENTITY_TUNING = Symbol('tutti:identity-tuning');

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  sourceFailuresAllowed: 5,
  accountWindowSeconds: 15 * 60,
  accountFailuresCeiling: 10,
  sourceFailuresUnderAttack: 2,
  ipAttemptsAllowed: 20,
  ipWindowSeconds: 60,
  cooldownFromFailure: 3,
  cooldownBaseSeconds: 1,
  cooldownMaxSeconds: 60,
  resetMailsPerAccount: 3,
  resetRequestsPerIp: 20,
  resetWindowSeconds: 60 * 60,
};

/** At most 30 s, so that with the 30 s identity token a change takes effect everywhere within a minute. */
export const DEFAULT_IDENTITY_TUNING: IdentityTuning = {
  identityCacheTtlMs: 30_000,
  identityCacheMaxEntries: 20_000,
  clock: () => Date.now(),
  signIn: DEFAULT_SIGN_IN_LIMITS,
};

export type IdentityTuningOverrides = Partial<Omit<IdentityTuning, 'signIn'>> & { signIn?: Partial<SignInLimits> };

export function identityTuning(overrides: IdentityTuningOverrides = {}): IdentityTuning {
  return { ...DEFAULT_IDENTITY_TUNING, ...overrides, signIn: { ...DEFAULT_SIGN_IN_LIMITS, ...overrides.signIn } };
}
