import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { allPages, answered, client, type Schema } from '../../api/client';
import { formatDay, useI18n } from '../../i18n';
import { Field, InputField, type Loadable, Loaded, LoadedList, SelectField, useLoad, useSendForm } from '../../ui';
import { SendForm } from '../form-frame';
import { useAllSchools } from './all-schools';

type BankHolidays = Schema<'scheduling.GovUkBankHolidaysDto'>;

/** The area's terms, its holidays and schools' INSET days, and the bank holidays from GOV.UK's file. */
export function AdminTermsHolidays() {
  const { t } = useI18n();
  const terms = useLoad(() => allPages('/api/scheduling/terms'), []);
  const holidays = useLoad(() => allPages('/api/scheduling/holidays'), []);
  const schools = useAllSchools();
  const schoolName = (id: string | null | undefined) =>
    (schools.state === 'ready' ? schools.data : []).find((school) => school.id === id)?.name ?? '';

  return (
    <>
      <h1>{t('admin.terms.title')}</h1>
      <section className="card" aria-labelledby="terms-heading">
        <h2 id="terms-heading">{t('admin.terms.terms')}</h2>
        <Periods value={terms} empty={t('admin.terms.noTerms')} testId="terms" />
        <AddTerm onAdded={terms.reload} />
      </section>
      <section className="card" aria-labelledby="holidays-heading">
        <h2 id="holidays-heading">{t('admin.terms.holidays')}</h2>
        <Periods
          value={holidays}
          empty={t('admin.terms.noHolidays')}
          testId="holidays"
          after={(holiday) =>
            holiday.kind === 'inset' && (
              <span className="muted"> · {t('admin.terms.insetAt', { school: schoolName(holiday.schoolId) })}</span>
            )
          }
        />
        <Loaded value={schools}>{(list) => <AddHoliday schools={list} onAdded={holidays.reload} />}</Loaded>
        <BankHolidayImport onImported={holidays.reload} />
      </section>
    </>
  );
}

/** Terms or holidays, first first: each one's name and its days ("1 Sep 2026 – 18 Dec 2026"), and what `after` adds. */
function Periods<T extends { id: string; name: string; startsOn: string; endsOn: string }>({
  value,
  empty,
  testId,
  after,
}: {
  value: Loadable<T[]> & { reload: () => void };
  empty: string;
  testId: string;
  after?: (period: T) => ReactNode;
}) {
  const { language } = useI18n();
  const range = (from: string, to: string) =>
    from === to ? formatDay(language, from) : `${formatDay(language, from)} – ${formatDay(language, to)}`;
  return (
    <LoadedList value={value} empty={empty}>
      {(list) => (
        <ul data-testid={testId}>
          {[...list]
            .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
            .map((period) => (
              <li key={period.id}>
                <strong>{period.name}</strong>: {range(period.startsOn, period.endsOn)}
                {after?.(period)}
              </li>
            ))}
        </ul>
      )}
    </LoadedList>
  );
}

const NO_PERIOD = { name: '', startsOn: '', endsOn: '' };

/** A term's or holiday's name and its first and last days as a form holds them (days as YYYY-MM-DD). */
function usePeriodDraft() {
  const [period, setPeriod] = useState(NO_PERIOD);
  const set = (change: Partial<typeof NO_PERIOD>) => setPeriod((current) => ({ ...current, ...change }));
  return { ...period, set, clear: () => setPeriod(NO_PERIOD) };
}

/** A term's or holiday's name and its first and last days, as both forms ask for them (`children` between the name and the days). */
function NameAndDays({
  period,
  fieldError,
  children,
}: {
  period: ReturnType<typeof usePeriodDraft>;
  fieldError: (field: string) => string | undefined;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <InputField
        label={t('admin.terms.name')}
        error={fieldError('name')}
        name="name"
        value={period.name}
        onChange={(name) => period.set({ name })}
      />
      {children}
      <InputField
        label={t('admin.terms.startsOn')}
        error={fieldError('startsOn')}
        name="startsOn"
        type="date"
        value={period.startsOn}
        onChange={(startsOn) => period.set({ startsOn })}
      />
      <InputField
        label={t('admin.terms.endsOn')}
        error={fieldError('endsOn')}
        name="endsOn"
        type="date"
        value={period.endsOn}
        onChange={(endsOn) => period.set({ endsOn })}
      />
    </>
  );
}

