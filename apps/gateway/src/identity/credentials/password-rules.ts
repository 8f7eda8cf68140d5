import { ValidationProblem } from '@tutti/platform';
import { checkPassword, type PasswordContext } from './password-policy';

/** 400 naming `password` and every rule it breaks. */
export function requireAcceptablePassword(password: string, context: PasswordContext): void {
  const refusals = checkPassword(password, context);
  if (refusals.length > 0)
    throw new ValidationProblem(refusals.map((refusal) => ({ field: 'password', rule: refusal.rule, message: refusal.message })));
}
