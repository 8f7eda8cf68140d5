import { client, type ApiProblem, type Schema } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { Field, Loaded, Notice, SelectField, useEditable } from '../../../ui';
import { ConflictNotice } from '../../conflict-words';
import { formatDate, Reasons, StatusBadge, type SafeguardingRecord } from './Safeguarding';

type DbsLevel = Schema<'scheduling.DbsCheckInputDto'>['level'];
const DBS_LEVELS: DbsLevel[] = ['enhanced_barred_list', 'enhanced', 'standard', 'basic'];

interface Draft {
  number: string;
  level: DbsLevel | '';
  issuedOn: string;
  updateServiceCheckedOn: string;
  trainingLevel: string;
  completedOn: string;
  expiresOn: string;
}

function draftOf(record: SafeguardingRecord): Draft {
  return {
    number: record.dbs?.number ?? '',
    level: record.dbs?.level ?? '',
    issuedOn: record.dbs?.issuedOn ?? '',
    updateServiceCheckedOn: record.dbs?.updateServiceCheckedOn ?? '',
    trainingLevel: record.training?.level ?? '',
    completedOn: record.training?.completedOn ?? '',
    expiresOn: record.training?.expiresOn ?? '',
  };
}

const FIELDS = [
  'dbs',
  'dbs.number',
  'dbs.level',
  'dbs.issuedOn',
  'dbs.updateServiceCheckedOn',
  'training',
  'training.level',
  'training.completedOn',
  'training.expiresOn',
] as const;

/**
 * One member of staff's DBS check and safeguarding training, recorded or changed by the programme
 * admin (the whole record at once, with If-Match: a part left empty is recorded as missing).
 */
