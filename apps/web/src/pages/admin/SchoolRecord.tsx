import { useState, type FormEvent } from 'react';
import { allPages, answered, client, type Schema } from '../../api/client';
import { Link } from '../../router';
import { useI18n } from '../../i18n';
import {
  Empty,
  Field,
  InputField,
  Loaded,
  LoadedList,
  reloadWhenStale,
  SelectField,
  TableFrame,
  useDebounced,
  useLoad,
  useSendForm,
  useSubmit,
  useEditable,
  WordOptions,
  type Editable,
} from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { SaveOrCancel, SendForm } from '../form-frame';
import { ifMatch, PHASE_WORDS, PUPIL_STATUS_WORDS } from './admin-words';
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
    const classes = await allPages('/api/scheduling/classes', { schoolId });
    return classes.sort((a, b) => a.yearGroup - b.yearGroup || a.name.localeCompare(b.name));
  }, [schoolId]);
}

/** One school: its details (edited with If-Match), its classes (added and renamed) and its pupils, filtered and searched. */
export function AdminSchool({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const school = useEditable(() => client.GET('/api/scheduling/schools/{schoolId}', { params: { path: { schoolId } } }), schoolDraftOf, [
    schoolId,
  ]);
  const classes = useClassesOf(schoolId);
  return (
    <>
      <p>
        <Link to="/admin">{t('back')}</Link>
      </p>
      <Loaded value={school.record}>
        {({ value }) => (
          <>
            <h1>{value.name}</h1>
            {value.partner && (
              <p>
                <Link to={`/schools/${value.id}/incoming-pupils`}>{t('incoming.link')}</Link>
              </p>
            )}
            <SchoolForm school={school} />
            <SchoolReplyTo schoolId={value.id} />
          </>
        )}
      </Loaded>
      <section className="card" aria-labelledby="classes-heading">
        <h2 id="classes-heading">{t('adm.classes')}</h2>
        <LoadedList value={classes} empty={t('adm.noClasses')}>
          {(list) => (
            <ul className="plain stack" data-testid="classes">
              {list.map((schoolClass) => (
                <ClassRow key={`${schoolClass.id}-${schoolClass.version}`} schoolClass={schoolClass} onSaved={classes.reload} />
              ))}
            </ul>
          )}
        </LoadedList>
        <AddClass schoolId={schoolId} onAdded={classes.reload} />
      </section>
      <Loaded value={classes}>{(list) => <PupilList schoolId={schoolId} classes={list} />}</Loaded>
    </>
  );
}

const SCHOOL_FIELDS = ['name', 'phase', 'urn'] as const;

/** A school's details as the form holds them. */
function schoolDraftOf(school: School) {
  return { name: school.name, phase: school.phase, urn: school.urn ?? '' };
}

function SchoolForm({ school }: { school: Editable<School, ReturnType<typeof schoolDraftOf>> }) {
  const { t } = useI18n();
  const { draft, set, saved, saving, save } = school;
  if (!draft) return null;
  const { name, phase, urn } = draft;
  const submit = save((values, { value, etag }) =>
    client.PATCH('/api/scheduling/schools/{schoolId}', {
      params: { path: { schoolId: value.id }, header: { 'If-Match': etag } },
      body: {
        name: values.name,
        phase: values.phase,
        ...(values.urn.trim() !== (value.urn ?? '') ? { urn: values.urn.trim() } : {}),
      },
    }),
  );
  return (
    <SendForm
      testId="school-form"
      className="stack card"
      heading={<h2>{t('adm.schoolDetails')}</h2>}
      notice={saved ? t('adm.saved') : null}
      sending={saving}
      fields={SCHOOL_FIELDS}
      onSubmit={submit}
      submitLabel={t('adm.save')}
    >
      <InputField
        label={t('adm.name')}
        error={saving.fieldError('name')}
        name="name"
        value={name}
        onChange={(value) => set({ name: value })}
      />
      <SelectField
        label={t('adm.phase')}
        error={saving.fieldError('phase')}
        name="phase"
        value={phase}
        onChange={(value) => set({ phase: value as School['phase'] })}
      >
        <WordOptions words={PHASE_WORDS} />
      </SelectField>
      <InputField
        label={t('adm.urn')}
        hint={t('adm.urnHint')}
        error={saving.fieldError('urn')}
        name="urn"
        inputMode="numeric"
        value={urn}
        onChange={(value) => set({ urn: value })}
      />
    </SendForm>
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
    void saving.run(async () => {
      await client.PATCH('/api/scheduling/classes/{classId}', {
        params: { path: { classId: schoolClass.id }, header: { 'If-Match': ifMatch(schoolClass.version) } },
        body: { name, yearGroup },
      });
      setEditing(false);
      onSaved();
    }, reloadWhenStale(onSaved));
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
        <InputField label={t('adm.className')} error={saving.fieldError('name')} name="className" value={name} onChange={setName} />
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
  const saving = useSendForm();
  const submit = saving.submit(async () => {
    const added = answered((await client.POST('/api/scheduling/classes', { body: { schoolId, name, yearGroup } })).data);
    setName('');
    onAdded();
    return t('adm.classAdded', { name: added.name });
  });
  return (
    <SendForm
      testId="add-class"
      heading={<h3>{t('adm.addClass')}</h3>}
      sending={saving}
      fields={['name', 'yearGroup', 'schoolId']}
      onSubmit={submit}
      submitLabel={t('adm.addClass')}
    >
      <InputField label={t('adm.className')} error={saving.fieldError('name')} name="newClassName" value={name} onChange={setName} />
      <Field label={t('adm.yearGroup')} error={saving.fieldError('yearGroup')}>
        {(props) => <YearSelect {...props} name="newClassYear" value={yearGroup} onChange={setYearGroup} />}
      </Field>
    </SendForm>
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
      allPages('/api/scheduling/pupils', { schoolId, ...(classId ? { classId } : {}), ...(status ? { status } : {}), ...(q ? { q } : {}) }),
    [schoolId, classId, status, q],
  );
  const className = (id: string | null | undefined) => classes.find((item) => item.id === id)?.name ?? '–';
  return (
    <section className="card" aria-labelledby="pupils-heading">
      <h2 id="pupils-heading">{t('adm.pupils')}</h2>
      <div className="stack" data-testid="pupil-filters">
        <SelectField
          label={t('adm.class')}
          name="classFilter"
          value={classId}
          onChange={setClassId}
          none={t('adm.anyClass')}
          choices={classes}
        />
        <SelectField
          label={t('status')}
          name="statusFilter"
          value={status}
          onChange={(value) => setStatus(value as PupilStatus | '')}
          none={t('adm.anyStatus')}
        >
          <WordOptions words={PUPIL_STATUS_WORDS} />
        </SelectField>
        <InputField label={t('adm.searchByName')} name="pupilSearch" type="search" value={search} onChange={setSearch} />
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
              <TableFrame label={t('adm.pupils')} testId="pupils" columns={[t('adm.name'), t('adm.class'), t('status')]}>
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
              </TableFrame>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
