import { useEffect, useRef, useState, type FormEvent } from 'react';
import { allPages, answered, client, conflictRuleOf, newId, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, useI18n, type MessageKey } from '../../i18n';
import { Empty, ErrorNotice, FormError, Loaded, Notice, useLoad, useSubmit } from '../../ui';
import { BOOK_CONFLICTS, CLOSED_RULES, conflictMessage } from './booking-conflicts';
import { ChangeBooking, PickupStops } from './ChangeBooking';
import { useChildren, type Child } from './children';
import { ChildrenChoice, PeopleCount } from './who-is-coming';

type Booking = Schema<'parent-engagement.BookingDto'>;
type TransportRun = Schema<'parent-engagement.TransportRunDto'>;

const LIVE_STATUSES: readonly Booking['status'][] = ['confirmed', 'waitlisted', 'offered'];

/** A coming performance with a bus to it, its buses and the family's live bookings on them. */
interface Trip {
  performance: TransportRun['performance'];
  runs: TransportRun[];
  bookings: Booking[];
}

/** The buses grouped by performance, soonest first; performances already begun are left out. */
function tripsOf(runs: TransportRun[], bookings: Booking[], now = Date.now()): Trip[] {
  const trips = new Map<string, Trip>();
  for (const run of runs) {
    if (Date.parse(run.performance.startsAt) < now) continue;
    const trip = trips.get(run.performance.id) ?? { performance: run.performance, runs: [], bookings: [] };
    trip.runs.push(run);
    trip.bookings.push(...bookings.filter((booking) => booking.runId === run.id && LIVE_STATUSES.includes(booking.status)));
    trips.set(run.performance.id, trip);
  }
  return [...trips.values()].sort((a, b) => Date.parse(a.performance.startsAt) - Date.parse(b.performance.startsAt));
}

/** At a glance: booked (and how), not booked yet, or closed. */
type TripState = 'booked' | 'waitlisted' | 'offered' | 'open' | 'closed';

function stateOf(trip: Trip): TripState {
  if (trip.bookings.some((booking) => booking.status === 'offered')) return 'offered';
  if (trip.bookings.some((booking) => booking.status === 'confirmed')) return 'booked';
  if (trip.bookings.length > 0) return 'waitlisted';
  return trip.runs.some((run) => run.bookingOpen) ? 'open' : 'closed';
}

/**
 * The free bus, short enough for a thumb: one line per coming performance (date, venue, and whether
 * the family is booked, not booked, or booking is closed), and the one the parent taps opens below
 * its line: the family's booking there (change, cancel, accept an offered seat), and a booking form
 * for a bus that still takes bookings. Closed buses are never shown as forms.
 */
/** The booking an email linked to (/parent/transport#booking-<id>), if any. */
function linkedBookingId(): string | null {
  const hash = typeof window === 'undefined' ? '' : window.location.hash;
  return hash.startsWith('#booking-') ? decodeURIComponent(hash.slice('#booking-'.length)) : null;
}

export function ParentTransport() {
  const { t } = useI18n();
  const children = useChildren();
  // Every page of both lists: a booking must find its run, and no bus may be missing from the choice.
  const runs = useLoad(() => allPages('/api/parent-engagement/transport-runs'), []);
  const bookings = useLoad(() => allPages('/api/parent-engagement/transport-bookings'), []);
  const [message, setMessage] = useState<string | null>(null);
  // undefined until the family opens or closes one: a booking's email links here with #booking-<id>, which opens its trip.
  const [openId, setOpenId] = useState<string | null | undefined>(undefined);
  const linkedBooking = linkedBookingId();
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
              <Loaded value={bookings}>
                {(bookingList) => {
                  const trips = tripsOf(runList, bookingList);
                  const open =
                    openId !== undefined
                      ? openId
                      : (trips.find((trip) => trip.bookings.some((b) => b.id === linkedBooking))?.performance.id ?? null);
                  if (trips.length === 0) return <Empty>{t('noRuns')}</Empty>;
                  return (
                    <>
                      <p>{t('busIntro')}</p>
                      <ul className="cards trips">
                        {trips.map((trip) => (
                          <TripItem
                            key={trip.performance.id}
                            trip={trip}
                            kids={kids}
                            open={open === trip.performance.id}
                            onToggle={() => setOpenId(open === trip.performance.id ? null : trip.performance.id)}
                            onChanged={changed}
                          />
                        ))}
                      </ul>
                    </>
                  );
                }}
              </Loaded>
            )}
          </Loaded>
        )}
      </Loaded>
    </>
  );
}

