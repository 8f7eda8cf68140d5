import { useState, type FormEvent } from 'react';
import { allPages, answered, ApiProblem, client, newId, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, useI18n, type MessageKey } from '../../i18n';
import { Link, navigate } from '../../router';
import { Empty, FormError, InputField, Loaded, SelectField, useLoad, useSubmit } from '../../ui';
import { useMySchools, type School } from './schools';

export const STATUS_LABELS: Record<Schema<'performance-event.PerformanceDto'>['status'], MessageKey> = {
  draft: 'head.status.draft',
  published: 'head.status.published',
  cancelled: 'head.status.cancelled',
  completed: 'head.status.completed',
};

type Audience = Schema<'performance-event.CreatePerformanceDto'>['audience'];

const PERFORMANCE_FIELDS = ['title', 'venueId', 'schoolId', 'startsAt', 'endsAt', 'audience', 'ensembleIds'] as const;

/** The instant of a wall-clock time in the area's zone, as ISO 8601 with that zone's offset (BST aware). */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes);
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
      .formatToParts(new Date(asUtc))
      .map((part) => [part.type, part.value]),
  );
  const offsetMinutes =
    (Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)) - asUtc) / 60_000;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${date}T${time}:00${offset}`;
}

/** Performances of the headteacher's schools, and a form to plan a new one. */
export function HeadPerformances() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const schools = useMySchools();
  const performances = useLoad(async () => {
    if (schools.state !== 'ready') return new Promise<never>(() => undefined);
    const lists = await Promise.all(schools.data.map((school) => allPages('/api/performance-event/performances', { schoolId: school.id })));
    const seen = new Map(lists.flat().map((item) => [item.id, item]));
    return [...seen.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }, [schools.state]);
  return (
    <>
      <h1>{t('performances')}</h1>
      <Loaded value={schools}>{(mine) => (mine.length === 0 ? <Empty>{t('noSchool')}</Empty> : <PlanPerformance schools={mine} />)}</Loaded>
      <section aria-labelledby="performances-heading">
        <h2 id="performances-heading">{t('head.plannedPerformances')}</h2>
        <Loaded value={performances}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('noPerformances')}</Empty>
            ) : (
              <ul className="cards plain">
                {list.map((item) => (
                  <li key={item.id} className="card">
                    <Link to={`/head/performances/${item.id}`} className="card-link">
                      <strong>{item.title}</strong>
                      <span>
                        {formatDateTime(language, item.startsAt, me.area.timeZone)} · {item.venueName}
                      </span>
                      <span className="muted">{STATUS_LABELS[item.status] ? t(STATUS_LABELS[item.status]) : item.status}</span>
                    </Link>
                    <p>
                      <Link to={`/head/performances/${item.id}/manage`}>{t('head.manageLink', { title: item.title })}</Link>
                    </p>
                    <p>
                      <Link to={`/head/performances/${item.id}/transport`}>{t('ht.bus.link', { title: item.title })}</Link>
                    </p>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

function PlanPerformance({ schools }: { schools: School[] }) {
  const { t } = useI18n();
  const { me } = useApp();
  const ids = schools.map((school) => school.id);
  const choices = useLoad(async () => {
    const [venues, ensembles] = await Promise.all([allPages('/api/performance-event/venues'), allPages('/api/scheduling/ensembles')]);
    return { venues, ensembles: ensembles.filter((item) => item.schoolId != null && ids.includes(item.schoolId)) };
  }, [ids.join()]);
  const [title, setTitle] = useState('');
  const [schoolId, setSchoolId] = useState(schools[0]?.id ?? '');
  const [venueId, setVenueId] = useState('');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('18:00');
  const [endTime, setEndTime] = useState('19:00');
  const [audience, setAudience] = useState<Audience>('school_community');
  const [ensembleIds, setEnsembleIds] = useState<string[]>([]);
  const { busy, error, fieldError, run } = useSubmit();
  // One key per attempt: a retry after a lost answer reuses it, an answered attempt does not.
  const [idempotencyKey, setIdempotencyKey] = useState(newId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const create = async () => {
      const { data } = await client.POST('/api/performance-event/performances', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: {
          title,
          schoolId,
          venueId,
          startsAt: date ? zonedIso(date, startTime, me.area.timeZone) : '',
          endsAt: date ? zonedIso(date, endTime, me.area.timeZone) : '',
          audience,
          ensembleIds,
        },
      });
      navigate(`/head/performances/${answered(data).id}`);
    };
    await run(create, (problem) => {
      if (problem instanceof ApiProblem) setIdempotencyKey(newId());
    });
  };

  return (
    <section className="card" aria-labelledby="plan-performance-heading">
      <h2 id="plan-performance-heading">{t('head.planPerformance')}</h2>
      <Loaded value={choices}>
        {({ venues, ensembles }) => (
          <form onSubmit={(event) => void submit(event)} noValidate className="stack" data-testid="plan-performance">
            <FormError error={error} fields={PERFORMANCE_FIELDS} />
            <InputField label={t('head.title')} error={fieldError('title')} name="title" value={title} onChange={setTitle} />
            {schools.length > 1 && (
              <SelectField
                label={t('school')}
                error={fieldError('schoolId')}
                name="schoolId"
                value={schoolId}
                onChange={setSchoolId}
                choices={schools}
              />
            )}
            <SelectField
              label={t('head.venue')}
              error={fieldError('venueId')}
              name="venueId"
              value={venueId}
              onChange={setVenueId}
              none={t('head.chooseVenue')}
              choices={venues}
            />
            <InputField label={t('head.date')} error={fieldError('startsAt')} name="date" type="date" value={date} onChange={setDate} />
            <InputField label={t('startTime')} name="startTime" type="time" value={startTime} onChange={setStartTime} />
            <InputField
              label={t('endTime')}
              error={fieldError('endsAt')}
              name="endTime"
              type="time"
              value={endTime}
              onChange={setEndTime}
            />
            <SelectField
              label={t('head.audience')}
              error={fieldError('audience')}
              name="audience"
              value={audience}
              onChange={(value) => setAudience(value as Audience)}
            >
              <option value="school_community">{t('head.audience.school_community')}</option>
              <option value="public">{t('head.audience.public')}</option>
            </SelectField>
            <fieldset className="checkbox-list">
              <legend>{t('head.ensemblesTakingPart')}</legend>
              {ensembles.length === 0 && <p className="muted">{t('head.noEnsembles')}</p>}
              {ensembles
                .filter((item) => item.schoolId === schoolId)
                .map((item) => (
                  <label key={item.id} className="checkbox">
                    <input
                      type="checkbox"
                      name="ensembleIds"
                      value={item.id}
                      checked={ensembleIds.includes(item.id)}
                      onChange={(event) =>
                        setEnsembleIds((current) => (event.target.checked ? [...current, item.id] : current.filter((id) => id !== item.id)))
                      }
                    />{' '}
                    {item.name}
                  </label>
                ))}
              {fieldError('ensembleIds') && <p className="field-error">{fieldError('ensembleIds')}</p>}
            </fieldset>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('saving') : t('head.planPerformance')}
            </button>
          </form>
        )}
      </Loaded>
    </section>
  );
}
