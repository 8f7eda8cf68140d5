import { useEffect, useState, type FormEvent } from 'react';
import { client, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { Link } from '../../router';
import { useI18n, type MessageKey } from '../../i18n';
import { Field, InputField, Loaded, Notice, reloadWhenStale, useEditable, useSendForm, useSubmit, useVersioned } from '../../ui';
import { ConflictNotice, todayIn } from '../conflict-words';
import { SendForm } from '../form-frame';
import { PUPIL_STATUS_WORDS } from './admin-words';
import { useAllSchools } from './all-schools';
import { useClassesOf, YEAR_GROUPS, yearWords } from './SchoolRecord';

type Pupil = Schema<'scheduling.PupilDto'>;

/** One pupil's record: name and year (If-Match), a move to another class or school, and leaving the programme. */
export function AdminPupil({ pupilId }: { pupilId: string }) {
  const { t } = useI18n();
  const pupil = useVersioned(() => client.GET('/api/scheduling/pupils/{pupilId}', { params: { path: { pupilId } } }), [pupilId]);
  return (
    <Loaded value={pupil}>
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
          <PupilForm pupil={value} etag={etag} onSaved={pupil.reload} />
          <PupilFlags pupilId={value.id} etag={etag} onSaved={pupil.reload} />
          {value.status === 'active' && (
            <>
              <MovePupil pupil={value} onMoved={pupil.reload} />
              <LeavePupil pupil={value} onLeft={pupil.reload} />
            </>
          )}
        </>
      )}
    </Loaded>
  );
}

const PUPIL_FIELDS = ['firstName', 'lastName', 'yearGroup', 'destinationSchool'] as const;

function PupilForm({ pupil, etag, onSaved }: { pupil: Pupil; etag: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [firstName, setFirstName] = useState(pupil.firstName);
  const [lastName, setLastName] = useState(pupil.lastName);
  const [yearGroup, setYearGroup] = useState(pupil.yearGroup);
  const [destinationSchool, setDestinationSchool] = useState(pupil.destinationSchool ?? '');
  const [saved, setSaved] = useState(false);
  const saving = useSubmit();
  useEffect(() => {
    setFirstName(pupil.firstName);
    setLastName(pupil.lastName);
    setYearGroup(pupil.yearGroup);
    setDestinationSchool(pupil.destinationSchool ?? '');
  }, [etag]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void saving.run(async () => {
      await client.PATCH('/api/scheduling/pupils/{pupilId}', {
        params: { path: { pupilId: pupil.id }, header: { 'If-Match': etag } },
        body: {
          firstName,
          lastName,
          yearGroup,
          ...(destinationSchool.trim() !== (pupil.destinationSchool ?? '') ? { destinationSchool: destinationSchool.trim() } : {}),
        },
      });
      setSaved(true);
      onSaved();
    }, reloadWhenStale(onSaved));
  };
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
        onChange={setFirstName}
      />
      <InputField label={t('adm.lastName')} error={saving.fieldError('lastName')} name="lastName" value={lastName} onChange={setLastName} />
      <Field label={t('adm.yearGroup')} error={saving.fieldError('yearGroup')}>
        {(props) => (
          <select {...props} name="yearGroup" value={yearGroup} onChange={(event) => setYearGroup(Number(event.target.value))}>
            {YEAR_GROUPS.map((year) => (
              <option key={year} value={year}>
                {yearWords(t, year)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <InputField
        label={t('adm.destinationSchool')}
        hint={t('adm.destinationSchoolHint')}
        error={saving.fieldError('destinationSchool')}
        name="destinationSchool"
        value={destinationSchool}
        onChange={setDestinationSchool}
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
      <Field label={t('school')} error={moving.fieldError('schoolId')}>
        {(props) => (
          <select
            {...props}
            name="moveSchoolId"
            value={schoolId}
            onChange={(event) => {
              setSchoolId(event.target.value);
              setClassId('');
            }}
          >
            {schools.state === 'ready' &&
              schools.data.map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field label={t('adm.class')} error={moving.fieldError('classId')}>
        {(props) => (
          <select {...props} name="moveClassId" value={classId} onChange={(event) => setClassId(event.target.value)}>
            <option value="">{t('adm.noClass')}</option>
            {classes.state === 'ready' &&
              classes.data.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name} ({yearWords(t, item.yearGroup)})
                </option>
              ))}
          </select>
        )}
      </Field>
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
              <Field key={flag} label={t(label)} error={saving.fieldError(flag)}>
                {(props) => (
                  <select
                    {...props}
                    name={flag}
                    value={draft[flag]}
                    onChange={(event) => set({ [flag]: event.target.value } as Partial<Pick<Characteristics, Flag>>)}
                  >
                    {Object.entries(values).map(([value, words]) => (
                      <option key={value} value={value}>
                        {t(words)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </SendForm>
        )
      }
    </Loaded>
  );
}