function TripBadge({ trip, state }: { trip: Trip; state: TripState }) {
  const { t } = useI18n();
  const seats = trip.bookings.reduce((sum, booking) => sum + booking.seats, 0);
  if (state === 'booked') return <span className="badge badge-good">{t('busBooked', { n: seats })}</span>;
  if (state === 'waitlisted' || state === 'offered') return <span className="badge badge-warn">{t(`status.${state}`)}</span>;
  if (state === 'open') return <span className="badge badge-none">{t('busNotBooked')}</span>;
  return <span className="badge badge-bad">{t('bookingClosed')}</span>;
}

function TripItem({
  trip,
  kids,
  open,
  onToggle,
  onChanged,
}: {
  trip: Trip;
  kids: Child[];
  open: boolean;
  onToggle: () => void;
  onChanged: (message: string) => void;
}) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const state = stateOf(trip);
  const panelId = `trip-${trip.performance.id}`;
  const booked = new Set(trip.bookings.map((booking) => booking.runId));
  // A bus the family is on already is changed through its booking, not booked again.
  const bookable = trip.runs.filter((run) => run.bookingOpen && !booked.has(run.id));
  const cancelled = trip.performance.status === 'cancelled' || trip.runs.every((run) => run.status === 'cancelled');
  return (
    <li className="card trip" data-performance-id={trip.performance.id} data-trip-state={state}>
      <button type="button" className="trip-toggle" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
        <strong>{trip.performance.title}</strong>
        <span>
          {formatDateTime(language, trip.performance.startsAt, me.area.timeZone)} · {trip.performance.venueName}
        </span>
        <TripBadge trip={trip} state={state} />
      </button>
      {open && (
        <div id={panelId} className="stack trip-panel">
          {trip.bookings.map((booking) => {
            const run = trip.runs.find((candidate) => candidate.id === booking.runId);
            return run ? <BookingCard key={booking.id} booking={booking} run={run} kids={kids} onChanged={onChanged} /> : null;
          })}
          {bookable.length > 0 ? (
            <BookForm key={bookable.map((run) => run.id).join()} runs={bookable} kids={kids} onBooked={onChanged} />
          ) : (
            trip.bookings.length === 0 && <p className="muted">{cancelled ? t('runCancelled') : t('bookingClosedHint')}</p>
          )}
        </div>
      )}
    </li>
  );
}

const BOOKING_FIELDS = ['runId', 'stopId', 'adults', 'pupilIds', 'otherChildren'] as const;

