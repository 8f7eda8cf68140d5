import { useState, type FormEvent } from 'react';
import { answered, ApiProblem, client, everyItem, newId, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, formatTime, useI18n, type MessageKey } from '../../i18n';
import { Link } from '../../router';
import { Empty, InputField, Loaded, Notice, SelectField, useLoad, useSubmit } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { SaveOrCancel, SubmitButton } from '../form-frame';
import { zonedIso } from './Performances';

type Run = Schema<'parent-engagement.TransportRunDto'>;
type Booking = Schema<'parent-engagement.BookingDto'>;

const RUN_FIELDS = ['vehicle', 'seats', 'outboundDepartsAt', 'returnDepartsAt', 'bookingsCloseAt', 'stops', 'driverStaffId'] as const;

const BOOKING_STATUS: Record<Booking['status'], MessageKey> = {
  confirmed: 'ht.bus.status.confirmed',
  waitlisted: 'ht.bus.status.waitlisted',
  offered: 'ht.bus.status.offered',
  cancelled: 'ht.bus.status.cancelled',
  expired: 'ht.bus.status.expired',
  declined: 'ht.bus.status.declined',
};

/** The area's calendar day of an instant (YYYY-MM-DD), to prefill a bus on the performance's day. */
function dayIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** The area's wall-clock time (HH:MM) of an instant, to prefill a bus's times for an edit. */
function timeIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/**
 * The free buses of one performance: each bus with its stops and pick-up times, its seats, and the
 * families booked and waiting; and a form to put on another bus with its stops.
 */
