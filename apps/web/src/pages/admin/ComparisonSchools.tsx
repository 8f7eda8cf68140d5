import { useState, type FormEvent } from 'react';
import { ApiProblem, allPages, answered, client, newId, type Schema } from '../../api/client';
import { Link } from '../../router';
import { useI18n } from '../../i18n';
import { EditOrRemove, useRemoveOnce } from './edit-actions';
import { InputField, LoadedList, SelectField, type Submission, useLoad, useSendForm, useSubmit, WordOptions } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { SaveOrCancel, SendForm } from '../form-frame';
import { ifMatch, PHASE_WORDS } from './admin-words';

type ComparisonSchool = Schema<'scheduling.ComparisonSchoolDto'>;
type Phase = ComparisonSchool['phase'];

interface Draft {
  urn: string;
  name: string;
  phase: Phase;
  pupils: string;
  percentFsm: string;
  percentSend: string;
  percentEal: string;
  cohortYear: string;
}

const FIELDS = ['urn', 'name', 'phase', 'pupils', 'percentFsm', 'percentSend', 'percentEal', 'cohortYear'] as const;

function draftOf(school?: ComparisonSchool): Draft {
  const text = (value: number | null | undefined) => (value == null ? '' : String(value));
  return {
    urn: school?.urn ?? '',
    name: school?.name ?? '',
    phase: school?.phase ?? 'primary',
    pupils: text(school?.pupils),
    percentFsm: text(school?.percentFsm),
    percentSend: text(school?.percentSend),
    percentEal: text(school?.percentEal),
    cohortYear: school?.cohortYear ?? '',
  };
}

/** The draft as the API takes it: an empty per cent or cohort year is null (not known); an empty pupil count is sent for the API to refuse naming the field. */
function bodyOf(draft: Draft) {
  const percent = (text: string) => (text.trim() === '' ? null : Number(text));
  return {
    urn: draft.urn.trim(),
    name: draft.name,
    phase: draft.phase,
    pupils: draft.pupils.trim() === '' ? (null as unknown as number) : Number(draft.pupils),
    percentFsm: percent(draft.percentFsm),
    percentSend: percent(draft.percentSend),
    percentEal: percent(draft.percentEal),
    cohortYear: draft.cohortYear.trim() || null,
  };
}

interface UrnClash {
  kind?: string;
  urn?: string;
  comparisonSchoolId?: string | null;
  schoolId?: string;
}

/** The 409 a URN clash answers: who holds the URN (another comparison school of the area, or a school of the programme). */
function urnClashOf(error: unknown): UrnClash | undefined {
  if (!(error instanceof ApiProblem) || error.status !== 409) return undefined;
  const clash = (error.conflicts[0] ?? {}) as UrnClash;
  return clash.kind === 'comparison-school' || clash.kind === 'programme-school' ? clash : undefined;
}

/** The holder of a clashing URN named in words, shown beside the URN field (a programme school's name is read only when one clashes). */
function useUrnClash(saving: Submission, comparisonSchools: readonly ComparisonSchool[]): string | undefined {
  const { t } = useI18n();
  const clash = urnClashOf(saving.error);
  const programmeSchoolId = clash?.kind === 'programme-school' ? clash.schoolId : undefined;
  const programmeSchool = useLoad(async () => {
    if (!programmeSchoolId) return null;
    const { data } = await client.GET('/api/scheduling/schools/{schoolId}', { params: { path: { schoolId: programmeSchoolId } } });
    return answered(data);
  }, [programmeSchoolId]);
  if (!clash) return undefined;
  const urn = clash.urn ?? '';
  if (clash.kind === 'comparison-school') {
    const holder = comparisonSchools.find((school) => school.id === clash.comparisonSchoolId);
    return holder ? t('cmp.urnTakenBy', { urn, name: holder.name }) : t('cmp.urnTaken', { urn });
  }
  const holder = programmeSchool.state === 'ready' ? programmeSchool.data : null;
  return holder ? t('cmp.urnProgrammeSchoolNamed', { urn, name: holder.name }) : t('cmp.urnProgrammeSchool', { urn });
}

/** The area's comparison schools (issue 18): schools outside the programme, with aggregates of their cohort, that the evaluation compares with. */
export function AdminComparisonSchools() {
  const { t } = useI18n();
  const schools = useLoad(
    async () => (await allPages('/api/scheduling/comparison-schools')).sort((a, b) => a.name.localeCompare(b.name)),
    [],
  );
  const known = schools.state === 'ready' ? schools.data : [];
  return (
    <>
      <p>
        <Link to="/admin">{t('back')}</Link>
      </p>
      <h1>{t('cmp.title')}</h1>
      <p>{t('cmp.intro')}</p>
      <section className="card" aria-labelledby="comparison-heading">
        <h2 id="comparison-heading">{t('cmp.listHeading')}</h2>
        <LoadedList value={schools} empty={t('cmp.none')}>
          {(list) => (
            <ul className="plain stack" data-testid="comparison-schools">
              {list.map((school) => (
                <ComparisonRow key={`${school.id}-${school.version}`} school={school} known={list} onChanged={schools.reload} />
              ))}
            </ul>
          )}
        </LoadedList>
      </section>
      <AddComparisonSchool known={known} onAdded={schools.reload} />
    </>
  );
}

