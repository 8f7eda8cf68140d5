import { useState, type FormEvent } from 'react';
import { client, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { Link } from '../../router';
import { useI18n, type MessageKey } from '../../i18n';
import { type Editable, InputField, Loaded, Notice, SelectField, useEditable, useSendForm, useSubmit } from '../../ui';
import { ConflictNotice, todayIn } from '../conflict-words';
import { SendForm } from '../form-frame';
import { PUPIL_STATUS_WORDS } from './admin-words';
import { useAllSchools } from './all-schools';
import { useClassesOf, YEAR_GROUPS, yearWords } from './SchoolRecord';

type Pupil = Schema<'scheduling.PupilDto'>;

/** One pupil's record: name and year (If-Match), a move to another class or school, and leaving the programme. */
export function AdminPupil({ pupilId }: { pupilId: string }) {
  const { t } = useI18n();
  const pupil = useEditable(() => client.GET('/api/scheduling/pupils/{pupilId}', { params: { path: { pupilId } } }), pupilDraftOf, [
    pupilId,
  ]);
  const reload = pupil.record.reload;
  return (
    <Loaded value={pupil.record}>
      {({ value, etag }) => (
        <>
          <p>
            <Link to={`/admin/schools/${value.schoolId}`}>{t('back')}</Link>
          </p>
          <h1>
            {value.firstName} {value.lastName}
          </h1>
          <p data-testid="pupil-status">
            {t(PUPIL_STATUS_WORDS[value.status])}
            {value.leftOn && ` · ${t('adm.leftOn', { day: value.leftOn })}`}
            {value.misRef && ` · ${t('adm.misRef', { ref: value.misRef })}`}
          </p>
          <PupilForm pupil={pupil} />
          <PupilFlags pupilId={value.id} etag={etag} onSaved={reload} />
          {value.status === 'active' && (
            <>
              <MovePupil pupil={value} onMoved={reload} />
              <LeavePupil pupil={value} onLeft={reload} />
            </>
          )}
        </>
      )}
    </Loaded>
  );
}

const PUPIL_FIELDS = ['firstName', 'lastName', 'yearGroup', 'destinationSchool'] as const;

/** A pupil's details as the form holds them. */
function pupilDraftOf(pupil: Pupil) {
  return {
    firstName: pupil.firstName,
    lastName: pupil.lastName,
    yearGroup: pupil.yearGroup,
    destinationSchool: pupil.destinationSchool ?? '',
  };
}

function PupilForm({ pupil }: { pupil: Editable<Pupil, ReturnType<typeof pupilDraftOf>> }) {
  const { t } = useI18n();
  const { draft, set, saved, saving, save } = pupil;
  if (!draft) return null;
  const { firstName, lastName, yearGroup, destinationSchool } = draft;
  const submit = save((values, { value, etag }) =>
    client.PATCH('/api/scheduling/pupils/{pupilId}', {
      params: { path: { pupilId: value.id }, header: { 'If-Match': etag } },
      body: {
        firstName: values.firstName,
        lastName: values.lastName,
        yearGroup: values.yearGroup,
        ...(values.destinationSchool.trim() !== (value.destinationSchool ?? '')
          ? { destinationSchool: values.destinationSchool.trim() }
          : {}),
      },
    }),
  );
  return (
    <SendForm
      testId="pupil-form"
      className="stack card"
      heading={<h2>{t('adm.pupilDetails')}</h2>}
      notice={saved ? t('adm.saved') : null}
      sending={saving}
      fields={PUPIL_FIELDS}
      onSubmit={submit}
      submitLabel={t('adm.save')}
    >
      <InputField
        label={t('adm.firstName')}
        error={saving.fieldError('firstName')}
        name="firstName"
        value={firstName}
        onChange={(value) => set({ firstName: value })}
      />
      <InputField
        label={t('adm.lastName')}
        error={saving.fieldError('lastName')}
        name="lastName"
        value={lastName}
        onChange={(value) => set({ lastName: value })}
      />
      <SelectField
        label={t('adm.yearGroup')}
        error={saving.fieldError('yearGroup')}
        name="yearGroup"
        value={String(yearGroup)}
        onChange={(value) => set({ yearGroup: Number(value) })}
      >
        {YEAR_GROUPS.map((year) => (
          <option key={year} value={year}>
            {yearWords(t, year)}
          </option>
        ))}
      </SelectField>
      <InputField
        label={t('adm.destinationSchool')}
        hint={t('adm.destinationSchoolHint')}
        error={saving.fieldError('destinationSchool')}
        name="destinationSchool"
        value={destinationSchool}
        onChange={(value) => set({ destinationSchool: value })}
      />
    </SendForm>
  );
}

function MovePupil({ pupil, onMoved }: { pupil: Pupil; onMoved: () => void }) {
  const { t } = useI18n();
  const schools = useAllSchools();
  const [schoolId, setSchoolId] = useState(pupil.schoolId);
  const [classId, setClassId] = useState(pupil.classId ?? '');
  const classes = useClassesOf(schoolId);
  const moving = useSendForm();
  const submit = moving.submit(async () => {
    await client.POST('/api/scheduling/pupils/{pupilId}/move', {
      params: { path: { pupilId: pupil.id } },
      body: { ...(schoolId !== pupil.schoolId ? { schoolId } : {}), classId: classId || null },
    });
    onMoved();
    return t('adm.moved');
  });
  return (
    <SendForm
      testId="move-pupil"
      className="stack card"
      heading={<h2>{t('adm.movePupil')}</h2>}
      sending={moving}
      fields={['schoolId', 'classId']}
      onSubmit={submit}
      submitLabel={t('adm.move')}
    >
      <SelectField
        label={t('school')}
        error={moving.fieldError('schoolId')}
        name="moveSchoolId"
        value={schoolId}
        onChange={(value) => {
          setSchoolId(value);
          setClassId('');
        }}
        choices={schools.state === 'ready' ? schools.data : []}
      />
      <SelectField
        label={t('adm.class')}
        error={moving.fieldError('classId')}
        name="moveClassId"
        value={classId}
        onChange={setClassId}
        none={t('adm.noClass')}
      >
        {classes.state === 'ready' &&
          classes.data.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name} ({yearWords(t, item.yearGroup)})
            </option>
          ))}
      </SelectField>
    </SendForm>
  );
}