/** Booking seats on one of the performance's buses that still take bookings (a choice when there are several). */
function BookForm({ runs, kids, onBooked }: { runs: TransportRun[]; kids: Child[]; onBooked: (message: string) => void }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const [runId, setRunId] = useState(runs[0].id);
  const run = runs.find((candidate) => candidate.id === runId) ?? runs[0];
  const travellers = kids.filter((kid) => kid.canBookTransport);
  const [stopId, setStopId] = useState(run.stops[0]?.id ?? '');
  const [pupilIds, setPupilIds] = useState<string[]>([]);
  const [adults, setAdults] = useState(0);
  const { busy, error, fieldError, run: send } = useSubmit();
  // One key per booking the parent means to make: a retry after a lost answer cannot book twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newId);
  const full = run.seatsLeft <= 0;
  // Found closed by a booking refused since the page was loaded: the form goes, the reason stays.
  const refusal = conflictRuleOf(error);
  const refusedAsClosed = refusal !== undefined && CLOSED_RULES.includes(refusal);
  const explained = conflictMessage(error, t, BOOK_CONFLICTS);

  const chooseRun = (id: string) => {
    setRunId(id);
    setStopId(runs.find((candidate) => candidate.id === id)?.stops[0]?.id ?? '');
  };
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

  if (refusedAsClosed) {
    return (
      <div data-run-id={run.id} data-booking-open="no">
        <Notice kind="error">{explained}</Notice>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="stack" data-run-id={run.id} data-booking-open="yes" aria-label={t('bookSeats')}>
      {explained ? <Notice kind="error">{explained}</Notice> : <FormError error={error} fields={BOOKING_FIELDS} />}
      {runs.length > 1 ? (
        <fieldset>
          <legend>{t('whichBus')}</legend>
          {runs.map((candidate) => (
            <label key={candidate.id} className="choice">
              <input
                type="radio"
                name="runId"
                value={candidate.id}
                checked={candidate.id === run.id}
                onChange={() => chooseRun(candidate.id)}
              />
              <span>
                {candidate.vehicle} · {candidate.seatsLeft > 0 ? t('seatsLeft', { n: candidate.seatsLeft }) : t('busFull')}
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <p>
          <span className="muted">{run.vehicle}</span>{' '}
          <span className={full ? 'badge badge-warn' : 'badge badge-good'}>
            {full ? t('busFull') : t('seatsLeft', { n: run.seatsLeft })}
          </span>
        </p>
      )}
      <p className="muted">{t('bookingsClose', { when: formatDateTime(language, run.bookingsCloseAt, me.area.timeZone) })}</p>
      <PickupStops name={`stop-${run.id}`} run={run} value={stopId} onChange={setStopId} error={fieldError('stopId')} />
      <ChildrenChoice
        legend={t('whoIsTravelling')}
        kids={travellers}
        chosen={pupilIds}
        onChange={setPupilIds}
        error={fieldError('pupilIds')}
        empty={<p className="muted">{t('noChildren')}</p>}
      />
      <PeopleCount label={t('adults')} name="adults" value={adults} onChange={setAdults} error={fieldError('adults')} />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('booking') : full ? t('joinWaitlist') : t('bookSeats')}
      </button>
    </form>
  );
}

/** The family's booking on one bus: what it is, and change, cancel, or accept/decline an offered seat. */
function BookingCard({
  booking,
  run,
  kids,
  onChanged,
}: {
  booking: Booking;
  run: TransportRun;
  kids: Child[];
  onChanged: (message: string) => void;
}) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const section = useRef<HTMLElement>(null);
  // Opened from an email's link to this booking: bring it into view once.
  useEffect(() => {
    if (linkedBookingId() === booking.id) section.current?.scrollIntoView({ block: 'start' });
  }, [booking.id]);
  const [changing, setChanging] = useState(false);
  const { busy, error, run: send } = useSubmit();
  const stop = run.stops.find((candidate) => candidate.id === booking.stopId);
  const names = booking.pupilIds.map((id) => kids.find((kid) => kid.pupilId === id)?.name ?? t('child')).join(', ');

  const act = (action: 'cancel' | 'accept' | 'decline', done: string) =>
    send(async () => {
      await client.POST(`/api/parent-engagement/transport-bookings/{bookingId}/${action}`, { params: { path: { bookingId: booking.id } } });
      onChanged(done);
    });

  return (
    <section
      ref={section}
      id={`booking-${booking.id}`}
      className="booking"
      data-status={booking.status}
      data-booking-id={booking.id}
      aria-label={t('myBooking')}
    >
      {error !== null && <ErrorNotice error={error} />}
      <p>
        <span className={`badge badge-${booking.status === 'confirmed' ? 'good' : 'warn'}`}>
          {t(`status.${booking.status}` as MessageKey)}
        </span>{' '}
        · {t('seats', { n: booking.seats })}
        {names && ` · ${names}`}
        <br />
        <span className="muted">{run.vehicle}</span>
      </p>
      {stop && (
        <p className="muted">{t('pickUpAt', { when: formatDateTime(language, stop.pickupAt, me.area.timeZone), stop: stop.name })}</p>
      )}
      {booking.status === 'waitlisted' && booking.waitlistPlace != null && <p>{t('waitlistPlace', { n: booking.waitlistPlace })}</p>}
      {booking.status === 'offered' && booking.offerExpiresAt && (
        <p>{t('offerExpires', { when: formatDateTime(language, booking.offerExpiresAt, me.area.timeZone) })}</p>
      )}
      <div className="actions">
        {booking.status === 'offered' ? (
          <>
            <button type="button" className="button primary" disabled={busy} onClick={() => void act('accept', t('seatAccepted'))}>
              {t('acceptSeat')}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => void act('decline', t('bookingCancelled'))}>
              {t('declineSeat')}
            </button>
          </>
        ) : (
          <>
            {!changing && (
              <button type="button" className="button secondary" disabled={busy} onClick={() => setChanging(true)}>
                {t('changeBooking')}
              </button>
            )}
            <button type="button" className="button danger" disabled={busy} onClick={() => void act('cancel', t('bookingCancelled'))}>
              {t('cancelBooking')}
            </button>
          </>
        )}
      </div>
      {changing && (
        <ChangeBooking
          booking={booking}
          run={run}
          onClose={() => setChanging(false)}
          onChanged={(message) => {
            setChanging(false);
            onChanged(message);
          }}
        />
      )}
    </section>
  );
}
