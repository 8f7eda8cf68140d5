import { useEffect, useState, type FormEvent } from 'react';
import { ApiProblem, answered, client, etagOf, everyItem, type Schema } from '../../api/client';
import { Link } from '../../router';
import { useI18n } from '../../i18n';
import { SaveOrCancel } from './edit-actions';
import { Empty, Field, Loaded, Notice, useDebounced, useLoad, useSubmit } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { ifMatch, optionsOf, PHASE_WORDS, PUPIL_STATUS_WORDS } from './admin-words';
import { SchoolReplyTo } from './SchoolReplyTo';

type School = Schema<'scheduling.SchoolDto'>;
type SchoolClass = Schema<'scheduling.ClassDto'>;
type PupilStatus = Schema<'scheduling.PupilDto'>['status'];

/** Year groups as schools count them: Reception (0) to Year 13. */
export const YEAR_GROUPS = Array.from({ length: 14 }, (_, year) => year);

/** Every class of a school, in year then name order. */
export function useClassesOf(schoolId: string) {
  return useLoad(async () => {
    if (!schoolId) return [];
    const classes = await everyItem(
      async (cursor) => (await client.GET('/api/scheduling/classes', { params: { query: { schoolId, limit: 100, cursor } } })).data,
    );
    return classes.sort((a, b) => a.yearGroup - b.yearGroup || a.name.localeCompare(b.name));
  }, [schoolId]);
}

/** One school: its details (edited with If-Match), its classes (added and renamed) and its pupils, filtered and searched. */
export function AdminSchool({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const school = useLoad(async () => {
    const { data, response } = await client.GET('/api/scheduling/schools/{schoolId}', { params: { path: { schoolId } } });
    return { value: answered(data), etag: etagOf(response) };
  }, [schoolId]);
  const classes = useClassesOf(schoolId);
  return (
    <>
      <p>
        <Link to="/admin">{t('back')}</Link>
      </p>
      <Loaded value={school}>
        {({ value, etag }) => (
          <>
            <h1>{value.name}</h1>
            {value.partner && (
              <p>
                <Link to={`/schools/${value.id}/incoming-pupils`}>{t('incoming.link')}</Link>
              </p>
            )}
            <SchoolForm school={value} etag={etag} onSaved={school.reload} />
            <SchoolReplyTo schoolId={value.id} />
          </>
        )}
      </Loaded>
      <section className="card" aria-labelledby="classes-heading">
        <h2 id="classes-heading">{t('adm.classes')}</h2>
        <Loaded value={classes}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('adm.noClasses')}</Empty>
            ) : (
              <ul className="plain stack" data-testid="classes">
                {list.map((schoolClass) => (
                  <ClassRow key={`${schoolClass.id}-${schoolClass.version}`} schoolClass={schoolClass} onSaved={classes.reload} />
                ))}
              </ul>
            )
          }
        </Loaded>
        <AddClass schoolId={schoolId} onAdded={classes.reload} />
      </section>
      <Loaded value={classes}>{(list) => <PupilList schoolId={schoolId} classes={list} />}</Loaded>
    </>
  );
}

const SCHOOL_FIELDS = ['name', 'phase', 'urn'] as const;

