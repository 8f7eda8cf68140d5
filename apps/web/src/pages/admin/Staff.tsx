import { useState } from 'react';
import { allPages, answered, client, type Schema } from '../../api/client';
import { Link } from '../../router';
import { useI18n } from '../../i18n';
import {
  Empty,
  InputField,
  Loaded,
  SelectField,
  TableFrame,
  useDebounced,
  useLoad,
  useSendForm,
  useEditable,
  WordOptions,
  type Editable,
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
          <SelectField
            label={t('adm.staffKind')}
            name="kindFilter"
            value={kind}
            onChange={(value) => setKind(value as StaffKind | '')}
            none={t('adm.anyKind')}
          >
            <WordOptions words={STAFF_KIND_WORDS} />
          </SelectField>
          <SelectField
            label={t('school')}
            name="schoolFilter"
            value={schoolId}
            onChange={setSchoolId}
            none={t('adm.anySchool')}
            choices={schoolList}
          />
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
  const [values, setValues] = useState<StaffValues>({ ...NO_STAFF, kind: 'tutor' });
  const set = (change: Partial<StaffValues>) => setValues((current) => ({ ...current, ...change }));
  const saving = useSendForm();
  const submit = saving.submit(async () => {
    const added = answered(
      (
        await client.POST('/api/scheduling/staff', {
          body: {
            displayName: values.displayName,
            kind: values.kind,
            schoolIds: values.schoolIds,
            ...(values.email.trim() ? { email: values.email.trim() } : {}),
            ...(values.employer.trim() ? { employer: values.employer.trim() } : {}),
            ...(values.instruments.trim() ? { instruments: instrumentsOf(values.instruments) } : {}),
          },
        })
      ).data,
    );
    set(NO_STAFF);
    onAdded();
    return t('adm.staffAdded', { name: added.displayName });
  });
  return (
    <section className="card" aria-labelledby="add-staff-heading">
      <h2 id="add-staff-heading">{t('adm.addStaff')}</h2>
      <SendForm testId="add-staff" sending={saving} fields={STAFF_FIELDS} onSubmit={submit} submitLabel={t('adm.addStaff')}>
        <StaffFields values={values} set={set} schools={schools} fieldError={saving.fieldError} />
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

/** A new member's form once it is cleared (the kind chosen stays). */
const NO_STAFF = { displayName: '', schoolIds: [], email: '', employer: '', instruments: '' } satisfies Omit<StaffValues, 'kind'>;

/** A member's details as the form holds them. */
function staffValuesOf(member: StaffMember): StaffValues {
  return {
    displayName: member.displayName,
    kind: member.kind,
    schoolIds: member.schoolIds,
    email: member.email ?? '',
    employer: member.employer ?? '',
    instruments: member.instruments.join(', '),
  };
}

function StaffFields({
  values,
  set,
  schools,
  fieldError,
  kindFixed = false,
}: {
  values: StaffValues;
  set: (change: Partial<StaffValues>) => void;
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
        onChange={(value) => set({ displayName: value })}
      />
      <SelectField
        label={t('adm.staffKind')}
        error={fieldError('kind')}
        hint={kindFixed ? t('adm.kindFixed') : undefined}
        name="kind"
        value={values.kind}
        disabled={kindFixed}
        onChange={(value) => set({ kind: value as StaffKind })}
      >
        <WordOptions words={STAFF_KIND_WORDS} />
      </SelectField>
      <SchoolChoices
        schools={schools}
        chosen={values.schoolIds}
        onChange={(value) => set({ schoolIds: value })}
        error={fieldError('schoolIds')}
      />
      <InputField
        label={t('email')}
        error={fieldError('email')}
        name="email"
        type="email"
        value={values.email}
        onChange={(value) => set({ email: value })}
      />
      <InputField
        label={t('adm.employer')}
        error={fieldError('employer')}
        name="employer"
        value={values.employer}
        onChange={(value) => set({ employer: value })}
      />
      <InputField
        label={t('adm.instruments')}
        hint={t('adm.instrumentsHint')}
        error={fieldError('instruments')}
        name="instruments"
        value={values.instruments}
        onChange={(value) => set({ instruments: value })}
      />
    </>
  );
}

/** One member of staff: their details and schools, edited with If-Match. */
export function AdminStaffMember({ staffId }: { staffId: string }) {
  const { t } = useI18n();
  const schools = useAllSchools();
  const member = useEditable(() => client.GET('/api/scheduling/staff/{staffId}', { params: { path: { staffId } } }), staffValuesOf, [
    staffId,
  ]);
  return (
    <>
      <p>
        <Link to="/admin/staff">{t('back')}</Link>
      </p>
      <Loaded value={member.record}>
        {({ value }) => (
          <>
            <h1>{value.displayName}</h1>
            <p>
              <Link to={`/admin/safeguarding/${value.id}`}>{t('adm.safeguardingRecord')}</Link>
            </p>
            <Loaded value={schools}>{(list) => <EditStaff member={member} schools={list} />}</Loaded>
          </>
        )}
      </Loaded>
    </>
  );
}

function EditStaff({ member, schools }: { member: Editable<StaffMember, StaffValues>; schools: SchoolOption[] }) {
  const { t } = useI18n();
  const { draft: values, set, saved, saving, save } = member;
  if (!values) return null;
  const submit = save((draft, { value, etag }) =>
    client.PATCH('/api/scheduling/staff/{staffId}', {
      params: { path: { staffId: value.id }, header: { 'If-Match': etag } },
      body: {
        displayName: draft.displayName,
        schoolIds: draft.schoolIds,
        instruments: instrumentsOf(draft.instruments),
        ...(draft.email.trim() !== (value.email ?? '') ? { email: draft.email.trim() } : {}),
        ...(draft.employer.trim() !== (value.employer ?? '') ? { employer: draft.employer.trim() } : {}),
      },
    }),
  );
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
      <StaffFields values={values} set={set} schools={schools} fieldError={saving.fieldError} kindFixed />
    </SendForm>
  );
}
