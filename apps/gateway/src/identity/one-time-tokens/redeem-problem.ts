import { ValidationProblem } from '@tutti/platform';
import type { RedeemFailure } from './one-time-tokens.service';

const MESSAGES: Record<'invitation' | 'password_reset', Record<RedeemFailure, string>> = {
  invitation: {
    unknown: 'token is not a valid invitation; use the link from your invitation mail',
    used: 'token was already used (or replaced by a newer invitation); sign in, or ask your programme admin for a new invitation',
    expired: 'token has expired; ask your programme admin for a new invitation',
  },
  password_reset: {
    unknown: 'token is not a valid password-reset link; use the link from the mail',
    used: 'token was already used (or replaced by a newer one); ask for a new password-reset mail',
    expired: 'token has expired; ask for a new password-reset mail',
  },
};

/** 400 naming `token`, saying why the link no longer works. */
export function tokenProblem(purpose: 'invitation' | 'password_reset', failure: RedeemFailure): ValidationProblem {
  return new ValidationProblem([
    {
      field: 'token',
      rule: failure === 'unknown' ? 'invalidToken' : failure === 'used' ? 'usedToken' : 'expiredToken',
      message: MESSAGES[purpose][failure],
    },
  ]);
}
