import type { ConflictRule } from '@tutti/contracts';
import { ApiProblem, conflictRuleOf } from '../api/client';
import { formatDateTime, useI18n, type MessageKey } from '../i18n';
import { FormError } from '../ui';

/** Today's date (YYYY-MM-DD) in the area's time zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Seconds as "4 min 30 s" (running orders, slots, overruns). */
export function minutesAndSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** Each of @tutti/contracts' conflict rules in the staff pages' words (a rule added there fails to compile here until it has words). */
export const RULE_WORDS: Record<ConflictRule, MessageKey> = {
  'not-enough-seats': 'x.rule.not-enough-seats',
  'family-seat-limit': 'x.rule.family-seat-limit',
  'pupil-already-booked': 'x.rule.pupil-already-booked',
  'transport-consent-refused': 'x.rule.transport-consent-refused',
  'bookings-closed': 'x.rule.bookings-closed',
  'run-cancelled': 'x.rule.run-cancelled',
  'seats-below-booked': 'x.rule.seats-below-booked',
  'not-changeable': 'x.rule.not-changeable',
  'not-offered': 'x.rule.not-offered',
  'offer-expired': 'x.rule.offer-expired',
  'not-confirmed': 'x.rule.not-confirmed',
  'performance-cancelled': 'x.rule.performance-cancelled',
  'performance-over': 'x.rule.performance-over',
  'session-started': 'x.rule.session-started',
  'already-signed-up': 'x.rule.already-signed-up',
  'session-full': 'x.rule.session-full',
  'sign-up-cancelled': 'x.rule.sign-up-cancelled',
  'safeguarding-not-cleared': 'x.rule.safeguarding-not-cleared',
};

interface Clash {
  kind?: string;
  clashesWith?: { title?: string; startsAt?: string };
}

/**
 * A 409 or 412 told in words: a stale edit (412) says someone changed it meanwhile; a 409 whose
 * rule is one of @tutti/contracts' CONFLICT_RULES says that rule in the staff catalogue's words; a timetable clash names what it
 * clashes with and when; an overrun says by how much. Any other error falls to FormError (fields
 * the form shows beside themselves are left to them).
 */
export function ConflictNotice({ error, fields = [] }: { error: unknown; fields?: readonly string[] }) {
  const { t, language } = useI18n();
  if (!(error instanceof ApiProblem) || (error.status !== 409 && error.status !== 412 && error.status !== 428)) {
    return <FormError error={error} fields={fields} />;
  }
  if (error.status !== 409) {
    return (
      <div className="notice notice-error" role="alert" data-testid="conflict">
        <p>{t('x.stale')}</p>
      </div>
    );
  }
  const rule = conflictRuleOf(error);
  const first = (error.conflicts[0] ?? {}) as Record<string, unknown>;
  const lines: string[] = [];
  if (typeof first.overBySeconds === 'number') {
    lines.push(
      t('x.overrun', {
        over: minutesAndSeconds(first.overBySeconds),
        total: minutesAndSeconds(Number(first.totalSeconds ?? first.runningOrderSeconds ?? 0)),
        slot: minutesAndSeconds(Number(first.slotSeconds ?? 0)),
      }),
    );
  } else if (rule) {
    lines.push(t(RULE_WORDS[rule]));
  } else if (first.kind === 'membership') {
    lines.push(t('x.alreadyMember'));
  } else if (typeof first.status === 'string') {
    lines.push(t('x.wrongStatus', { status: t(`head.status.${first.status}` as 'head.status.draft') }));
  } else {
    for (const clash of error.conflicts as Clash[]) {
      if (clash.clashesWith?.title && clash.clashesWith.startsAt) {
        lines.push(
          t('x.clash', {
            kind: clash.kind ?? '',
            title: clash.clashesWith.title,
            when: formatDateTime(language, clash.clashesWith.startsAt),
          }),
        );
      }
    }
  }
  return (
    <div className="notice notice-error" role="alert" data-testid="conflict">
      <p>
        <strong>{t('head.conflict')}:</strong> {lines.length === 0 ? (error.detail ?? error.title) : lines[0]}
      </p>
      {lines.length > 1 && (
        <ul>
          {lines.slice(1).map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
