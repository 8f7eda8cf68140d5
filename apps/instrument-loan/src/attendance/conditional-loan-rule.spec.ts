import { evaluateConditionalLoan, type AttendanceStatus } from './conditional-loan-rule';

const DAY = 86_400_000;
const loanStart = new Date('2026-01-05T09:00:00Z');
const session = (day: number, status: AttendanceStatus) => ({ startsAt: new Date(loanStart.getTime() + day * DAY), status });
const rule = { missedSessionsThreshold: 3, gracePeriodDays: 14 };

describe('the conditional-loan rule', () => {
  it('ignores absences inside the grace period', () => {
    // Days 1, 8 in grace (<14); day 15 is the first counted: one absence only.
    expect(evaluateConditionalLoan([session(1, 'absent'), session(8, 'absent'), session(15, 'absent')], loanStart, rule)).toEqual({
      flag: false,
      missedInARow: 1,
    });
  });

  it('flags the third absence in a row after the grace period', () => {
    expect(evaluateConditionalLoan([session(15, 'absent'), session(22, 'absent'), session(29, 'absent')], loanStart, rule)).toEqual({
      flag: true,
      missedInARow: 3,
    });
  });

  it('counts the grace period boundary itself (day 14) as counted', () => {
    expect(evaluateConditionalLoan([session(14, 'absent'), session(21, 'absent'), session(28, 'absent')], loanStart, rule).flag).toBe(true);
    expect(evaluateConditionalLoan([session(13.9, 'absent'), session(21, 'absent'), session(28, 'absent')], loanStart, rule)).toEqual({
      flag: false,
      missedInARow: 2,
    });
  });

  it('lets present or late break the run, and skips excused absences', () => {
    // Newest first: 43 absent, 36 excused (skipped), 29 absent, 22 late (stops) → 2.
    expect(
      evaluateConditionalLoan(
        [session(15, 'absent'), session(22, 'late'), session(29, 'absent'), session(36, 'excused'), session(43, 'absent')],
        loanStart,
        rule,
      ),
    ).toEqual({
      flag: false,
      missedInARow: 2,
    });
    // Add 50 absent → 3 in a row (43, 29 across the excused 36, 50).
    expect(
      evaluateConditionalLoan(
        [session(22, 'present'), session(29, 'absent'), session(36, 'excused'), session(43, 'absent'), session(50, 'absent')],
        loanStart,
        rule,
      ),
    ).toEqual({
      flag: true,
      missedInARow: 3,
    });
  });

  it('reads marks in time order whatever order they arrive in, and honours per-area parameters', () => {
    const marks = [session(36, 'absent'), session(15, 'present'), session(29, 'absent'), session(22, 'absent')];
    expect(evaluateConditionalLoan(marks, loanStart, rule)).toEqual({ flag: true, missedInARow: 3 });
    expect(evaluateConditionalLoan(marks, loanStart, { missedSessionsThreshold: 4, gracePeriodDays: 0 })).toEqual({
      flag: false,
      missedInARow: 3,
    });
    expect(evaluateConditionalLoan(marks, loanStart, { missedSessionsThreshold: 2, gracePeriodDays: 25 })).toEqual({
      flag: true,
      missedInARow: 2,
    });
  });
});
