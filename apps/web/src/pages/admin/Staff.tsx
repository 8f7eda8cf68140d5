import { useEffect, useState, type FormEvent } from 'react';
import { ApiProblem, answered, client, etagOf, everyItem, type Schema } from '../../api/client';
import { Link } from '../../router';
import { useI18n } from '../../i18n';
import { Empty, Field, Loaded, Notice, useDebounced, useLoad, useSubmit } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { optionsOf, STAFF_KIND_WORDS } from './admin-words';
import { useAllSchools } from './all-schools';

type StaffMember = Schema<'scheduling.StaffDto'>;
type StaffKind = StaffMember['kind'];
type SchoolOption = { id: string; name: string };

/** Instruments typed as a list ("violin, cello"): the API's array. */
function instrumentsOf(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The schools a member of staff works at, as checkboxes. */
function SchoolChoices({
  schools,
  chosen,
  onChange,
  error,
}: {
  schools: SchoolOption[];
  chosen: string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`}>
      <legend>{t('adm.staffSchools')}</legend>
      <div className="checkbox-list columns">
        {schools.map((school) => (
          <label key={school.id} className="checkbox">
            <input
              type="checkbox"
              name="schoolIds"
              value={school.id}
              checked={chosen.includes(school.id)}
              onChange={(event) => onChange(event.target.checked ? [...chosen, school.id] : chosen.filter((id) => id !== school.id))}
            />
            {school.name}
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** The area's tutors, school staff, drivers and volunteers: filtered by kind and school, searched by name, and added. */
export function AdminStaff() {
  const { t } = useI18n();
  const schools = useAllSchools();
  const [kind, setKind] = useState<StaffKind | ''>('');
  const [schoolId, setSchoolId] = useState('');
  const [search, setSearch] = useState('');
  // The server searches the names (case and accents aside), as it does the pupils'; the page asks once typing settles.
  const q = useDebounced(search.trim());
  const staff = useLoad(
    () =>
      everyItem(
        async (cursor) =>
          (
            await client.GET('/api/scheduling/staff', {
              params: {
                query: { limit: 100, cursor, ...(kind ? { kind } : {}), ...(schoolId ? { schoolId } : {}), ...(q ? { q } : {}) },
              },
            })
          ).data,
      ),
    [kind, schoolId, q],
  );
  const schoolList = schools.state === 'ready' ? schools.data : [];
  const schoolNames = (ids: string[]) => ids.map((id) => schoolList.find((school) => school.id === id)?.name ?? '').join(', ');
  return (
    <>
      <h1>{t('adm.staff')}</h1>
      <section className="card" aria-labelledby="staff-list-heading">
        <h2 id="staff-list-heading">{t('adm.staffList')}</h2>
        <div className="stack">
          <Field label={t('adm.staffKind')}>
            {(props) => (
              <select {...props} name="kindFilter" value={kind} onChange={(event) => setKind(event.target.value as StaffKind | '')}>
                <option value="">{t('adm.anyKind')}</option>
                {optionsOf(STAFF_KIND_WORDS).map((option) => (
                  <option key={option} value={option}>
                    {t(STAFF_KIND_WORDS[option])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('school')}>
            {(props) => (
              <select {...props} name="schoolFilter" value={schoolId} onChange={(event) => setSchoolId(event.target.value)}>
                <option value="">{t('adm.anySchool')}</option>
                {schoolList.map((school) => (
                  <option key={school.id} value={school.id}>
                    {school.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('adm.searchByName')}>
            {(props) => (
              <input {...props} name="staffSearch" type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
            )}
          </Field>
        </div>
        <Loaded value={staff}>
          {(list) => {
            const shown = [...list].sort((a, b) => a.displayName.localeCompare(b.displayName));
            if (shown.length === 0) return <Empty>{t(q ? 'adm.noneMatch' : 'adm.noStaff')}</Empty>;
            return (
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t('adm.staffList')}>
                <table data-testid="staff">
                  <caption className="visually-hidden">{t('adm.staffList')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('adm.name')}</th>
                      <th scope="col">{t('adm.staffKind')}</th>
                      <th scope="col">{t('adm.staffSchools')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((member) => (
                      <tr key={member.id} data-staff-id={member.id}>
                        <td>
                          <Link to={`/admin/staff/${member.id}`}>{member.displayName}</Link>
                          {member.email && (
                            <>
                              <br />
                              <span className="muted small-text">{member.email}</span>
                            </>
                          )}
                        </td>
                        <td>{t(STAFF_KIND_WORDS[member.kind])}</td>
                        <td>{schoolNames(member.schoolIds)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          }}
        </Loaded>
      </section>
      <Loaded value={schools}>{(list) => <AddStaff schools={list} onAdded={staff.reload} />}</Loaded>
    </>
  );
}

const STAFF_FIELDS = ['displayName', 'kind', 'schoolIds', 'email', 'employer', 'instruments', 'userId'] as const;

function AddStaff({ schools, onAdded }: { schools: SchoolOption[]; onAdded: () => void }) {
  const { t } = useI18n();
  const [displayName, setDisplayName] = useState('');
  const [kind, setKind] = useState<StaffKind>('tutor');
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const [email, setEmail] = useState('');
  const [employer, setEmployer] = useState('');
  const [instruments, setInstruments] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const saving = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void saving.run(async () => {
      const added = answered(
        (
          await client.POST('/api/scheduling/staff', {
            body: {
              displayName,
              kind,
              schoolIds,
              ...(email.trim() ? { email: email.trim() } : {}),
              ...(employer.trim() ? { employer: employer.trim() } : {}),
              ...(instruments.trim() ? { instruments: instrumentsOf(instruments) } : {}),
            },
          })
        ).data,
      );
      setDisplayName('');
      setEmail('');
      setEmployer('');
      setInstruments('');
      setSchoolIds([]);
      setDone(t('adm.staffAdded', { name: added.displayName }));
      onAdded();
    });
  };
  return (
    <section className="card" aria-labelledby="add-staff-heading">
      <h2 id="add-staff-heading">{t('adm.addStaff')}</h2>
      <form onSubmit={submit} noValidate className="stack" data-testid="add-staff">
        {done && <Notice>{done}</Notice>}
        <ConflictNotice error={saving.error} fields={STAFF_FIELDS} />
        <StaffFields
          values={{ displayName, kind, schoolIds, email, employer, instruments }}
          set={{
            displayName: setDisplayName,
            kind: setKind,
            schoolIds: setSchoolIds,
            email: setEmail,
            employer: setEmployer,
            instruments: setInstruments,
          }}
          schools={schools}
          fieldError={saving.fieldError}
        />
        <button type="submit" className="button primary" disabled={saving.busy}>
          {saving.busy ? t('saving') : t('adm.addStaff')}
        </button>
      </form>
    </section>
  );
}

interface StaffValues {
  displayName: string;
  kind: StaffKind;
  schoolIds: string[];
  email: string;
  employer: string;
  instruments: string;
}

function StaffFields({
  values,
  set,
  schools,
  fieldError,
  kindFixed = false,
}: {
  values: StaffValues;
  set: { [K in keyof StaffValues]: (value: StaffValues[K]) => void };
  schools: SchoolOption[];
  fieldError: (field: string) => string | undefined;
  kindFixed?: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('displayName')} error={fieldError('displayName')}>
        {(props) => (
          <input {...props} name="displayName" value={values.displayName} onChange={(event) => set.displayName(event.target.value)} />
        )}
      </Field>
      <Field label={t('adm.staffKind')} error={fieldError('kind')} hint={kindFixed ? t('adm.kindFixed') : undefined}>
        {(props) => (
          <select
            {...props}
            name="kind"
            value={values.kind}
            disabled={kindFixed}
            onChange={(event) => set.kind(event.target.value as StaffKind)}
          >
            {optionsOf(STAFF_KIND_WORDS).map((option) => (
              <option key={option} value={option}>
                {t(STAFF_KIND_WORDS[option])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SchoolChoices schools={schools} chosen={values.schoolIds} onChange={set.schoolIds} error={fieldError('schoolIds')} />
      <Field label={t('email')} error={fieldError('email')}>
        {(props) => <input {...props} name="email" type="email" value={values.email} onChange={(event) => set.email(event.target.value)} />}
      </Field>
      <Field label={t('adm.employer')} error={fieldError('employer')}>
        {(props) => <input {...props} name="employer" value={values.employer} onChange={(event) => set.employer(event.target.value)} />}
      </Field>
      <Field label={t('adm.instruments')} hint={t('adm.instrumentsHint')} error={fieldError('instruments')}>
        {(props) => (
          <input {...props} name="instruments" value={values.instruments} onChange={(event) => set.instruments(event.target.value)} />
        )}
      </Field>
    </>
  );
}

/** One member of staff: their details and schools, edited with If-Match. */
export function AdminStaffMember({ staffId }: { staffId: string }) {
  const { t } = useI18n();
  const schools = useAllSchools();
  const member = useLoad(async () => {
    const { data, response } = await client.GET('/api/scheduling/staff/{staffId}', { params: { path: { staffId } } });
    return { value: answered(data), etag: etagOf(response) };
  }, [staffId]);
  return (
    <>
      <p>
        <Link to="/admin/staff">{t('back')}</Link>
      </p>
      <Loaded value={member}>
        {({ value, etag }) => (
          <>
            <h1>{value.displayName}</h1>
            <p>
              <Link to={`/admin/safeguarding/${value.id}`}>{t('adm.safeguardingRecord')}</Link>
            </p>
            <Loaded value={schools}>{(list) => <EditStaff member={value} etag={etag} schools={list} onSaved={member.reload} />}</Loaded>
          </>
        )}
      </Loaded>
    </>
  );
}

function EditStaff({
  member,
  etag,
  schools,
  onSaved,
}: {
  member: StaffMember;
  etag: string;
  schools: SchoolOption[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const valuesOf = (from: StaffMember): StaffValues => ({
    displayName: from.displayName,
    kind: from.kind,
    schoolIds: from.schoolIds,
    email: from.email ?? '',
    employer: from.employer ?? '',
    instruments: from.instruments.join(', '),
  });
  const [values, setValues] = useState<StaffValues>(() => valuesOf(member));
  const [saved, setSaved] = useState(false);
  const saving = useSubmit();
  useEffect(() => setValues(valuesOf(member)), [etag]);
  const setter =
    <K extends keyof StaffValues>(key: K) =>
    (value: StaffValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void saving.run(
      async () => {
        await client.PATCH('/api/scheduling/staff/{staffId}', {
          params: { path: { staffId: member.id }, header: { 'If-Match': etag } },
          body: {
            displayName: values.displayName,
            schoolIds: values.schoolIds,
            instruments: instrumentsOf(values.instruments),
            ...(values.email.trim() !== (member.email ?? '') ? { email: values.email.trim() } : {}),
            ...(values.employer.trim() !== (member.employer ?? '') ? { employer: values.employer.trim() } : {}),
          },
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
    <form onSubmit={submit} noValidate className="stack card" data-testid="edit-staff">
      {saved && <Notice>{t('adm.saved')}</Notice>}
      <ConflictNotice error={saving.error} fields={STAFF_FIELDS} />
      <StaffFields
        values={values}
        set={{
          displayName: setter('displayName'),
          kind: setter('kind'),
          schoolIds: setter('schoolIds'),
          email: setter('email'),
          employer: setter('employer'),
          instruments: setter('instruments'),
        }}
        schools={schools}
        fieldError={saving.fieldError}
        kindFixed
      />
      <button type="submit" className="button primary" disabled={saving.busy}>
        {saving.busy ? t('saving') : t('adm.save')}
      </button>
    </form>
  );
}
