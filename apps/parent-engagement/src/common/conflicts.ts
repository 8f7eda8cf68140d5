import type { ConflictRule } from '@tutti/contracts';
import { ConflictProblem } from '@tutti/platform';

/** A 409 naming the rule the request clashes with (one of @tutti/contracts' CONFLICT_RULES), so that a client can tell which it was. */
export function conflict(rule: ConflictRule, detail: string, facts: Record<string, unknown> = {}): ConflictProblem {
  return new ConflictProblem(detail, [{ rule, ...facts }]);
}
