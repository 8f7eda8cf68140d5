import { ConflictProblem } from '@tutti/platform';

/** A 409 naming the rule the request clashes with, so that a client can tell which it was. */
export function conflict(rule: string, detail: string, facts: Record<string, unknown> = {}): ConflictProblem {
  return new ConflictProblem(detail, [{ rule, ...facts }]);
}
