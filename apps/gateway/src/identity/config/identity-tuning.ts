/** Limits that keep guessing passwords slow and expensive. */
export interface SignInLimits {
  /** Failed sign-ins for one account within the window before it is locked until the window ends. */
  accountFailuresAllowed: number;
  accountWindowSeconds: number;
  /** Sign-in attempts (good or bad) from one IP address within its window. */
  ipAttemptsAllowed: number;
  ipWindowSeconds: number;
  /** From this many failures on, each further failure makes the account wait, doubling each time. */
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
  accountFailuresAllowed: 5,
  accountWindowSeconds: 15 * 60,
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
