import { useState, type FormEvent } from 'react';
import { allPages, answered, client, conflictRuleOf, newId, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, useI18n, type MessageKey } from '../../i18n';
import { Empty, ErrorNotice, Field, FormError, Loaded, Notice, useLoad, useSubmit } from '../../ui';
import { BOOK_CONFLICTS, CLOSED_RULES, conflictMessage } from './booking-conflicts';
import { ChangeBooking, PickupStops } from './ChangeBooking';
import { useChildren, type Child } from './children';

type Booking = Schema<'parent-engagement.BookingDto'>;
type TransportRun = Schema<'parent-engagement.TransportRunDto'>;

export function ParentTransport() {
  const { t } = useI18n();
  const children = useChildren();
  // Every page of both lists: a booking must find its run, and no bus may be missing from the choice.
  const runs = useLoad(() => allPages('/api/parent-engagement/transport-runs'), []);
  const bookings = useLoad(() => allPages('/api/parent-engagement/transport-bookings'), []);
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    runs.reload();
    bookings.reload();
  };
  return (
    <>
      <h1>{t('freeBus')}</h1>
      {message && <Notice>{message}</Notice>}
      <Loaded value={children}>
        {(kids) => (
          <Loaded value={runs}>
            {(runList) => (
              <>
                <h2>{t('myBookings')}</h2>
                <Loaded value={bookings}>{(list) => <BookingList bookings={list} runs={runList} kids={kids} onChanged={changed} />}</Loaded>
                {runList.length === 0 ? (
                  <Empty>{t('noRuns')}</Empty>
                ) : (
                  runList.map((run) => <RunCard key={run.id} run={run} kids={kids} onBooked={changed} />)
                )}
              </>
            )}
          </Loaded>
        )}
      </Loaded>
    </>
  );
}

const BOOKING_FIELDS = ['runId', 'stopId', 'adults', 'pupilIds', 'otherChildren'] as const;

function RunCard({ run, kids, onBooked }: { run: TransportRun; kids: Child[]; onBooked: (message: string) => void }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const bookable = kids.filter((kid) => kid.canBookTransport);
  const [stopId, setStopId] = useState(run.stops[0]?.id ?? '');
  const [pupilIds, setPupilIds] = useState<string[]>([]);
  const [adults, setAdults] = useState(0);
  const { busy, error, fieldError, run: send } = useSubmit();
  // One key per booking the parent means to make: a retry after a lost answer cannot book twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newId);
  const headingId = `run-${run.id}`;
  const full = run.seatsLeft <= 0;
  // Closed as listed, or found closed by a booking refused since the page was loaded.
  const refusal = conflictRuleOf(error);
  const refusedAsClosed = refusal !== undefined && CLOSED_RULES.includes(refusal);
  const cancelled = run.status === 'cancelled' || run.performance.status === 'cancelled';
  const closed = !run.bookingOpen || refusedAsClosed;
  const explained = conflictMessage(error, t, BOOK_CONFLICTS);

  const toggle = (pupilId: string) =>
    setPupilIds((ids) => (ids.includes(pupilId) ? ids.filter((id) => id !== pupilId) : [...ids, pupilId]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send(async () => {
      const booking = answered(
        (
          await client.POST('/api/parent-engagement/transport-bookings', {
            params: { header: { 'Idempotency-Key': idempotencyKey } },
            body: { runId: run.id, stopId, adults, pupilIds },
          })
        ).data,
      );
      setIdempotencyKey(newId());
      setPupilIds([]);
      setAdults(0);
      onBooked(booking.status === 'waitlisted' ? t('bookedWaitlisted', { n: booking.waitlistPlace ?? '?' }) : t('bookedConfirmed'));
    });
  };

  return (
    <section className="card" aria-labelledby={headingId} data-run-id={run.id} data-booking-open={closed ? 'no' : 'yes'}>
      <h2 id={headingId}>{run.performance.title}</h2>
      <p>
        {formatDateTime(language, run.performance.startsAt, me.area.timeZone)} · {run.performance.venueName}
        <br />
        <span className="muted">{run.vehicle}</span>
        <br />
        {closed ? (
          <span className="badge badge-bad">{t('bookingClosed')}</span>
        ) : (
          <>
            <span className={full ? 'badge badge-warn' : 'badge badge-good'}>
              {full ? t('busFull') : t('seatsLeft', { n: run.seatsLeft })}
            </span>
            <br />
            <span className="muted">{t('bookingsClose', { when: formatDateTime(language, run.bookingsCloseAt, me.area.timeZone) })}</span>
          </>
        )}
      </p>
      {closed ? (
        explained ? (
          <Notice kind="error">{explained}</Notice>
        ) : (
          <p className="muted">{cancelled ? t('runCancelled') : t('bookingClosedHint')}</p>
        )
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          {explained ? <Notice kind="error">{explained}</Notice> : <FormError error={error} fields={BOOKING_FIELDS} />}
          <PickupStops name={`stop-${run.id}`} run={run} value={stopId} onChange={setStopId} error={fieldError('stopId')} />
          <fieldset>
            <legend>{t('whoIsTravelling')}</legend>
            {bookable.length === 0 && <p className="muted">{t('noChildren')}</p>}
            {bookable.map((kid) => (
              <label key={kid.pupilId} className="choice">
                <input
                  type="checkbox"
                  name="pupilIds"
                  value={kid.pupilId}
                  checked={pupilIds.includes(kid.pupilId)}
                  onChange={() => toggle(kid.pupilId)}
                />
                <span>{kid.name}</span>
              </label>
            ))}
            {fieldError('pupilIds') && <p className="field-error">{fieldError('pupilIds')}</p>}
          </fieldset>
          <Field label={t('adults')} error={fieldError('adults')}>
            {(props) => (
              <input
                {...props}
                name="adults"
                type="number"
                inputMode="numeric"
                min={0}
                max={20}
                value={adults}
                onChange={(event) => setAdults(Number(event.target.value))}
              />
            )}
          </Field>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('booking') : full ? t('joinWaitlist') : t('bookSeats')}
          </button>
        </form>
      )}
    </section>
  );
}

