import { useState, type FormEvent } from 'react';
import { allPages, api, newId } from '../api';
import { useApp } from '../App';
import { formatDateTime, useI18n, type MessageKey } from '../i18n';
import { Link } from '../router';
import type { Booking, ConsentKind, Performance, PupilConsents, TransportRun } from '../types';
import { Empty, ErrorNotice, Field, fieldError, FormError, Loaded, Notice, useLoad } from '../ui';
import { BOOK_CONFLICTS, conflictMessage, conflictRule } from './parent/booking-conflicts';
import { ChangeBooking, PickupStops } from './parent/ChangeBooking';
import { useChildren, type Child } from './parent/children';
import { CursorListView, useCursorList } from '../cursor-list';

export function ParentHome() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const children = useChildren();
  const performances = useCursorList<Performance>('/api/parent-engagement/performances', {}, 10);
  return (
    <>
      <h1>{t('myChildren')}</h1>
      <Loaded value={children}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('noChildren')}</Empty>
          ) : (
            <ul className="cards">
              {list.map((child) => (
                <li key={child.pupilId} className="card">
                  <strong>{child.name}</strong>
                  {child.yearGroup !== null && <span className="muted"> · {t('year', { n: child.yearGroup })}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <h2>{t('upcomingPerformances')}</h2>
      <CursorListView list={performances}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{t('noPerformances')}</Empty>
          ) : (
            <ul className="cards">
              {items.map((performance) => (
                <li key={performance.id} className="card">
                  <strong>{performance.title}</strong>
                  <br />
                  <span>
                    {formatDateTime(language, performance.startsAt, me.area.timeZone)} · {performance.venueName}
                  </span>
                  {performance.status === 'cancelled' && <span className="badge badge-bad"> {t('status.cancelled')}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </CursorListView>
      <p className="actions">
        <Link to="/parent/performances" className="button primary">
          {t('rsvpTellUs')}
        </Link>
        <Link to="/parent/transport" className="button secondary">
          {t('freeBus')}
        </Link>
      </p>
      <CalendarFeed />
    </>
  );
}

/** The parent's private calendar address (performances and sessions), to paste into a calendar app. */
function CalendarFeed() {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const subscribe = async () => {
    setBusy(true);
    setError(null);
    try {
      const feed = await api<{ url: string }>('/api/parent-engagement/calendar-feed', { method: 'POST' });
      setUrl(feed.url);
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t('calendarFeed')}</h2>
      <p>{t('calendarFeedIntro')}</p>
      {error !== null && <ErrorNotice error={error} />}
      {url && (
        <Field label={t('calendarFeedUrl')} hint={t('calendarFeedCopy')}>
          {(props) => <input {...props} name="calendarFeedUrl" readOnly value={url} onFocus={(event) => event.target.select()} />}
        </Field>
      )}
      <button type="button" className="button secondary" disabled={busy} onClick={() => void subscribe()}>
        {url ? t('calendarFeedRenew') : t('calendarFeedSubscribe')}
      </button>
    </section>
  );
}

export function ParentTransport() {
  const { t } = useI18n();
  const children = useChildren();
  // Every page of both lists: a booking must find its run, and no bus may be missing from the choice.
  const runs = useLoad(() => allPages<TransportRun>('/api/parent-engagement/transport-runs'), []);
  const bookings = useLoad(() => allPages<Booking>('/api/parent-engagement/transport-bookings'), []);
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One key per booking the parent means to make: a retry after a lost answer cannot book twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newId);
  const headingId = `run-${run.id}`;
  const full = run.seatsLeft <= 0;
  // Closed as listed, or found closed by a booking refused since the page was loaded.
  const refusedAsClosed = ['bookings-closed', 'run-cancelled'].includes(conflictRule(error) ?? '');
  const cancelled = run.status === 'cancelled' || run.performance.status === 'cancelled';
  const closed = !run.bookingOpen || refusedAsClosed;
  const explained = conflictMessage(error, t, BOOK_CONFLICTS);

  const toggle = (pupilId: string) => setPupilIds((ids) => (ids.includes(pupilId) ? ids.filter((id) => id !== pupilId) : [...ids, pupilId]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const booking = await api<Booking>('/api/parent-engagement/transport-bookings', { method: 'POST', body: { runId: run.id, stopId, adults, pupilIds }, idempotencyKey });
      setIdempotencyKey(newId());
      setPupilIds([]);
      setAdults(0);
      onBooked(booking.status === 'waitlisted' ? t('bookedWaitlisted', { n: booking.waitlistPlace ?? '?' }) : t('bookedConfirmed'));
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
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
            <span className={full ? 'badge badge-warn' : 'badge badge-good'}>{full ? t('busFull') : t('seatsLeft', { n: run.seatsLeft })}</span>
            <br />
            <span className="muted">{t('bookingsClose', { when: formatDateTime(language, run.bookingsCloseAt, me.area.timeZone) })}</span>
          </>
        )}
      </p>
      {closed ? (
        explained ? <Notice kind="error">{explained}</Notice> : <p className="muted">{cancelled ? t('runCancelled') : t('bookingClosedHint')}</p>
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          {explained ? <Notice kind="error">{explained}</Notice> : <FormError error={error} fields={BOOKING_FIELDS} />}
          <PickupStops name={`stop-${run.id}`} run={run} value={stopId} onChange={setStopId} error={fieldError(error, 'stopId')} />
          <fieldset>
            <legend>{t('whoIsTravelling')}</legend>
            {bookable.length === 0 && <p className="muted">{t('noChildren')}</p>}
            {bookable.map((kid) => (
              <label key={kid.pupilId} className="choice">
                <input type="checkbox" name="pupilIds" value={kid.pupilId} checked={pupilIds.includes(kid.pupilId)} onChange={() => toggle(kid.pupilId)} />
                <span>{kid.name}</span>
              </label>
            ))}
            {fieldError(error, 'pupilIds') && <p className="field-error">{fieldError(error, 'pupilIds')}</p>}
          </fieldset>
          <Field label={t('adults')} error={fieldError(error, 'adults')}>
            {(props) => <input {...props} name="adults" type="number" inputMode="numeric" min={0} max={20} value={adults} onChange={(event) => setAdults(Number(event.target.value))} />}
          </Field>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('booking') : full ? t('joinWaitlist') : t('bookSeats')}
          </button>
        </form>
      )}
    </section>
  );
}

function BookingList({ bookings, runs, kids, onChanged }: { bookings: Booking[]; runs: TransportRun[]; kids: Child[]; onChanged: (message: string) => void }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [changingId, setChangingId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const live = bookings.filter((booking) => ['confirmed', 'waitlisted', 'offered'].includes(booking.status));
  if (live.length === 0) return <Empty>{t('noBookings')}</Empty>;

  const act = async (booking: Booking, action: 'cancel' | 'accept' | 'decline', done: string) => {
    setBusyId(booking.id);
    setError(null);
    try {
      await api<Booking>(`/api/parent-engagement/transport-bookings/${booking.id}/${action}`, { method: 'POST' });
      onChanged(done);
    } catch (problem) {
      setError(problem);
    } finally {
      setBusyId(null);
    }
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
                <span className={`badge badge-${booking.status === 'confirmed' ? 'good' : 'warn'}`}>{t(`status.${booking.status}` as MessageKey)}</span> · {booking.seats === 1 ? t('seat') : t('seats', { n: booking.seats })}
                {names && ` · ${names}`}
              </p>
              {stop && <p className="muted">{t('pickUpAt', { when: formatDateTime(language, stop.pickupAt, me.area.timeZone), stop: stop.name })}</p>}
              {booking.status === 'waitlisted' && booking.waitlistPlace !== null && <p>{t('waitlistPlace', { n: booking.waitlistPlace })}</p>}
              {booking.status === 'offered' && booking.offerExpiresAt && <p>{t('offerExpires', { when: formatDateTime(language, booking.offerExpiresAt, me.area.timeZone) })}</p>}
              <div className="actions">
                {booking.status === 'offered' && (
                  <>
                    <button type="button" className="button primary" disabled={busyId !== null} onClick={() => void act(booking, 'accept', t('seatAccepted'))}>
                      {t('acceptSeat')}
                    </button>
                    <button type="button" className="button secondary" disabled={busyId !== null} onClick={() => void act(booking, 'decline', t('bookingCancelled'))}>
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
                  <button type="button" className="button danger" disabled={busyId !== null} onClick={() => void act(booking, 'cancel', t('bookingCancelled'))}>
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

const CONSENT_KINDS: ConsentKind[] = ['photo_film', 'performing_in_public', 'transport', 'trips'];

export function ParentConsents() {
  const { t } = useI18n();
  const children = useChildren();
  return (
    <>
      <h1>{t('consents')}</h1>
      <Loaded value={children}>{(list) => (list.length === 0 ? <Empty>{t('noChildren')}</Empty> : list.map((child) => <ChildConsents key={child.pupilId} child={child} />))}</Loaded>
    </>
  );
}

function ChildConsents({ child }: { child: Child }) {
  const { t } = useI18n();
  const consents = useLoad(() => api<PupilConsents>(`/api/parent-engagement/pupils/${child.pupilId}/consents`), [child.pupilId]);
  const [busy, setBusy] = useState<ConsentKind | null>(null);
  const [error, setError] = useState<unknown>(null);
  const record = async (kind: ConsentKind, granted: boolean) => {
    setBusy(kind);
    setError(null);
    try {
      await api(`/api/parent-engagement/pupils/${child.pupilId}/consents/${kind}`, { method: 'PUT', body: { granted } });
      consents.reload();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="card" aria-label={child.name}>
      <h2>{child.name}</h2>
      {error !== null && <ErrorNotice error={error} />}
      <Loaded value={consents}>
        {(data) => (
          <ul className="plain">
            {CONSENT_KINDS.map((kind) => {
              const state = data.consents.find((consent) => consent.kind === kind)?.state ?? 'missing';
              return (
                <li key={kind} className="consent-row">
                  <span>
                    <strong>{t(`consent.${kind}` as MessageKey)}</strong>: {t(`consentState.${state}` as MessageKey)}
                  </span>
                  {child.canConsent && (
                    <span className="actions">
                      <button type="button" className="button secondary small" disabled={busy !== null || state === 'granted'} onClick={() => void record(kind, true)}>
                        {t('giveConsent')}
                        <span className="visually-hidden">: {t(`consent.${kind}` as MessageKey)}</span>
                      </button>
                      <button type="button" className="button secondary small" disabled={busy !== null || state === 'refused' || state === 'withdrawn'} onClick={() => void record(kind, false)}>
                        {t('refuseConsent')}
                        <span className="visually-hidden">: {t(`consent.${kind}` as MessageKey)}</span>
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
