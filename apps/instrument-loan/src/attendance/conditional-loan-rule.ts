export type AttendanceStatus = 'present' | 'late' | 'absent' | 'excused';

export interface AttendanceMark {
  startsAt: Date;
  status: AttendanceStatus;
}

export interface ConditionalLoanRule {
  /** Absences in a row that flag the loan. */
  missedSessionsThreshold: number;
  /** Days after the loan starts during which missed sessions do not count. */
  gracePeriodDays: number;
}

export interface RuleVerdict {
  flag: boolean;
  missedInARow: number;
}

/**
 * Counts the absences in a row up to the most recent session, ignoring sessions inside the grace
 * period after the loan started (and before it). Excused absences neither count nor break the run;
 * present or late ends it.
 */
export function evaluateConditionalLoan(marks: readonly AttendanceMark[], loanStartedAt: Date, rule: ConditionalLoanRule): RuleVerdict {
  const graceEnds = loanStartedAt.getTime() + rule.gracePeriodDays * 86_400_000;
  const counted = marks.filter((mark) => mark.startsAt.getTime() >= graceEnds).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  let missedInARow = 0;
  for (const mark of counted) {
    if (mark.status === 'present' || mark.status === 'late') break;
    if (mark.status === 'absent') missedInARow++;
  }
  return { flag: missedInARow >= rule.missedSessionsThreshold, missedInARow };
}
