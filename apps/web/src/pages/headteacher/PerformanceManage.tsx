import { useState, type FormEvent } from 'react';
import { saveFile } from '../../api';
import { ApiProblem, client, etagOf, everyItem, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, formatTime, useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, InputField, Loaded, Notice, SelectField, useLoad, useSubmit, useVersioned, type Versioned } from '../../ui';
import { ConflictNotice, minutesAndSeconds } from '../conflict-words';
import { SendForm } from '../form-frame';
import { STATUS_LABELS, zonedIso } from './Performances';

type Performance = Schema<'performance-event.PerformanceDto'>;
type RunningOrder = Schema<'performance-event.RunningOrderDto'>;

/** The wall-clock date and time (YYYY-MM-DD, HH:MM) of an instant in the area's zone. */
function wallClock(iso: string, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** One performance for its headteacher: publish, move, cancel, its running order, and its printables. */
export function HeadPerformanceManage({ performanceId }: { performanceId: string }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const performance = useVersioned(
    () =>
      client.GET('/api/performance-event/performances/{performanceId}', {
        params: { path: { performanceId } },
      }),
    [performanceId],
  );
  const [done, setDone] = useState<string | null>(null);
  const changed = (message: string) => {
    setDone(message);
    performance.reload();
  };

  return (
    <>
      <p>
        <Link to={`/head/performances/${performanceId}`}>{t('head.manage.toRoster')}</Link>
      </p>
      <Loaded value={performance}>
        {({ value: detail, etag }) => {
          const open = detail.status === 'draft' || detail.status === 'published';
          return (
            <>
              <h1>{detail.title}</h1>
              <p data-testid="performance-summary">
                {formatDateTime(language, detail.startsAt, me.area.timeZone)}–{formatTime(language, detail.endsAt, me.area.timeZone)} ·{' '}
                {detail.venue.name} · <strong data-testid="status">{t(STATUS_LABELS[detail.status])}</strong>
              </p>
              {detail.cancelReason && <p className="muted">{t('head.manage.cancelledBecause', { reason: detail.cancelReason })}</p>}
              <div aria-live="polite">{done && <Notice>{done}</Notice>}</div>
              {open && <StatusActions performance={detail} onChanged={changed} />}
              {open && <MovePerformance performance={detail} etag={etag} onChanged={changed} />}
              <RunningOrderEditor performance={detail} editable={open} />
              <Printables performance={detail} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}

function StatusActions({ performance, onChanged }: { performance: Performance; onChanged: (message: string) => void }) {
  const { t } = useI18n();
  const publishing = useSubmit();
  const cancelling = useSubmit();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const path = { performanceId: performance.id };
  const publish = () =>
    publishing.run(async () => {
      await client.POST('/api/performance-event/performances/{performanceId}/publish', { params: { path } });
      onChanged(t('head.manage.published'));
    });
  const cancel = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    void cancelling.run(async () => {
      await client.POST('/api/performance-event/performances/{performanceId}/cancel', {
        params: { path },
        body: reason.trim() ? { reason: reason.trim() } : {},
      });
      setConfirming(false);
      onChanged(t('head.manage.cancelled'));
    });
  };
  return (
    <section aria-labelledby="status-heading" className="card">
      <h2 id="status-heading">{t('head.manage.statusHeading')}</h2>
      {performance.status === 'draft' && (
        <div className="stack">
          <p className="hint">{t('head.manage.publishHint')}</p>
          <ConflictNotice error={publishing.error} />
          <button type="button" className="button primary" disabled={publishing.busy} onClick={() => void publish()}>
            {publishing.busy ? t('saving') : t('head.manage.publish')}
          </button>
        </div>
      )}
      <form onSubmit={cancel} noValidate className="stack" data-testid="cancel-performance">
        <ConflictNotice error={cancelling.error} fields={['reason']} />
        <InputField
          label={t('head.manage.cancelReason')}
          hint={performance.status === 'published' ? t('head.manage.familiesTold') : undefined}
          error={cancelling.fieldError('reason')}
          name="reason"
          value={reason}
          maxLength={500}
          onChange={setReason}
        />
        {confirming && (
          <p className="notice notice-info" role="status">
            {t('head.manage.confirmCancel')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button danger" disabled={cancelling.busy}>
            {confirming ? t('head.manage.confirmCancelButton') : t('head.manage.cancel')}
          </button>
          {confirming && (
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              {t('head.manage.keepIt')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function MovePerformance({
  performance,
  etag,
  onChanged,
}: {
  performance: Performance;
  etag: string;
  onChanged: (message: string) => void;
}) {
  const { t } = useI18n();
  const { me } = useApp();
  const zone = me.area.timeZone;
  const start = wallClock(performance.startsAt, zone);
  const [date, setDate] = useState(start.date);
  const [startTime, setStartTime] = useState(start.time);
  const [endTime, setEndTime] = useState(wallClock(performance.endsAt, zone).time);
  const [venueId, setVenueId] = useState('');
  const [reason, setReason] = useState('');
  const venues = useLoad(
    () =>
      everyItem(async (cursor) => (await client.GET('/api/performance-event/venues', { params: { query: { limit: 100, cursor } } })).data),
    [],
  );
  const moving = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void moving.run(async () => {
      await client.POST('/api/performance-event/performances/{performanceId}/move', {
        params: { path: { performanceId: performance.id }, header: { 'If-Match': etag } },
        body: {
          startsAt: date ? zonedIso(date, startTime, zone) : '',
          endsAt: date ? zonedIso(date, endTime, zone) : '',
          ...(venueId ? { venueId } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        },
      });
      onChanged(performance.status === 'published' ? t('head.manage.movedFamiliesTold') : t('head.manage.moved'));
    });
  };
  return (
    <section aria-labelledby="move-heading" className="card">
      <h2 id="move-heading">{t('head.manage.move')}</h2>
      {performance.status === 'published' && <p className="hint">{t('head.manage.familiesTold')}</p>}
      <SendForm
        testId="move-performance"
        sending={moving}
        fields={['startsAt', 'endsAt', 'venueId', 'reason']}
        onSubmit={submit}
        submitLabel={t('head.manage.move')}
      >
        <InputField label={t('head.date')} error={moving.fieldError('startsAt')} name="date" type="date" value={date} onChange={setDate} />
        <InputField label={t('startTime')} name="startTime" type="time" value={startTime} onChange={setStartTime} />
        <InputField
          label={t('endTime')}
          error={moving.fieldError('endsAt')}
          name="endTime"
          type="time"
          value={endTime}
          onChange={setEndTime}
        />
        <Loaded value={venues}>
          {(list) => (
            <SelectField
              label={t('head.venue')}
              error={moving.fieldError('venueId')}
              name="venueId"
              value={venueId}
              onChange={setVenueId}
              none={t('head.manage.sameVenue', { name: performance.venue.name })}
            >
              {list
                .filter((venue) => venue.id !== performance.venue.id)
                .map((venue) => (
                  <option key={venue.id} value={venue.id}>
                    {venue.name}
                  </option>
                ))}
            </SelectField>
          )}
        </Loaded>
        <InputField
          label={t('head.manage.moveReason')}
          error={moving.fieldError('reason')}
          name="reason"
          value={reason}
          maxLength={500}
          onChange={setReason}
        />
      </SendForm>
    </section>
  );
}

/** A running-order line as edited: minutes and seconds as typed, the ensemble by id. */
interface Line {
  key: string;
  id?: string;
  piece: string;
  composer: string;
  ensembleId: string;
  minutes: string;
  seconds: string;
  soloistPupilIds: string[];
  guestSoloists: string[];
}

function toLines(order: RunningOrder): Line[] {
  return order.items.map((item) => ({
    key: item.id,
    id: item.id,
    piece: item.piece,
    composer: item.composer ?? '',
    ensembleId: item.ensembleId ?? '',
    minutes: String(Math.floor(item.durationSeconds / 60)),
    seconds: String(item.durationSeconds % 60),
    soloistPupilIds: item.soloists.map((soloist) => soloist.pupilId),
    guestSoloists: item.guestSoloists,
  }));
}

const secondsOf = (line: Line) => (Number(line.minutes) || 0) * 60 + (Number(line.seconds) || 0);

function RunningOrderEditor({ performance, editable }: { performance: Performance; editable: boolean }) {
  const { t } = useI18n();
  const order = useVersioned(
    () =>
      client.GET('/api/performance-event/performances/{performanceId}/running-order', {
        params: { path: { performanceId: performance.id } },
      }),
    [performance.id, performance.version],
  );
  // A save refused because someone changed the order meanwhile: theirs is loaded, and this says so.
  const [stale, setStale] = useState(false);
  return (
    <section aria-labelledby="running-order-heading" className="card">
      <h2 id="running-order-heading">{t('head.order.heading')}</h2>
      {stale && (
        <div className="notice notice-error" role="alert" data-testid="conflict">
          <p>{t('x.stale')}</p>
        </div>
      )}
      <Loaded value={order}>
        {(loaded) => (
          <RunningOrderForm
            key={loaded.etag}
            performance={performance}
            loaded={loaded}
            editable={editable}
            onSaved={() => setStale(false)}
            onStale={() => {
              setStale(true);
              order.reload();
            }}
          />
        )}
      </Loaded>
    </section>
  );
}

function RunningOrderForm({
  performance,
  loaded,
  editable,
  onSaved,
  onStale,
}: {
  performance: Performance;
  loaded: Versioned<RunningOrder>;
  editable: boolean;
  onSaved: () => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [lines, setLines] = useState<Line[]>(() => toLines(loaded.value));
  const [etag, setEtag] = useState(loaded.etag);
  const [saved, setSaved] = useState<string | null>(null);
  const saving = useSubmit();
  const total = lines.reduce((sum, line) => sum + secondsOf(line), 0);
  const slot = loaded.value.slotSeconds;

  const update = (index: number, change: Partial<Line>) =>
    setLines((current) => current.map((line, at) => (at === index ? { ...line, ...change } : line)));
  const moveLine = (index: number, by: -1 | 1) =>
    setLines((current) => {
      const next = [...current];
      const [line] = next.splice(index, 1);
      next.splice(index + by, 0, line);
      return next;
    });
  const add = () =>
    setLines((current) => [
      ...current,
      {
        key: `new-${Date.now()}-${current.length}`,
        piece: '',
        composer: '',
        ensembleId: '',
        minutes: '3',
        seconds: '0',
        soloistPupilIds: [],
        guestSoloists: [],
      },
    ]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    void saving.run(
      async () => {
        const { data, response } = await client.PUT('/api/performance-event/performances/{performanceId}/running-order', {
          params: { path: { performanceId: performance.id }, header: { 'If-Match': etag } },
          body: {
            items: lines.map((line) => ({
              ...(line.id ? { id: line.id } : {}),
              piece: line.piece.trim(),
              composer: line.composer.trim() || null,
              ensembleId: line.ensembleId || null,
              durationSeconds: secondsOf(line),
              soloistPupilIds: line.soloistPupilIds,
              guestSoloists: line.guestSoloists,
            })),
          },
        });
        setEtag(etagOf(response));
        if (data) setLines(toLines(data));
        setSaved(t('head.order.saved', { total: minutesAndSeconds(data?.totalSeconds ?? total) }));
        onSaved();
      },
      (error) => {
        // Changed by someone else meanwhile: load theirs (the editor says so) rather than edit a stale copy.
        if (error instanceof ApiProblem && error.status === 412) {
          onStale();
          return true;
        }
        return false;
      },
    );
  };

  if (!editable) {
    return lines.length === 0 ? (
      <Empty>{t('head.order.empty')}</Empty>
    ) : (
      <ol data-testid="running-order">
        {lines.map((line) => (
          <li key={line.key}>
            {line.piece} {line.composer && `(${line.composer})`} · {minutesAndSeconds(secondsOf(line))}
          </li>
        ))}
      </ol>
    );
  }
  const over = total - slot;
  return (
    <form onSubmit={submit} noValidate className="stack" data-testid="running-order">
      <p className={over > 0 ? 'field-error' : 'muted'} data-testid="order-length" aria-live="polite">
        {over > 0
          ? t('head.order.over', { total: minutesAndSeconds(total), slot: minutesAndSeconds(slot), over: minutesAndSeconds(over) })
          : t('head.order.fits', { total: minutesAndSeconds(total), slot: minutesAndSeconds(slot), left: minutesAndSeconds(slot - total) })}
      </p>
      <ConflictNotice error={saving.error} fields={['items']} />
      {saved && <Notice>{saved}</Notice>}
      {lines.length === 0 && <Empty>{t('head.order.empty')}</Empty>}
      <ol className="plain stack">
        {lines.map((line, index) => (
          <li key={line.key} className="card" data-testid="order-line">
            <fieldset>
              <legend>{t('head.order.number', { n: index + 1 })}</legend>
              <InputField
                label={t('head.order.piece')}
                error={saving.fieldError(`items[${index}].piece`)}
                name="piece"
                value={line.piece}
                onChange={(piece) => update(index, { piece })}
              />
              <InputField
                label={t('head.order.composer')}
                error={saving.fieldError(`items[${index}].composer`)}
                name="composer"
                value={line.composer}
                onChange={(composer) => update(index, { composer })}
              />
              {performance.ensembles.length > 0 && (
                <SelectField
                  label={t('head.order.ensemble')}
                  error={saving.fieldError(`items[${index}].ensembleId`)}
                  name="ensembleId"
                  value={line.ensembleId}
                  onChange={(value) => update(index, { ensembleId: value })}
                  none={t('head.order.noEnsemble')}
                >
                  {performance.ensembles.map((ensemble) => (
                    <option key={ensemble.ensembleId} value={ensemble.ensembleId}>
                      {ensemble.name ?? ensemble.ensembleId}
                    </option>
                  ))}
                </SelectField>
              )}
              <div className="actions">
                <InputField
                  label={t('head.order.minutes')}
                  error={saving.fieldError(`items[${index}].durationSeconds`)}
                  name="minutes"
                  type="number"
                  min={0}
                  max={60}
                  inputMode="numeric"
                  value={line.minutes}
                  onChange={(minutes) => update(index, { minutes })}
                />
                <InputField
                  label={t('head.order.seconds')}
                  name="seconds"
                  type="number"
                  min={0}
                  max={59}
                  inputMode="numeric"
                  value={line.seconds}
                  onChange={(seconds) => update(index, { seconds })}
                />
              </div>
              <div className="actions">
                <button
                  type="button"
                  className="button secondary"
                  disabled={index === 0}
                  onClick={() => moveLine(index, -1)}
                  aria-label={t('head.order.upName', { n: index + 1 })}
                >
                  {t('head.order.up')}
                </button>
                <button
                  type="button"
                  className="button secondary"
                  disabled={index === lines.length - 1}
                  onClick={() => moveLine(index, 1)}
                  aria-label={t('head.order.downName', { n: index + 1 })}
                >
                  {t('head.order.down')}
                </button>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => setLines((current) => current.filter((_, at) => at !== index))}
                  aria-label={t('head.order.removeName', { n: index + 1 })}
                >
                  {t('head.remove')}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="button secondary" onClick={add}>
          {t('head.order.add')}
        </button>
        <button type="submit" className="button primary" disabled={saving.busy}>
          {saving.busy ? t('saving') : t('head.order.save')}
        </button>
      </div>
    </form>
  );
}

function Printables({ performance }: { performance: Performance }) {
  const { t } = useI18n();
  const printing = useSubmit();
  const slug = performance.title.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase();
  return (
    <section aria-labelledby="printables-heading" className="card">
      <h2 id="printables-heading">{t('head.print.heading')}</h2>
      <p className="hint">{t('head.print.hint')}</p>
      <ConflictNotice error={printing.error} />
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          disabled={printing.busy}
          onClick={() =>
            void printing.run(() =>
              saveFile(
                client.GET('/api/performance-event/performances/{performanceId}/programme.pdf', {
                  params: { path: { performanceId: performance.id } },
                  parseAs: 'blob',
                  headers: { accept: 'application/pdf' },
                }),
                `programme-${slug}.pdf`,
              ),
            )
          }
        >
          {t('head.print.programme')}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={printing.busy}
          onClick={() =>
            void printing.run(() =>
              saveFile(
                client.GET('/api/performance-event/performances/{performanceId}/run-sheet.pdf', {
                  params: { path: { performanceId: performance.id } },
                  parseAs: 'blob',
                  headers: { accept: 'application/pdf' },
                }),
                `run-sheet-${slug}.pdf`,
              ),
            )
          }
        >
          {t('head.print.runSheet')}
        </button>
      </div>
    </section>
  );
}
