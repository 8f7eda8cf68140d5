import { useCallback, useEffect, useState } from 'react';
import { answered, ApiProblem, client, everyItem, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, formatTime, useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, Loaded, Notice, useLoad } from '../../ui';
import { ConflictNotice, todayIn } from '../conflict-words';

type Run = Schema<'parent-engagement.TransportRunDto'>;
type Booking = Schema<'parent-engagement.BookingDto'>;

/** The area's calendar day of an instant. */
function dayIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The buses from today on, today's first: each opens its manifest. */
export function DriverRuns() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const zone = me.area.timeZone;
  const runs = useLoad(async () => {
    const today = todayIn(zone);
    const all = await everyItem(
      async (cursor) => (await client.GET('/api/parent-engagement/transport-runs', { params: { query: { limit: 100, cursor } } })).data,
    );
    return all
      .filter((run) => dayIn(run.outboundDepartsAt, zone) >= today)
      .sort((a, b) => a.outboundDepartsAt.localeCompare(b.outboundDepartsAt));
  }, [zone]);
  return (
    <>
      <h1>{t('driver.title')}</h1>
      <Loaded value={runs}>
        {(list) => {
          const today = todayIn(zone);
          const todays = list.filter((run) => dayIn(run.outboundDepartsAt, zone) === today);
          const later = list.filter((run) => dayIn(run.outboundDepartsAt, zone) !== today);
          const item = (run: Run) => (
            <li key={run.id} className="card">
              <Link to={`/driver/${run.id}`} className="card-link" data-testid="run-link">
                <strong>{run.performance.title}</strong>
                <span>
                  {formatDateTime(language, run.outboundDepartsAt, zone)} · {run.vehicle}
                </span>
                <span className="muted">
                  {run.status === 'cancelled' ? t('driver.cancelled') : t('driver.seatsTaken', { taken: run.seatsTaken, seats: run.seats })}
                </span>
              </Link>
            </li>
          );
          return (
            <>
              <section aria-labelledby="today-heading">
                <h2 id="today-heading">{t('driver.today')}</h2>
                {todays.length === 0 ? <Empty>{t('driver.noneToday')}</Empty> : <ul className="cards plain">{todays.map(item)}</ul>}
              </section>
              {later.length > 0 && (
                <section aria-labelledby="later-heading">
                  <h2 id="later-heading">{t('driver.later')}</h2>
                  <ul className="cards plain">{later.map(item)}</ul>
                </section>
              )}
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/** Check-ins tapped but not yet acknowledged by the API, kept on the phone across a lost signal and a reload. */
type Pending = Record<string, boolean>;
const pendingKey = (runId: string) => `tutti.driver.pending.${runId}`;

function readPending(runId: string): Pending {
  try {
    return JSON.parse(localStorage.getItem(pendingKey(runId)) ?? '{}') as Pending;
  } catch {
    return {};
  }
}

function writePending(runId: string, pending: Pending): void {
  if (Object.keys(pending).length === 0) localStorage.removeItem(pendingKey(runId));
  else localStorage.setItem(pendingKey(runId), JSON.stringify(pending));
}

/**
 * One bus's manifest on the day, stop by stop in pick-up order: each confirmed family with its
 * seats, checked in with one tap. A tap is kept on the phone until the API has it, so that no
 * signal, or a reload, loses nothing; it is sent again when the signal returns.
 */
export function DriverManifest({ runId }: { runId: string }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const zone = me.area.timeZone;
  const run = useLoad(
    async () => answered((await client.GET('/api/parent-engagement/transport-runs/{runId}', { params: { path: { runId } } })).data),
    [runId],
  );
  const bookings = useLoad(
    () =>
      everyItem(
        async (cursor) =>
          (
            await client.GET('/api/parent-engagement/transport-bookings', {
              params: { query: { runId, status: 'confirmed', limit: 100, cursor } },
            })
          ).data,
      ),
    [runId],
  );
  const [pending, setPending] = useState<Pending>(() => readPending(runId));
  const [sent, setSent] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const [offline, setOffline] = useState(false);

  const send = useCallback(
    async (toSend: Pending) => {
      for (const [bookingId, present] of Object.entries(toSend)) {
        try {
          const { data } = await client.POST('/api/parent-engagement/transport-bookings/{bookingId}/check-in', {
            params: { path: { bookingId } },
            body: { present },
          });
          setSent((current) => ({ ...current, [bookingId]: Boolean(data?.checkedInAt) }));
          setPending((current) => {
            const next = { ...current };
            if (next[bookingId] === present) delete next[bookingId];
            writePending(runId, next);
            return next;
          });
          setOffline(false);
        } catch (failure) {
          if (failure instanceof ApiProblem) {
            // Refused (not confirmed any more, not yours): told, and not sent again.
            setError(failure);
            setPending((current) => {
              const next = { ...current };
              delete next[bookingId];
              writePending(runId, next);
              return next;
            });
          } else {
            setOffline(true);
            return;
          }
        }
      }
    },
    [runId],
  );

  useEffect(() => {
    const flush = () => void send(readPending(runId));
    flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [runId, send]);

  const tap = (booking: Booking, present: boolean) => {
    setError(null);
    const next = { ...readPending(runId), [booking.id]: present };
    writePending(runId, next);
    setPending(next);
    void send({ [booking.id]: present });
  };

  const isIn = (booking: Booking) => pending[booking.id] ?? sent[booking.id] ?? Boolean(booking.checkedInAt);

  return (
    <>
      <p>
        <Link to="/driver">{t('back')}</Link>
      </p>
      <Loaded value={run}>
        {(detail) => (
          <>
            <h1>{detail.performance.title}</h1>
            <p>
              {formatDateTime(language, detail.outboundDepartsAt, zone)} · {detail.vehicle} · {detail.performance.venueName}
            </p>
            {detail.status === 'cancelled' && <Notice kind="error">{t('driver.cancelled')}</Notice>}
            <div aria-live="polite">
              {offline && <Notice kind="info">{t('driver.offline', { n: Object.keys(pending).length })}</Notice>}
              <ConflictNotice error={error} />
            </div>
            <Loaded value={bookings}>
              {(list) => {
                const onBus = list.filter(isIn);
                const seats = (items: Booking[]) => items.reduce((sum, booking) => sum + booking.seats, 0);
                return (
                  <>
                    <p data-testid="manifest-count">
                      <strong>{t('driver.onBoard', { in: seats(onBus), of: seats(list) })}</strong>
                    </p>
                    {[...detail.stops]
                      .sort((a, b) => a.pickupAt.localeCompare(b.pickupAt))
                      .map((stop) => {
                        const here = list.filter((booking) => booking.stopId === stop.id);
                        return (
                          <section key={stop.id} className="card" aria-labelledby={`stop-${stop.id}`} data-testid="stop">
                            <h2 id={`stop-${stop.id}`}>
                              {formatTime(language, stop.pickupAt, zone)} · {stop.name}
                            </h2>
                            <p className="muted">{stop.place}</p>
                            {here.length === 0 ? (
                              <Empty>{t('driver.nobodyHere')}</Empty>
                            ) : (
                              <ul className="plain">
                                {here.map((booking) => {
                                  const checked = isIn(booking);
                                  return (
                                    <li key={booking.id} className="consent-row" data-booking-id={booking.id}>
                                      <span>
                                        <strong>{booking.guardianName}</strong>
                                        <br />
                                        <span className="muted">
                                          {t('driver.seats', { adults: booking.adults, children: booking.children })}
                                          {booking.id in pending && ` · ${t('driver.notSentYet')}`}
                                        </span>
                                      </span>
                                      <button
                                        type="button"
                                        className={checked ? 'button primary' : 'button secondary'}
                                        aria-pressed={checked}
                                        onClick={() => tap(booking, !checked)}
                                      >
                                        {checked ? t('driver.onTheBus') : t('driver.checkIn')}
                                        <span className="visually-hidden"> {booking.guardianName}</span>
                                      </button>
                                    </li>
                                  );
                                })}
                              </ul>
                            )}
                          </section>
                        );
                      })}
                  </>
                );
              }}
            </Loaded>
          </>
        )}
      </Loaded>
    </>
  );
}
