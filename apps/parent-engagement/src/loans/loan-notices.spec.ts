import type { EventCatalog, EventEnvelope } from '@tutti/contracts';
import { applyEvent, MessagingHandlers, type ReminderWorker } from '@tutti/messaging';
import { newId, zonedInstant } from '@tutti/platform';
import { mailsTo, newTenantId, personas, waitFor } from '@tutti/testing';
import { reminderWorkerOf, useEngagementTestKit } from '../testing/engagement-test-kit';

interface LoanReminder {
  id: string;
  kind: string;
  due_at: Date;
  status: string;
  recipient_id: string;
}

type LoanEventType = 'loan.loan.started' | 'loan.loan.returned' | 'loan.loan.overdue' | 'loan.loan.flagged';

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('instrument loan events tell the family', () => {
  const kit = useEngagementTestKit();
  let worker: ReminderWorker;
  const tenantId = newTenantId();
  const schoolId = newId();

  beforeAll(() => {
    worker = reminderWorkerOf(kit);
  });
  afterAll(async () => {
    await worker?.close();
  });

  function loanEvent<T extends LoanEventType>(type: T, payload: EventCatalog[T]): EventEnvelope<T> {
    return { id: newId(), type, tenantId, occurredAt: new Date().toISOString(), source: 'instrument-loan', payload };
  }

  const apply = (event: EventEnvelope) => applyEvent(kit.db, 'parent-engagement', kit.app.get(MessagingHandlers).handlers, event);

  async function signedInFamily(pupilId: string): Promise<string> {
    const guardian = personas.guardian(tenantId, [{ pupilId, schoolId }]);
    const email = `loan-${guardian.userId}@example.org`;
    const response = await kit.call(guardian, 'PUT', '/families/me/contact-preferences', {
      email,
      language: 'pl',
      emailEnabled: true,
      smsEnabled: false,
    });
    expect(response.statusCode).toBe(200);
    return email;
  }

  const started = (loanId: string, pupilId: string, dueOn: string) =>
    loanEvent('loan.loan.started', {
      version: 1,
      loanId,
      instrumentId: newId(),
      assetTag: 'VLN-0042',
      instrumentType: 'violin',
      size: '1/2',
      pupilId,
      schoolId,
      dueOn,
      startedAt: new Date().toISOString(),
      termsVersion: '2026-1',
    });

  const remindersOf = (loanId: string): Promise<LoanReminder[]> =>
    kit.db.query(
      `SELECT id, kind, due_at, status, recipient_id FROM reminders WHERE tenant_id = $1 AND subject_type = 'instrument-loan' AND subject_id = $2 ORDER BY created_at`,
      [tenantId, loanId],
    );

  async function sendNow(reminder: LoanReminder): Promise<string> {
    await kit.db.query(`UPDATE reminders SET due_at = now() - interval '1 second' WHERE id = $1`, [reminder.id]);
    const [{ due_at: dueAt }] = await kit.db.query('SELECT due_at FROM reminders WHERE id = $1', [reminder.id]);
    return (await worker.deliverDue({ reminderId: reminder.id, tenantId, dueAt: (dueAt as Date).toISOString() })).kind;
  }

  it('schedules "return due" for 09:00 London time the day before, once however often the start arrives, and emails it in the family’s Polish', async () => {
    const [loanId, pupilId] = [newId(), newId()];
    const email = await signedInFamily(pupilId);
    const dueOn = dateIn(5);
    const event = started(loanId, pupilId, dueOn);
    await apply(event);
    await apply(event);
    await apply({ ...event, id: newId() });
    const reminders = await remindersOf(loanId);
    expect(reminders).toHaveLength(1);
    const [year, month, day] = dueOn.split('-').map(Number);
    expect(reminders[0]).toMatchObject({ kind: 'loan.return-due', status: 'scheduled', recipient_id: pupilId });
    expect(reminders[0].due_at.getTime()).toBe(zonedInstant(year, month, day - 1, 9, 0, 'Europe/London').getTime());

    expect(await sendNow(reminders[0])).toBe('sent');
    const mail = await waitFor(
      async () => (await mailsTo(email)).find((found) => found.subject.startsWith('Jutro mija termin zwrotu instrumentu')),
      { timeoutMs: 15_000 },
    );
    expect(mail.subject).toBe('Jutro mija termin zwrotu instrumentu: violin (VLN-0042)');
    // The date in Polish too ("piątek, 12 grudnia 2026"), as the Polish family chose.
    const dueOnInPolish = new Intl.DateTimeFormat('pl-PL', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(`${dueOn}T00:00:00Z`));
    expect(mail.text).toContain(`Instrument wypożyczony Państwa dziecku (violin (VLN-0042)) należy zwrócić ${dueOnInPolish}.`);
    // Its Message-ID is the reminder's delivery key and the guardian (one reminder mails each guardian of the pupil).
    const [sent] = await kit.db.query('SELECT id, due_at FROM reminders WHERE id = $1', [reminders[0].id]);
    const guardianId = email.slice('loan-'.length, email.indexOf('@'));
    expect(mail.messageId).toBe(`reminder-${sent.id}-${sent.due_at.getTime()}.${guardianId}@parent-engagement.tutti`);
  });

  it('cancels the return reminder when the instrument comes back', async () => {
    const [loanId, pupilId] = [newId(), newId()];
    await signedInFamily(pupilId);
    await apply(started(loanId, pupilId, dateIn(10)));
    await apply(
      loanEvent('loan.loan.returned', {
        version: 1,
        loanId,
        instrumentId: newId(),
        pupilId,
        returnedAt: new Date().toISOString(),
        outcome: 'returned',
        conditionIn: 'good',
      }),
    );
    expect((await remindersOf(loanId)).map((reminder) => reminder.status)).toEqual(['cancelled']);
  });

  it('records the reminder against the pupil when no family is known yet, and finds the family when it is sent', async () => {
    const [loanId, pupilId] = [newId(), newId()];
    await apply(started(loanId, pupilId, dateIn(7)));
    const [reminder] = await remindersOf(loanId);
    expect(reminder).toMatchObject({ kind: 'loan.return-due', recipient_id: pupilId });
    const email = await signedInFamily(pupilId);
    expect(await sendNow(reminder)).toBe('sent');
    await waitFor(async () => (await mailsTo(email)).find((found) => found.subject.startsWith('Jutro mija termin zwrotu instrumentu')), {
      timeoutMs: 15_000,
    });
  });

  it('tells the family, once, that the instrument is overdue', async () => {
    const [loanId, pupilId] = [newId(), newId()];
    const email = await signedInFamily(pupilId);
    const dueOn = dateIn(-2);
    const overdue = {
      version: 1 as const,
      loanId,
      instrumentId: newId(),
      assetTag: 'CLR-0007',
      instrumentType: 'clarinet',
      pupilId,
      dueOn,
    };
    await apply(loanEvent('loan.loan.overdue', overdue));
    await apply(loanEvent('loan.loan.overdue', overdue));
    expect((await remindersOf(loanId)).map((reminder) => reminder.kind)).toEqual(['loan.overdue']);
    const mail = await waitFor(
      async () => (await mailsTo(email)).find((found) => found.subject.startsWith('Minął termin zwrotu instrumentu')),
      { timeoutMs: 15_000 },
    );
    expect(mail.subject).toBe('Minął termin zwrotu instrumentu: clarinet (CLR-0007)');
    expect(mail.text).toContain('nie został jeszcze oddany');
  });

  it('tells the family that a conditional loan is being reviewed', async () => {
    const [loanId, pupilId] = [newId(), newId()];
    const email = await signedInFamily(pupilId);
    await apply(started(loanId, pupilId, dateIn(30)));
    await apply(
      loanEvent('loan.loan.flagged', {
        version: 1,
        loanId,
        instrumentId: newId(),
        pupilId,
        ensembleId: newId(),
        reason: 'three ensemble rehearsals missed in a row',
        missedInARow: 3,
      }),
    );
    const mail = await waitFor(
      async () => (await mailsTo(email)).find((found) => found.subject.startsWith('Wypożyczenie instrumentu jest sprawdzane')),
      { timeoutMs: 15_000 },
    );
    expect(mail.subject).toBe('Wypożyczenie instrumentu jest sprawdzane: violin');
    expect(mail.text).toContain('Podany powód: three ensemble rehearsals missed in a row');
  });
});