function LeavePupil({ pupil, onLeft }: { pupil: Pupil; onLeft: () => void }) {
  const { t } = useI18n();
  const { me } = useApp();
  const [leftOn, setLeftOn] = useState(() => todayIn(me.area.timeZone));
  const [sure, setSure] = useState(false);
  const leaving = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!sure) {
      setSure(true);
      return;
    }
    void leaving.run(async () => {
      await client.POST('/api/scheduling/pupils/{pupilId}/leave', { params: { path: { pupilId: pupil.id } }, body: { leftOn } });
      setSure(false);
      onLeft();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="stack card" data-testid="leave-pupil">
      <h2>{t('adm.leavePupil')}</h2>
      <ConflictNotice error={leaving.error} fields={['leftOn']} />
      <InputField
        label={t('adm.leftOnLabel')}
        error={leaving.fieldError('leftOn')}
        name="leftOn"
        type="date"
        value={leftOn}
        onChange={setLeftOn}
      />
      {sure && <Notice kind="info">{t('adm.leaveSure', { name: `${pupil.firstName} ${pupil.lastName}` })}</Notice>}
      <button type="submit" className="button secondary" disabled={leaving.busy}>
        {leaving.busy ? t('saving') : sure ? t('adm.leaveConfirm') : t('adm.leave')}
      </button>
    </form>
  );
}

type Characteristics = Schema<'scheduling.CharacteristicsDto'>;
type Flag = 'pupilPremium' | 'send' | 'eal' | 'gender' | 'ethnicityGroup';