function ComparisonFields({
  draft,
  set,
  saving,
  urnClash,
  prefix,
}: {
  draft: Draft;
  set: (change: Partial<Draft>) => void;
  saving: Submission;
  urnClash: string | undefined;
  prefix: string;
}) {
  const { t } = useI18n();
  const percentField = (key: 'percentFsm' | 'percentSend' | 'percentEal', label: string) => (
    <InputField
      label={label}
      hint={t('cmp.percentHint')}
      error={saving.fieldError(key)}
      name={`${prefix}${key}`}
      type="number"
      inputMode="decimal"
      min={0}
      max={100}
      step={0.1}
      value={draft[key]}
      onChange={(value) => set({ [key]: value })}
    />
  );
  return (
    <>
      <InputField
        label={t('adm.urn')}
        hint={t('adm.urnHint')}
        error={saving.fieldError('urn') ?? urnClash}
        name={`${prefix}urn`}
        inputMode="numeric"
        value={draft.urn}
        onChange={(urn) => set({ urn })}
      />
      <InputField
        label={t('adm.name')}
        error={saving.fieldError('name')}
        name={`${prefix}name`}
        value={draft.name}
        onChange={(name) => set({ name })}
      />
      <SelectField
        label={t('adm.phase')}
        error={saving.fieldError('phase')}
        name={`${prefix}phase`}
        value={draft.phase}
        onChange={(value) => set({ phase: value as Phase })}
      >
        <WordOptions words={PHASE_WORDS} />
      </SelectField>
      <InputField
        label={t('cmp.pupils')}
        hint={t('cmp.pupilsHint')}
        error={saving.fieldError('pupils')}
        name={`${prefix}pupils`}
        type="number"
        inputMode="numeric"
        min={0}
        value={draft.pupils}
        onChange={(pupils) => set({ pupils })}
      />
      {percentField('percentFsm', t('cmp.percentFsm'))}
      {percentField('percentSend', t('cmp.percentSend'))}
      {percentField('percentEal', t('cmp.percentEal'))}
      <InputField
        label={t('cmp.cohortYear')}
        hint={t('cmp.cohortYearHint')}
        error={saving.fieldError('cohortYear')}
        name={`${prefix}cohortYear`}
        value={draft.cohortYear}
        onChange={(cohortYear) => set({ cohortYear })}
      />
    </>
  );
}

function ComparisonRow({
  school,
  known,
  onChanged,
}: {
  school: ComparisonSchool;
  known: readonly ComparisonSchool[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(() => draftOf(school));
  const saving = useSubmit();
  const urnClash = useUrnClash(saving, known);
  const onStale = (error: unknown) => {
    if (error instanceof ApiProblem && (error.status === 412 || error.status === 404)) onChanged();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      const body = bodyOf(draft);
      await client.PATCH('/api/scheduling/comparison-schools/{comparisonSchoolId}', {
        params: { path: { comparisonSchoolId: school.id }, header: { 'If-Match': ifMatch(school.version) } },
        body: body.urn === school.urn ? { ...body, urn: undefined } : body,
      });
      setEditing(false);
      onChanged();
    }, onStale);
  };
  const removal = useRemoveOnce(async () => {
    await client.DELETE('/api/scheduling/comparison-schools/{comparisonSchoolId}', {
      params: { path: { comparisonSchoolId: school.id } },
    });
    onChanged();
  }, onStale);
  const percent = (value: number | null | undefined) => (value == null ? t('cmp.notKnown') : `${value}%`);
  return (
    <li data-testid="comparison-school" data-comparison-school-id={school.id}>
      {editing ? (
        <form onSubmit={submit} noValidate className="stack">
          {!urnClash && <ConflictNotice error={saving.error} fields={FIELDS} />}
          <ComparisonFields
            draft={draft}
            set={(change) => setDraft((current) => ({ ...current, ...change }))}
            saving={saving}
            urnClash={urnClash}
            prefix="edit-"
          />
          <SaveOrCancel busy={saving.busy} onCancel={() => setEditing(false)} />
        </form>
      ) : (
        <>
          <strong>{school.name}</strong>{' '}
          <span className="muted">
            · URN {school.urn} · {t(PHASE_WORDS[school.phase])}
            {school.cohortYear && ` · ${school.cohortYear}`}
          </span>
          <br />
          <span className="small-text">
            {t('cmp.aggregates', {
              pupils: school.pupils,
              fsm: percent(school.percentFsm),
              send: percent(school.percentSend),
              eal: percent(school.percentEal),
            })}
          </span>
          <EditOrRemove
            name={school.name}
            sureWords={t('cmp.removeSure', { name: school.name })}
            removal={removal}
            onEdit={() => setEditing(true)}
          />
        </>
      )}
    </li>
  );
}

function AddComparisonSchool({ known, onAdded }: { known: readonly ComparisonSchool[]; onAdded: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf());
  // One key per school being added: a resend of the same form is the same creation, not a second school.
  const [idempotencyKey, setIdempotencyKey] = useState(newId);
  const saving = useSendForm();
  const urnClash = useUrnClash(saving, known);
  const set = (change: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...change }));
    setIdempotencyKey(newId());
  };
  const submit = saving.submit(async () => {
    const school = answered(
      (
        await client.POST('/api/scheduling/comparison-schools', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body: bodyOf(draft),
        })
      ).data,
    );
    setDraft(draftOf());
    setIdempotencyKey(newId());
    onAdded();
    return t('cmp.added', { name: school.name });
  });
  return (
    <SendForm
      testId="add-comparison-school"
      className="stack card"
      heading={<h2>{t('cmp.add')}</h2>}
      sending={saving}
      error={urnClash ? null : saving.error}
      fields={FIELDS}
      onSubmit={submit}
      submitLabel={t('cmp.add')}
    >
      <ComparisonFields draft={draft} set={set} saving={saving} urnClash={urnClash} prefix="new-" />
    </SendForm>
  );
}