export function AdminSafeguardingRecord({ staffId }: { staffId: string }) {
  const { t, language } = useI18n();
  const {
    record,
    draft,
    set,
    saved,
    saving,
    save: saveWith,
  } = useEditable(() => client.GET('/api/scheduling/safeguarding/staff/{staffId}', { params: { path: { staffId } } }), draftOf, [staffId]);

  const save = saveWith((draft, { etag }) => {
    const hasDbs = Boolean(draft.number.trim() || draft.level || draft.issuedOn || draft.updateServiceCheckedOn);
    const hasTraining = Boolean(draft.trainingLevel.trim() || draft.completedOn || draft.expiresOn);
    return client.PUT('/api/scheduling/safeguarding/staff/{staffId}', {
      params: { path: { staffId }, header: { 'If-Match': etag } },
      body: {
        // A part begun is sent whole (the API names what is missing from it); an empty part is recorded as missing.
        ...(hasDbs
          ? {
              dbs: {
                number: draft.number.replace(/\s+/g, ''),
                level: draft.level as DbsLevel,
                issuedOn: draft.issuedOn,
                ...(draft.updateServiceCheckedOn ? { updateServiceCheckedOn: draft.updateServiceCheckedOn } : {}),
              },
            }
          : {}),
        ...(hasTraining
          ? { training: { level: draft.trainingLevel.trim(), completedOn: draft.completedOn, expiresOn: draft.expiresOn } }
          : {}),
      },
    });
  });

  const day = (iso: string | null | undefined) => formatDate(language, iso);

  return (
    <>
      <p>
        <Link to="/admin/safeguarding">{t('back')}</Link>
      </p>
      <Loaded value={record}>
        {({ value }) => (
          <>
            <h1>{t('safeguarding.record.title', { name: value.displayName })}</h1>
            <p data-testid="record-status">
              <StatusBadge status={value.status} />{' '}
              {value.expiresOn &&
                t(value.status === 'not_cleared' ? 'safeguarding.ranOut' : 'safeguarding.runsOut', { day: day(value.expiresOn) })}{' '}
              <Reasons reasons={value.reasons} />
            </p>
            {draft && (
              <form onSubmit={save} noValidate className="stack" data-testid="safeguarding-record">
                <fieldset className="stack">
                  <legend>{t('safeguarding.dbs.title')}</legend>
                  <Field
                    label={t('safeguarding.dbs.number')}
                    hint={t('safeguarding.dbs.numberHint')}
                    error={saving.fieldError('dbs.number')}
                  >
                    {(props) => (
                      <input
                        {...props}
                        name="number"
                        inputMode="numeric"
                        autoComplete="off"
                        value={draft.number}
                        onChange={(event) => set({ number: event.target.value })}
                      />
                    )}
                  </Field>
                  <SelectField
                    label={t('safeguarding.dbs.level')}
                    hint={t('safeguarding.dbs.levelHint')}
                    error={saving.fieldError('dbs.level')}
                    name="level"
                    value={draft.level}
                    onChange={(value) => set({ level: value as DbsLevel | '' })}
                    none={t('safeguarding.dbs.chooseLevel')}
                  >
                    {DBS_LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(`safeguarding.level.${level}`)}
                      </option>
                    ))}
                  </SelectField>
                  <Field label={t('safeguarding.dbs.issuedOn')} error={saving.fieldError('dbs.issuedOn')}>
                    {(props) => (
                      <input
                        {...props}
                        name="issuedOn"
                        type="date"
                        value={draft.issuedOn}
                        onChange={(event) => set({ issuedOn: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    label={t('safeguarding.dbs.updateServiceCheckedOn')}
                    hint={t('safeguarding.dbs.updateServiceHint')}
                    error={saving.fieldError('dbs.updateServiceCheckedOn')}
                  >
                    {(props) => (
                      <input
                        {...props}
                        name="updateServiceCheckedOn"
                        type="date"
                        value={draft.updateServiceCheckedOn}
                        onChange={(event) => set({ updateServiceCheckedOn: event.target.value })}
                      />
                    )}
                  </Field>
                  <PartError problem={saving.problem} part="dbs" />
                </fieldset>
                <fieldset className="stack">
                  <legend>{t('safeguarding.training.title')}</legend>
                  <Field
                    label={t('safeguarding.training.level')}
                    hint={t('safeguarding.training.levelHint')}
                    error={saving.fieldError('training.level')}
                  >
                    {(props) => (
                      <input
                        {...props}
                        name="trainingLevel"
                        value={draft.trainingLevel}
                        onChange={(event) => set({ trainingLevel: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('safeguarding.training.completedOn')} error={saving.fieldError('training.completedOn')}>
                    {(props) => (
                      <input
                        {...props}
                        name="completedOn"
                        type="date"
                        value={draft.completedOn}
                        onChange={(event) => set({ completedOn: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    label={t('safeguarding.training.expiresOn')}
                    hint={t('safeguarding.training.expiresHint')}
                    error={saving.fieldError('training.expiresOn')}
                  >
                    {(props) => (
                      <input
                        {...props}
                        name="expiresOn"
                        type="date"
                        value={draft.expiresOn}
                        onChange={(event) => set({ expiresOn: event.target.value })}
                      />
                    )}
                  </Field>
                  <PartError problem={saving.problem} part="training" />
                </fieldset>
                <p className="hint">{t('safeguarding.record.emptyHint')}</p>
                <div className="actions">
                  <button type="submit" className="button primary" disabled={saving.busy}>
                    {t('safeguarding.record.save')}
                  </button>
                </div>
                <div aria-live="polite">{saved && <Notice>{t('safeguarding.record.saved', { name: value.displayName })}</Notice>}</div>
                <ConflictNotice error={saving.error} fields={FIELDS} />
              </form>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

/** The API's message about a part as a whole (`dbs`, not one of its fields), shown at the end of the part. */
function PartError({ problem, part }: { problem: ApiProblem | null; part: 'dbs' | 'training' }) {
  const message = problem?.errors.find((error) => error.field === part)?.message;
  return message ? <p className="field-error">{message}</p> : null;
}
