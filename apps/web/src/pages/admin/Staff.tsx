import { useEffect, useState, type FormEvent } from 'react';
import { allPages, answered, client, type Schema } from '../../api/client';
import { Link } from '../../router';
import { useI18n } from '../../i18n';
import {
  Empty,
  Field,
  InputField,
  Loaded,
  reloadWhenStale,
  TableFrame,
  useDebounced,
  useLoad,
  useSendForm,
  useSubmit,
  WordOptions,
  useVersioned,
} from '../../ui';
import { SendForm } from '../form-frame';
import { STAFF_KIND_WORDS } from './admin-words';
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
    () => allPages('/api/scheduling/staff', { ...(kind ? { kind } : {}), ...(schoolId ? { schoolId } : {}), ...(q ? { q } : {}) }),
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
                <WordOptions words={STAFF_KIND_WORDS} />
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
          <InputField label={t('adm.searchByName')} name="staffSearch" type="search" value={search} onChange={setSearch} />
        </div>
        <Loaded value={staff}>
          {(list) => {
            const shown = [...list].sort((a, b) => a.displayName.localeCompare(b.displayName));
            if (shown.length === 0) return <Empty>{t(q ? 'adm.noneMatch' : 'adm.noStaff')}</Empty>;
            return (
              <TableFrame label={t('adm.staffList')} testId="staff" columns={[t('adm.name'), t('adm.staffKind'), t('adm.staffSchools')]}>
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
              </TableFrame>
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
  const saving = useSendForm();
  const submit = saving.submit(async () => {
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
    onAdded();
    return t('adm.staffAdded', { name: added.displayName });
  });
  return (
    <section className="card" aria-labelledby="add-staff-heading">
      <h2 id="add-staff-heading">{t('adm.addStaff')}</h2>
      <SendForm testId="add-staff" sending={saving} fields={STAFF_FIELDS} onSubmit={submit} submitLabel={t('adm.addStaff')}>
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
      </SendForm>
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
      <InputField
        label={t('displayName')}
        error={fieldError('displayName')}
        name="displayName"
        value={values.displayName}
        onChange={set.displayName}
      />
      <Field label={t('adm.staffKind')} error={fieldError('kind')} hint={kindFixed ? t('adm.kindFixed') : undefined}>
        {(props) => (
          <select
            {...props}
            name="kind"
            value={values.kind}
            disabled={kindFixed}
            onChange={(event) => set.kind(event.target.value as StaffKind)}
          >
            <WordOptions words={STAFF_KIND_WORDS} />
          </select>
        )}
      </Field>
      <SchoolChoices schools={schools} chosen={values.schoolIds} onChange={set.schoolIds} error={fieldError('schoolIds')} />
      <InputField label={t('email')} error={fieldError('email')} name="email" type="email" value={values.email} onChange={set.email} />
      <InputField
        label={t('adm.employer')}
        error={fieldError('employer')}
        name="employer"
        value={values.employer}
        onChange={set.employer}
      />
      <InputField
        label={t('adm.instruments')}
        hint={t('adm.instrumentsHint')}
        error={fieldError('instruments')}
        name="instruments"
        value={values.instruments}
        onChange={set.instruments}
      />
    </>
  );
}

/** One member of staff: their details and schools, edited with If-Match. */
export function AdminStaffMember({ staffId }: { staffId: string }) {
  const { t } = useI18n();
  const schools = useAllSchools();
  const member = useVersioned(() => client.GET('/api/scheduling/staff/{staffId}', { params: { path: { staffId } } }), [staffId]);
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
    void saving.run(async () => {
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
    }, reloadWhenStale(onSaved));
  };
  return (
    <SendForm
      testId="edit-staff"
      className="stack card"
      notice={saved ? t('adm.saved') : null}
      sending={saving}
      fields={STAFF_FIELDS}
      onSubmit={submit}
      submitLabel={t('adm.save')}
    >
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
    </SendForm>
  );
}