function BookingList({
  bookings,
  runs,
  kids,
  onChanged,
}: {
  bookings: Booking[];
  runs: TransportRun[];
  kids: Child[];
  onChanged: (message: string) => void;
}) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [changingId, setChangingId] = useState<string | null>(null);
  const { error, run: send } = useSubmit();
  const live = bookings.filter((booking) => ['confirmed', 'waitlisted', 'offered'].includes(booking.status));
  if (live.length === 0) return <Empty>{t('noBookings')}</Empty>;

  const act = async (booking: Booking, action: 'cancel' | 'accept' | 'decline', done: string) => {
    setBusyId(booking.id);
    await send(async () => {
      await client.POST(`/api/parent-engagement/transport-bookings/{bookingId}/${action}`, { params: { path: { bookingId: booking.id } } });
      onChanged(done);
    });
    setBusyId(null);
  };

  return (
    <>
      {error !== null && <ErrorNotice error={error} />}
      <ul className="cards">
        {live.map((booking) => {
          const run = runs.find((candidate) => candidate.id === booking.runId);
          const stop = run?.stops.find((candidate) => candidate.id === booking.stopId);
          const names = booking.pupilIds.map((id) => kids.find((kid) => kid.pupilId === id)?.name ?? t('child')).join(', ');
          return (
            <li key={booking.id} className="card booking" data-status={booking.status} data-booking-id={booking.id}>
              <strong>{run?.performance.title ?? t('transport')}</strong>
              <p>
                <span className={`badge badge-${booking.status === 'confirmed' ? 'good' : 'warn'}`}>
                  {t(`status.${booking.status}` as MessageKey)}
                </span>{' '}
                · {t('seats', { n: booking.seats })}
                {names && ` · ${names}`}
              </p>
              {stop && (
                <p className="muted">
                  {t('pickUpAt', { when: formatDateTime(language, stop.pickupAt, me.area.timeZone), stop: stop.name })}
                </p>
              )}
              {booking.status === 'waitlisted' && booking.waitlistPlace != null && (
                <p>{t('waitlistPlace', { n: booking.waitlistPlace })}</p>
              )}
              {booking.status === 'offered' && booking.offerExpiresAt && (
                <p>{t('offerExpires', { when: formatDateTime(language, booking.offerExpiresAt, me.area.timeZone) })}</p>
              )}
              <div className="actions">
                {booking.status === 'offered' && (
                  <>
                    <button
                      type="button"
                      className="button primary"
                      disabled={busyId !== null}
                      onClick={() => void act(booking, 'accept', t('seatAccepted'))}
                    >
                      {t('acceptSeat')}
                    </button>
                    <button
                      type="button"
                      className="button secondary"
                      disabled={busyId !== null}
                      onClick={() => void act(booking, 'decline', t('bookingCancelled'))}
                    >
                      {t('declineSeat')}
                    </button>
                  </>
                )}
                {booking.status !== 'offered' && changingId !== booking.id && run && (
                  <button type="button" className="button secondary" disabled={busyId !== null} onClick={() => setChangingId(booking.id)}>
                    {t('changeBooking')}
                    <span className="visually-hidden">: {names}</span>
                  </button>
                )}
                {booking.status !== 'offered' && (
                  <button
                    type="button"
                    className="button danger"
                    disabled={busyId !== null}
                    onClick={() => void act(booking, 'cancel', t('bookingCancelled'))}
                  >
                    {t('cancelBooking')}
                    <span className="visually-hidden">: {names}</span>
                  </button>
                )}
              </div>
              {changingId === booking.id && run && (
                <ChangeBooking
                  booking={booking}
                  run={run}
                  onClose={() => setChangingId(null)}
                  onChanged={(message) => {
                    setChangingId(null);
                    onChanged(message);
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