export function HeadTransport({ performanceId }: { performanceId: string }) {
  const { t } = useI18n();
  const performance = useLoad(
    async () =>
      answered((await client.GET('/api/performance-event/performances/{performanceId}', { params: { path: { performanceId } } })).data),
    [performanceId],
  );
  const runs = useLoad(
    () =>
      everyItem(
        async (cursor) =>
          (await client.GET('/api/parent-engagement/transport-runs', { params: { query: { performanceId, cursor, limit: 100 } } })).data,
      ),
    [performanceId],
  );
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <p>
        <Link to={`/head/performances/${performanceId}`}>{t('back')}</Link>
      </p>
      <Loaded value={performance}>
        {(detail) => (
          <>
            <h1>{t('ht.bus.title', { title: detail.title })}</h1>
            <div aria-live="polite">{done && <Notice>{done}</Notice>}</div>
            <section aria-labelledby="runs-heading">
              <h2 id="runs-heading">{t('ht.bus.runs')}</h2>
              <Loaded value={runs}>
                {(list) =>
                  list.length === 0 ? (
                    <Empty>{t('ht.bus.none')}</Empty>
                  ) : (
                    <ul className="cards plain" data-testid="runs">
                      {list.map((run) => (
                        <RunCard
                          key={run.id}
                          run={run}
                          onChanged={(changed) => {
                            setDone(changed ? t('ht.bus.changed', { vehicle: changed.vehicle }) : null);
                            runs.reload();
                          }}
                        />
                      ))}
                    </ul>
                  )
                }
              </Loaded>
            </section>
            {detail.status === 'published' ? (
              <AddRun
                performanceId={performanceId}
                startsAt={detail.startsAt}
                onAdded={(run) => {
                  setDone(t('ht.bus.added', { vehicle: run.vehicle, stops: run.stops.length }));
                  runs.reload();
                }}
              />
            ) : (
              <Notice kind="info">{t('ht.bus.onlyPublished')}</Notice>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

function RunCard({ run, onChanged }: { run: Run; onChanged: (changed: Run | null) => void }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const zone = me.area.timeZone;
  const [editing, setEditing] = useState(false);
  // A save refused as stale (412): told here, above a form that starts again from the bus as it is now.
  const [stale, setStale] = useState<unknown>(null);
  const bookings = useLoad(
    () =>
      everyItem(
        async (cursor) =>
          (await client.GET('/api/parent-engagement/transport-bookings', { params: { query: { runId: run.id, cursor, limit: 100 } } }))
            .data,
      ),
    [run.id],
  );
  const stopName = new Map(run.stops.map((stop) => [stop.id, stop.name]));
  return (
    <li className="card" data-run-id={run.id}>
      <h3>{run.vehicle}</h3>
      <p>
        {t('ht.bus.leaves', { when: formatDateTime(language, run.outboundDepartsAt, zone) })}
        {run.returnDepartsAt && (
          <>
            <br />
            {t('ht.bus.returns', { when: formatTime(language, run.returnDepartsAt, zone) })}
          </>
        )}
      </p>
      <p>
        <span className={run.seatsLeft > 0 ? 'badge badge-good' : 'badge badge-bad'}>
          {t('ht.bus.seats', { taken: run.seatsTaken, seats: run.seats, left: run.seatsLeft })}
        </span>{' '}
        {run.status === 'cancelled' && <span className="badge badge-bad">{t('ht.bus.cancelled')}</span>}
        {run.status !== 'cancelled' && !run.bookingOpen && <span className="badge badge-none">{t('ht.bus.closed')}</span>}
      </p>
      {run.status !== 'cancelled' &&
        (editing ? (
          <>
            {stale !== null && <ConflictNotice error={stale} />}
            <EditRun
              key={run.version}
              run={run}
              onCancel={() => {
                setEditing(false);
                setStale(null);
              }}
              onSaved={(changed) => {
                setEditing(false);
                setStale(null);
                onChanged(changed);
              }}
              onStale={(problem) => {
                setStale(problem);
                onChanged(null);
              }}
            />
          </>
        ) : (
          <p>
            <button type="button" className="button secondary" onClick={() => setEditing(true)}>
              {t('adm.editNamed', { name: run.vehicle })}
            </button>
          </p>
        ))}
      <h4>{t('ht.bus.stops')}</h4>
      <ol data-testid="stops">
        {run.stops.map((stop) => (
          <li key={stop.id}>
            <strong>{formatTime(language, stop.pickupAt, zone)}</strong> {stop.name} <span className="muted">({stop.place})</span>
          </li>
        ))}
      </ol>
      <h4>{t('ht.bus.bookings')}</h4>
      <Loaded value={bookings}>
        {(list) => {
          const live = list.filter(
            (booking) => booking.status !== 'cancelled' && booking.status !== 'expired' && booking.status !== 'declined',
          );
          if (live.length === 0) return <Empty>{t('ht.bus.noBookings')}</Empty>;
          const waiting = live
            .filter((booking) => booking.status === 'waitlisted')
            .sort((a, b) => (a.waitlistPlace ?? 0) - (b.waitlistPlace ?? 0));
          const onBoard = live.filter((booking) => booking.status !== 'waitlisted');
          return (
            <>
              <ul className="plain" data-testid="bookings">
                {onBoard.map((booking) => (
                  <li key={booking.id} data-booking-id={booking.id}>
                    {booking.guardianName} · {t('ht.bus.bookingSeats', { n: booking.seats })} · {stopName.get(booking.stopId) ?? ''} ·{' '}
                    {t(BOOKING_STATUS[booking.status])}
                  </li>
                ))}
              </ul>
              {waiting.length > 0 && (
                <>
                  <h4>{t('ht.bus.waitingList')}</h4>
                  <ol data-testid="waiting-list">
                    {waiting.map((booking) => (
                      <li key={booking.id} data-booking-id={booking.id}>
                        {booking.guardianName} · {t('ht.bus.bookingSeats', { n: booking.seats })}
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </>
          );
        }}
      </Loaded>
      <p>
        <Link to={`/driver/${run.id}`}>{t('ht.bus.manifest')}</Link>
      </p>
    </li>
  );
}

/**
 * Corrects a bus put on: vehicle, seats, times and its stops (names, places, pick-up times), saved
 * with If-Match at the version listed. A 409 (fewer seats than booked) is told in words here; a 412
 * (changed meanwhile) goes to the card, which reloads the list and shows this form again from the bus as it is now.
 */
function EditRun({
  run,
  onCancel,
  onSaved,
  onStale,
}: {
  run: Run;
  onCancel: () => void;
  onSaved: (run: Run) => void;
  onStale: (problem: ApiProblem) => void;
}) {
  const { t } = useI18n();
  const { me } = useApp();
  const zone = me.area.timeZone;
  const [draft, setDraft] = useState<RunDraft>(() => ({
    vehicle: run.vehicle,
    seats: String(run.seats),
    date: dayIn(run.outboundDepartsAt, zone),
    departs: timeIn(run.outboundDepartsAt, zone),
    returns: run.returnDepartsAt ? timeIn(run.returnDepartsAt, zone) : '',
    driver: run.driverStaffId ?? '',
  }));
  const { vehicle, seats, departs, returns, driver } = draft;
  const [stops, setStops] = useState<StopLine[]>(() =>
    run.stops.map((stop) => ({ key: stop.id, name: stop.name, place: stop.place, time: timeIn(stop.pickupAt, zone) })),
  );
  const submission = useSubmit();
  const at = (time: string) => (draft.date && time ? zonedIso(draft.date, time, zone) : '');
  const setStop = (key: string, change: Partial<StopLine>) =>
    setStops((current) => current.map((stop) => (stop.key === key ? { ...stop, ...change } : stop)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await submission.run(
      async () => {
        const { data } = await client.PATCH('/api/parent-engagement/transport-runs/{runId}', {
          params: { path: { runId: run.id }, header: { 'If-Match': `"${run.version}"` } },
          body: {
            vehicle,
            seats: Number(seats),
            outboundDepartsAt: at(departs),
            returnDepartsAt: returns ? at(returns) : null,
            driverStaffId: driver || null,
            stops: stops.map((stop) => ({ id: stop.key, name: stop.name, place: stop.place, pickupAt: at(stop.time) })),
          },
        });
        onSaved(answered(data));
      },
      (problem) => {
        if (problem instanceof ApiProblem && problem.status === 412) onStale(problem);
      },
    );
  };
  const stopError = (index: number, field: string) => submission.fieldError(`stops[${index}].${field}`);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stack" data-testid="edit-run">
      <h4>{t('ht.bus.editHeading')}</h4>
      <p className="muted">{t('ht.bus.editHint')}</p>
      <ConflictNotice error={submission.error} fields={RUN_FIELDS} />
      <RunFields
        draft={draft}
        set={(change) => setDraft((current) => ({ ...current, ...change }))}
        seatsTaken={run.seatsTaken}
        fieldError={submission.fieldError}
      />
      {stops.map((stop, index) => (
        <fieldset key={stop.key} className="stack" data-testid="edit-stop">
          <legend>{t('ht.bus.stopLegend', { n: index + 1 })}</legend>
          <StopFields stop={stop} index={index} error={stopError} onChange={(change) => setStop(stop.key, change)} />
        </fieldset>
      ))}
      <SaveOrCancel busy={submission.busy} onCancel={onCancel} />
    </form>
  );
}

/** A bus as its form holds it: times as typed (HH:MM) on the day it leaves, the driver by staff id ('' for none yet). */
interface RunDraft {
  vehicle: string;
  seats: string;
  date: string;
  departs: string;
  returns: string;
  driver: string;
}

/**
 * A bus's vehicle, seats, day, times and driver, as both the add and the edit form ask for them
 * (errors beside each field); editing, the seats cannot go below those already taken.
 */
function RunFields({
  draft,
  set,
  seatsTaken,
  fieldError,
}: {
  draft: RunDraft;
  set: (change: Partial<RunDraft>) => void;
  /** Editing a bus: the seats booked on it already (the hint says so). */
  seatsTaken?: number;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <InputField
        label={t('ht.bus.vehicle')}
        hint={t('ht.bus.vehicleHint')}
        error={fieldError('vehicle')}
        name="vehicle"
        value={draft.vehicle}
        onChange={(vehicle) => set({ vehicle })}
      />
      <InputField
        label={t('ht.bus.seatCount')}
        hint={seatsTaken === undefined ? undefined : t('ht.bus.seatsTaken', { n: seatsTaken })}
        error={fieldError('seats')}
        name="seats"
        type="number"
        inputMode="numeric"
        min={Math.max(1, seatsTaken ?? 0)}
        value={draft.seats}
        onChange={(seats) => set({ seats })}
      />
      <InputField label={t('head.date')} name="date" type="date" value={draft.date} onChange={(date) => set({ date })} />
      <InputField
        label={t('ht.bus.departs')}
        error={fieldError('outboundDepartsAt')}
        name="departs"
        type="time"
        value={draft.departs}
        onChange={(departs) => set({ departs })}
      />
      <InputField
        label={t('ht.bus.returnsAt')}
        error={fieldError('returnDepartsAt')}
        name="returns"
        type="time"
        value={draft.returns}
        onChange={(returns) => set({ returns })}
      />
      <DriverField day={draft.date} value={draft.driver} onChange={(driver) => set({ driver })} error={fieldError('driverStaffId')} />
    </>
  );
}

interface StopLine {
  key: string;
  name: string;
  place: string;
  time: string;
}

/** A stop's name, place and pick-up time, as both the add and the edit form ask for them (errors beside each field). */
function StopFields({
  stop,
  index,
  error,
  onChange,
}: {
  stop: StopLine;
  index: number;
  error: (index: number, field: string) => string | undefined;
  onChange: (change: Partial<StopLine>) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <InputField
        label={t('ht.bus.stopName', { n: index + 1 })}
        error={error(index, 'name')}
        name="stopName"
        value={stop.name}
        onChange={(name) => onChange({ name })}
      />
      <InputField
        label={t('ht.bus.stopPlace', { n: index + 1 })}
        error={error(index, 'place')}
        name="stopPlace"
        value={stop.place}
        onChange={(place) => onChange({ place })}
      />
      <InputField
        label={t('ht.bus.stopTime', { n: index + 1 })}
        error={error(index, 'pickupAt')}
        name="stopTime"
        type="time"
        value={stop.time}
        onChange={(time) => onChange({ time })}
      />
    </>
  );
}

/**
 * The bus's driver, chosen from the drivers cleared (DBS check and training valid) on the day it
 * leaves; none yet is a choice. Without any cleared that day, says so: the bus can go on without one.
 * A driver already named who is not cleared that day stays shown as such (the API refuses a new
 * choice of them, 409, told in words above the form).
 */
function DriverField({
  day,
  value,
  onChange,
  error,
}: {
  day: string;
  value: string;
  onChange: (staffId: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const { me } = useApp();
  const departsAt = day ? zonedIso(day, '12:00', me.area.timeZone) : undefined;
  const drivers = useLoad(
    async () =>
      answered((await client.GET('/api/parent-engagement/transport-drivers', { params: { query: departsAt ? { departsAt } : {} } })).data)
        .items,
    [departsAt],
  );
  return (
    <Loaded value={drivers}>
      {(list) =>
        list.length === 0 && !value ? (
          <div data-testid="no-drivers" role="status">
            <Empty>{t('ht.bus.noDrivers')}</Empty>
          </div>
        ) : (
          <SelectField
            label={t('ht.bus.driver')}
            hint={t('ht.bus.driverHint')}
            error={error}
            name="driverStaffId"
            value={value}
            onChange={onChange}
            none={t('ht.bus.noDriverYet')}
          >
            {list.map((driver) => (
              <option key={driver.staffId} value={driver.staffId}>
                {driver.displayName}
              </option>
            ))}
            {value && !list.some((driver) => driver.staffId === value) && <option value={value}>{t('ht.bus.driverNotCleared')}</option>}
          </SelectField>
        )
      }
    </Loaded>
  );
}

function AddRun({ performanceId, startsAt, onAdded }: { performanceId: string; startsAt: string; onAdded: (run: Run) => void }) {
  const { t } = useI18n();
  const { me } = useApp();
  const zone = me.area.timeZone;
  const [draft, setDraft] = useState<RunDraft>(() => ({
    vehicle: '',
    seats: '',
    date: dayIn(startsAt, zone),
    departs: '',
    returns: '',
    driver: '',
  }));
  const { vehicle, seats, departs, returns, driver } = draft;
  const [stops, setStops] = useState<StopLine[]>([{ key: newId(), name: '', place: '', time: '' }]);
  const submission = useSubmit();
  // One key per bus meant: a retry after a lost answer puts on one bus, not two.
  const [idempotencyKey, setIdempotencyKey] = useState(newId);
  const at = (time: string) => (draft.date && time ? zonedIso(draft.date, time, zone) : '');
  const setStop = (key: string, change: Partial<StopLine>) =>
    setStops((current) => current.map((stop) => (stop.key === key ? { ...stop, ...change } : stop)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await submission.run(
      async () => {
        const { data } = await client.POST('/api/parent-engagement/transport-runs', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body: {
            performanceId,
            vehicle,
            seats: Number(seats),
            outboundDepartsAt: at(departs),
            ...(returns ? { returnDepartsAt: at(returns) } : {}),
            ...(driver ? { driverStaffId: driver } : {}),
            stops: stops.map((stop) => ({ name: stop.name, place: stop.place, pickupAt: at(stop.time) })),
          },
        });
        const run = answered(data);
        setDraft((current) => ({ ...current, vehicle: '', seats: '', departs: '', returns: '', driver: '' }));
        setStops([{ key: newId(), name: '', place: '', time: '' }]);
        setIdempotencyKey(newId());
        onAdded(run);
      },
      (problem) => {
        if (problem instanceof ApiProblem) setIdempotencyKey(newId());
      },
    );
  };
  const stopError = (index: number, field: string) => submission.fieldError(`stops[${index}].${field}`);
  return (
    <section className="card" aria-labelledby="add-run-heading">
      <h2 id="add-run-heading">{t('ht.bus.add')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack" data-testid="add-run">
        <ConflictNotice error={submission.error} fields={RUN_FIELDS} />
        <RunFields draft={draft} set={(change) => setDraft((current) => ({ ...current, ...change }))} fieldError={submission.fieldError} />
        <fieldset className={submission.fieldError('stops') ? 'field-invalid' : undefined}>
          <legend>{t('ht.bus.stops')}</legend>
          {stops.map((stop, index) => (
            <div key={stop.key} className="stack" data-testid="stop-line">
              <StopFields stop={stop} index={index} error={stopError} onChange={(change) => setStop(stop.key, change)} />
              {stops.length > 1 && (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => setStops((current) => current.filter((line) => line.key !== stop.key))}
                >
                  {t('ht.bus.removeStop', { n: index + 1 })}
                </button>
              )}
            </div>
          ))}
          {submission.fieldError('stops') &&
            !stops.some((_, index) => stopError(index, 'name') || stopError(index, 'place') || stopError(index, 'pickupAt')) && (
              <p className="field-error">{submission.fieldError('stops')}</p>
            )}
          <button
            type="button"
            className="button secondary"
            onClick={() => setStops((current) => [...current, { key: newId(), name: '', place: '', time: '' }])}
          >
            {t('ht.bus.addStop')}
          </button>
        </fieldset>
        <SubmitButton busy={submission.busy} label={t('ht.bus.putOn')} />
      </form>
    </section>
  );
}