function AddTerm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const period = usePeriodDraft();
  const { name, startsOn, endsOn } = period;
  const saving = useSendForm();
  const submit = saving.submit(async () => {
    const term = answered((await client.POST('/api/scheduling/terms', { body: { name, startsOn, endsOn } })).data);
    period.clear();
    onAdded();
    return t('admin.terms.termAdded', { name: term.name });
  });
  return (
    <SendForm
      testId="add-term"
      heading={<h3>{t('admin.terms.addTerm')}</h3>}
      sending={saving}
      fields={['name', 'startsOn', 'endsOn']}
      onSubmit={submit}
      submitLabel={t('admin.terms.addTerm')}
    >
      <NameAndDays period={period} fieldError={saving.fieldError} />
    </SendForm>
  );
}

function AddHoliday({ schools, onAdded }: { schools: { id: string; name: string }[]; onAdded: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'holiday' | 'inset'>('holiday');
  const period = usePeriodDraft();
  const { name, startsOn, endsOn } = period;
  const [schoolId, setSchoolId] = useState('');
  const saving = useSendForm();
  const submit = saving.submit(async () => {
    const holiday = answered(
      (
        await client.POST('/api/scheduling/holidays', {
          body: { kind, name, startsOn, endsOn, ...(kind === 'inset' && schoolId ? { schoolId } : {}) },
        })
      ).data,
    );
    period.clear();
    onAdded();
    return t('admin.terms.holidayAdded', { name: holiday.name });
  });
  return (
    <SendForm
      testId="add-holiday"
      heading={<h3>{t('admin.terms.addHoliday')}</h3>}
      sending={saving}
      fields={['kind', 'name', 'schoolId', 'startsOn', 'endsOn']}
      onSubmit={submit}
      submitLabel={t('admin.terms.addHoliday')}
    >
      <SelectField
        label={t('admin.terms.kind')}
        error={saving.fieldError('kind')}
        name="kind"
        value={kind}
        onChange={(value) => setKind(value as 'holiday' | 'inset')}
      >
        <option value="holiday">{t('admin.terms.kind.holiday')}</option>
        <option value="inset">{t('admin.terms.kind.inset')}</option>
      </SelectField>
      <NameAndDays period={period} fieldError={saving.fieldError}>
        {kind === 'inset' && (
          <SelectField
            label={t('school')}
            error={saving.fieldError('schoolId')}
            name="schoolId"
            value={schoolId}
            onChange={setSchoolId}
            none={t('admin.import.chooseSchool')}
            choices={schools}
          />
        )}
      </NameAndDays>
    </SendForm>
  );
}

function BankHolidayImport({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<BankHolidays | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const importing = useSendForm();
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    importing.setNotice(null);
    try {
      setFile(chosen ? (JSON.parse(await chosen.text()) as BankHolidays) : null);
      setUnreadable(false);
    } catch {
      setFile(null);
      setUnreadable(true);
    }
  };
  const send = (chosen: BankHolidays) =>
    importing.submit(async () => {
      const result = answered((await client.POST('/api/scheduling/holidays/bank-holiday-imports', { body: chosen })).data);
      onImported();
      return t('admin.terms.bankImported', { imported: result.imported, already: result.alreadyPresent });
    });
  const submit = (event: FormEvent) => {
    if (file) return send(file)(event);
    event.preventDefault();
    setUnreadable(true);
  };
  return (
    <SendForm
      testId="bank-holidays"
      heading={<h3>{t('admin.terms.bankHolidays')}</h3>}
      sending={importing}
      fields={['england-and-wales']}
      onSubmit={submit}
      submitLabel={t('admin.terms.bankImport')}
    >
      <Field
        label={t('admin.terms.bankFile')}
        hint={t('admin.terms.bankHint')}
        error={unreadable ? t('admin.terms.bankUnreadable') : importing.fieldError('england-and-wales')}
      >
        {(props) => (
          <input {...props} name="bankHolidays" type="file" accept=".json,application/json" onChange={(event) => void choose(event)} />
        )}
      </Field>
    </SendForm>
  );
}