function SchoolForm({ school, etag, onSaved }: { school: School; etag: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(school.name);
  const [phase, setPhase] = useState(school.phase);
  const [urn, setUrn] = useState(school.urn ?? '');
  const [saved, setSaved] = useState(false);
  const saving = useSubmit();
  useEffect(() => {
    setName(school.name);
    setPhase(school.phase);
    setUrn(school.urn ?? '');
  }, [etag]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void saving.run(
      async () => {
        await client.PATCH('/api/scheduling/schools/{schoolId}', {
          params: { path: { schoolId: school.id }, header: { 'If-Match': etag } },
          body: { name, phase, ...(urn.trim() !== (school.urn ?? '') ? { urn: urn.trim() } : {}) },
        });
        setSaved(true);
        onSaved();
      },
      (error) => {
        if (error instanceof ApiProblem && error.status === 412) onSaved();
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="stack card" data-testid="school-form">
      <h2>{t('adm.schoolDetails')}</h2>
      {saved && <Notice>{t('adm.saved')}</Notice>}
      <ConflictNotice error={saving.error} fields={SCHOOL_FIELDS} />
      <Field label={t('adm.name')} error={saving.fieldError('name')}>
        {(props) => <input {...props} name="name" value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label={t('adm.phase')} error={saving.fieldError('phase')}>
        {(props) => (
          <select {...props} name="phase" value={phase} onChange={(event) => setPhase(event.target.value as School['phase'])}>
            {optionsOf(PHASE_WORDS).map((option) => (
              <option key={option} value={option}>
                {t(PHASE_WORDS[option])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('adm.urn')} hint={t('adm.urnHint')} error={saving.fieldError('urn')}>
        {(props) => <input {...props} name="urn" inputMode="numeric" value={urn} onChange={(event) => setUrn(event.target.value)} />}
      </Field>
      <button type="submit" className="button primary" disabled={saving.busy}>
        {saving.busy ? t('saving') : t('adm.save')}
      </button>
    </form>
  );
}

function YearSelect({ value, onChange, ...props }: { value: number; onChange: (year: number) => void; id?: string; name: string }) {
  const { t } = useI18n();
  return (
    <select {...props} value={value} onChange={(event) => onChange(Number(event.target.value))}>
      {YEAR_GROUPS.map((year) => (
        <option key={year} value={year}>
          {year === 0 ? t('adm.reception') : t('adm.year', { year })}
        </option>
      ))}
    </select>
  );
}

export function yearWords(t: ReturnType<typeof useI18n>['t'], year: number): string {
  return year === 0 ? t('adm.reception') : t('adm.year', { year });
}

function ClassRow({ schoolClass, onSaved }: { schoolClass: SchoolClass; onSaved: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(schoolClass.name);
  const [yearGroup, setYearGroup] = useState(schoolClass.yearGroup);
  const saving = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(
      async () => {
        await client.PATCH('/api/scheduling/classes/{classId}', {
          params: { path: { classId: schoolClass.id }, header: { 'If-Match': ifMatch(schoolClass.version) } },
          body: { name, yearGroup },
        });
        setEditing(false);
        onSaved();
      },
      (error) => {
        if (error instanceof ApiProblem && error.status === 412) onSaved();
      },
    );
  };
  if (!editing) {
    return (
      <li data-testid="class" data-class-id={schoolClass.id}>
        <strong>{schoolClass.name}</strong> <span className="muted">· {yearWords(t, schoolClass.yearGroup)}</span>{' '}
        <button type="button" className="button secondary" onClick={() => setEditing(true)}>
          {t('adm.editNamed', { name: schoolClass.name })}
        </button>
      </li>
    );
  }
  return (
    <li data-testid="class" data-class-id={schoolClass.id}>
      <form onSubmit={submit} noValidate className="stack">
        <ConflictNotice error={saving.error} fields={['name', 'yearGroup']} />
        <Field label={t('adm.className')} error={saving.fieldError('name')}>
          {(props) => <input {...props} name="className" value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label={t('adm.yearGroup')} error={saving.fieldError('yearGroup')}>
          {(props) => <YearSelect {...props} name="yearGroup" value={yearGroup} onChange={setYearGroup} />}
        </Field>
        <SaveOrCancel busy={saving.busy} onCancel={() => setEditing(false)} />
      </form>
    </li>
  );
}

function AddClass({ schoolId, onAdded }: { schoolId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [yearGroup, setYearGroup] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const saving = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void saving.run(async () => {
      const added = answered((await client.POST('/api/scheduling/classes', { body: { schoolId, name, yearGroup } })).data);
      setName('');
      setDone(t('adm.classAdded', { name: added.name }));
      onAdded();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="stack" data-testid="add-class">
      <h3>{t('adm.addClass')}</h3>
      {done && <Notice>{done}</Notice>}
      <ConflictNotice error={saving.error} fields={['name', 'yearGroup', 'schoolId']} />
      <Field label={t('adm.className')} error={saving.fieldError('name')}>
        {(props) => <input {...props} name="newClassName" value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label={t('adm.yearGroup')} error={saving.fieldError('yearGroup')}>
        {(props) => <YearSelect {...props} name="newClassYear" value={yearGroup} onChange={setYearGroup} />}
      </Field>
      <button type="submit" className="button primary" disabled={saving.busy}>
        {saving.busy ? t('saving') : t('adm.addClass')}
      </button>
    </form>
  );
}

/** The school's pupils (every page, up to 1,000), filtered by class and status and searched by name at the API. */
function PupilList({ schoolId, classes }: { schoolId: string; classes: SchoolClass[] }) {
  const { t } = useI18n();
  const [classId, setClassId] = useState('');
  const [status, setStatus] = useState<PupilStatus | ''>('active');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const pupils = useLoad(
    () =>
      everyItem(
        async (cursor) =>
          (
            await client.GET('/api/scheduling/pupils', {
              params: {
                query: {
                  schoolId,
                  limit: 100,
                  cursor,
                  ...(classId ? { classId } : {}),
                  ...(status ? { status } : {}),
                  ...(q ? { q } : {}),
                },
              },
            })
          ).data,
      ),
    [schoolId, classId, status, q],
  );
  const className = (id: string | null | undefined) => classes.find((item) => item.id === id)?.name ?? '–';
  return (
    <section className="card" aria-labelledby="pupils-heading">
      <h2 id="pupils-heading">{t('adm.pupils')}</h2>
      <div className="stack" data-testid="pupil-filters">
        <Field label={t('adm.class')}>
          {(props) => (
            <select {...props} name="classFilter" value={classId} onChange={(event) => setClassId(event.target.value)}>
              <option value="">{t('adm.anyClass')}</option>
              {classes.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('status')}>
          {(props) => (
            <select {...props} name="statusFilter" value={status} onChange={(event) => setStatus(event.target.value as PupilStatus | '')}>
              <option value="">{t('adm.anyStatus')}</option>
              {optionsOf(PUPIL_STATUS_WORDS).map((option) => (
                <option key={option} value={option}>
                  {t(PUPIL_STATUS_WORDS[option])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('adm.searchByName')}>
          {(props) => (
            <input {...props} name="pupilSearch" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
          )}
        </Field>
      </div>
      <Loaded value={pupils}>
        {(list) => {
          const shown = [...list].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
          // Empty under the filters and the search together: the page cannot tell which emptied it, so both are said.
          if (shown.length === 0)
            return (
              <Empty>
                {t('adm.noPupils')} {q && t('adm.noneMatch')}
              </Empty>
            );
          return (
            <>
              <p className="muted" aria-live="polite">
                {t('adm.pupilsShown', { n: shown.length, of: list.length })}
              </p>
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t('adm.pupils')}>
                <table data-testid="pupils">
                  <caption className="visually-hidden">{t('adm.pupils')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('adm.name')}</th>
                      <th scope="col">{t('adm.class')}</th>
                      <th scope="col">{t('status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((pupil) => (
                      <tr key={pupil.id} data-pupil-id={pupil.id}>
                        <td>
                          <Link to={`/admin/pupils/${pupil.id}`}>
                            {pupil.lastName}, {pupil.firstName}
                          </Link>
                        </td>
                        <td>
                          {className(pupil.classId)} <span className="muted">({yearWords(t, pupil.yearGroup)})</span>
                        </td>
                        <td>{t(PUPIL_STATUS_WORDS[pupil.status])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