/** Each characteristic with its values' words, in the order the form shows them. */
const FLAGS: { flag: Flag; label: MessageKey; values: Record<string, MessageKey> }[] = [
  {
    flag: 'pupilPremium',
    label: 'adm.flag.pupilPremium',
    values: { yes: 'adm.flag.yes', no: 'adm.flag.no', unknown: 'adm.flag.unknown' },
  },
  {
    flag: 'send',
    label: 'adm.flag.send',
    values: {
      none: 'adm.flag.send.none',
      sen_support: 'adm.flag.send.sen_support',
      ehcp: 'adm.flag.send.ehcp',
      unknown: 'adm.flag.unknown',
    },
  },
  { flag: 'eal', label: 'adm.flag.eal', values: { yes: 'adm.flag.yes', no: 'adm.flag.no', unknown: 'adm.flag.unknown' } },
  {
    flag: 'gender',
    label: 'adm.flag.gender',
    values: { female: 'adm.flag.gender.female', male: 'adm.flag.gender.male', other: 'adm.flag.other', unknown: 'adm.flag.unknown' },
  },
  {
    flag: 'ethnicityGroup',
    label: 'adm.flag.ethnicityGroup',
    values: {
      white: 'adm.flag.ethnicity.white',
      mixed: 'adm.flag.ethnicity.mixed',
      asian: 'adm.flag.ethnicity.asian',
      black: 'adm.flag.ethnicity.black',
      chinese: 'adm.flag.ethnicity.chinese',
      other: 'adm.flag.other',
      refused: 'adm.flag.ethnicity.refused',
      unknown: 'adm.flag.unknown',
    },
  },
];

/**
 * The pupil's characteristics (pupil premium, SEND, EAL, gender, ethnic group) for the programme
 * admin, who may see them (the API audits each read). They share the pupil record's version: a save
 * sends the record's ETag and reloads the record, and each new read of the record reads them again.
 */
function PupilFlags({ pupilId, etag, onSaved }: { pupilId: string; etag: string; onSaved: () => void }) {
  const { t } = useI18n();
  const {
    record: flags,
    draft,
    set,
    saved,
    saving,
    save,
  } = useEditable(
    () => client.GET('/api/scheduling/pupils/{pupilId}/characteristics', { params: { path: { pupilId } } }),
    (value): Pick<Characteristics, Flag> => value,
    [pupilId, etag],
  );
  const submit = save(async (values) => {
    try {
      await client.PATCH('/api/scheduling/pupils/{pupilId}/characteristics', {
        params: { path: { pupilId }, header: { 'If-Match': etag } },
        body: {
          pupilPremium: values.pupilPremium,
          send: values.send,
          eal: values.eal,
          gender: values.gender,
          ethnicityGroup: values.ethnicityGroup,
        },
      });
    } finally {
      // Saved, the record has a new version; refused as stale (412), it had one already: either way, read it again.
      onSaved();
    }
  });
  return (
    <Loaded value={flags}>
      {() =>
        draft && (
          <SendForm
            testId="pupil-flags"
            className="stack card"
            heading={
              <>
                <h2>{t('adm.flags')}</h2>
                <p className="hint">{t('adm.flagsHint')}</p>
              </>
            }
            notice={saved ? t('adm.saved') : null}
            sending={saving}
            fields={FLAGS.map(({ flag }) => flag)}
            onSubmit={submit}
            submitLabel={t('adm.save')}
          >
            {FLAGS.map(({ flag, label, values }) => (
              <SelectField
                key={flag}
                label={t(label)}
                error={saving.fieldError(flag)}
                name={flag}
                value={draft[flag]}
                onChange={(value) => set({ [flag]: value } as Partial<Pick<Characteristics, Flag>>)}
              >
                {Object.entries(values).map(([value, words]) => (
                  <option key={value} value={value}>
                    {t(words)}
                  </option>
                ))}
              </SelectField>
            ))}
          </SendForm>
        )
      }
    </Loaded>
  );
}
