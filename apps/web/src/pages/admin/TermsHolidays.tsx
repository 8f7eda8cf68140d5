import { useState, type ChangeEvent, type FormEvent } from 'react';
import { answered, client, everyItem, type Schema } from '../../api/client';
import { formatDay, useI18n } from '../../i18n';
import { Empty, Field, Loaded, Notice, useLoad, useSubmit } from '../../ui';
import { ConflictNotice } from '../conflict-words';

type BankHolidays = Schema<'scheduling.GovUkBankHolidaysDto'>;

/** The area's terms, its holidays and schools' INSET days, and the bank holidays from GOV.UK's file. */
export function AdminTermsHolidays() {
  const { t, language } = useI18n();
  const terms = useLoad(
    () => everyItem(async (cursor) => (await client.GET('/api/scheduling/terms', { params: { query: { limit: 100, cursor } } })).data),
    [],
  );
  const holidays = useLoad(
    () => everyItem(async (cursor) => (await client.GET('/api/scheduling/holidays', { params: { query: { limit: 100, cursor } } })).data),
    [],
  );
  const schools = useLoad(
    () => everyItem(async (cursor) => (await client.GET('/api/scheduling/schools', { params: { query: { limit: 100, cursor } } })).data),
    [],
  );
  const schoolName = (id: string | null | undefined) =>
    (schools.state === 'ready' ? schools.data : []).find((school) => school.id === id)?.name ?? '';
  const range = (from: string, to: string) =>
    from === to ? formatDay(language, from) : `${formatDay(language, from)} – ${formatDay(language, to)}`;

  return (
    <>
      <h1>{t('admin.terms.title')}</h1>
      <section className="card" aria-labelledby="terms-heading">
        <h2 id="terms-heading">{t('admin.terms.terms')}</h2>
        <Loaded value={terms}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('admin.terms.noTerms')}</Empty>
            ) : (
              <ul data-testid="terms">
                {[...list]
                  .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
                  .map((term) => (
                    <li key={term.id}>
                      <strong>{term.name}</strong>: {range(term.startsOn, term.endsOn)}
                    </li>
                  ))}
              </ul>
            )
          }
        </Loaded>
        <AddTerm onAdded={terms.reload} />
      </section>
      <section className="card" aria-labelledby="holidays-heading">
        <h2 id="holidays-heading">{t('admin.terms.holidays')}</h2>
        <Loaded value={holidays}>
          {(list) =>
            list.length === 0 ? (
              <Empty>{t('admin.terms.noHolidays')}</Empty>
            ) : (
              <ul data-testid="holidays">
                {[...list]
                  .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
                  .map((holiday) => (
                    <li key={holiday.id}>
                      <strong>{holiday.name}</strong>: {range(holiday.startsOn, holiday.endsOn)}
                      {holiday.kind === 'inset' && (
                        <span className="muted"> · {t('admin.terms.insetAt', { school: schoolName(holiday.schoolId) })}</span>
                      )}
                    </li>
                  ))}
              </ul>
            )
          }
        </Loaded>
        <Loaded value={schools}>{(list) => <AddHoliday schools={list} onAdded={holidays.reload} />}</Loaded>
        <BankHolidayImport onImported={holidays.reload} />
      </section>
    </>
  );
}

function AddTerm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const saving = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void saving.run(async () => {
      const term = answered((await client.POST('/api/scheduling/terms', { body: { name, startsOn, endsOn } })).data);
      setName('');
      setStartsOn('');
      setEndsOn('');
      setDone(t('admin.terms.termAdded', { name: term.name }));
      onAdded();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="stack" data-testid="add-term">
      <h3>{t('admin.terms.addTerm')}</h3>
      {done && <Notice>{done}</Notice>}
      <ConflictNotice error={saving.error} fields={['name', 'startsOn', 'endsOn']} />
      <Field label={t('admin.terms.name')} error={saving.fieldError('name')}>
        {(props) => <input {...props} name="name" value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <Field label={t('admin.terms.startsOn')} error={saving.fieldError('startsOn')}>
        {(props) => <input {...props} name="startsOn" type="date" value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />}
      </Field>
      <Field label={t('admin.terms.endsOn')} error={saving.fieldError('endsOn')}>
        {(props) => <input {...props} name="endsOn" type="date" value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />}
      </Field>
      <button type="submit" className="button primary" disabled={saving.busy}>
        {saving.busy ? t('saving') : t('admin.terms.addTerm')}
      </button>
    </form>
  );
}

function AddHoliday({ schools, onAdded }: { schools: { id: string; name: string }[]; onAdded: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'holiday' | 'inset'>('holiday');
  const [name, setName] = useState('');
  const [schoolId, setSchoolId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const saving = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void saving.run(async () => {
      const holiday = answered(
        (
          await client.POST('/api/scheduling/holidays', {
            body: { kind, name, startsOn, endsOn, ...(kind === 'inset' && schoolId ? { schoolId } : {}) },
          })
        ).data,
      );
      setName('');
      setStartsOn('');
      setEndsOn('');
      setDone(t('admin.terms.holidayAdded', { name: holiday.name }));
      onAdded();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="stack" data-testid="add-holiday">
      <h3>{t('admin.terms.addHoliday')}</h3>
      {done && <Notice>{done}</Notice>}
      <ConflictNotice error={saving.error} fields={['kind', 'name', 'schoolId', 'startsOn', 'endsOn']} />
      <Field label={t('admin.terms.kind')} error={saving.fieldError('kind')}>
        {(props) => (
          <select {...props} name="kind" value={kind} onChange={(event) => setKind(event.target.value as 'holiday' | 'inset')}>
            <option value="holiday">{t('admin.terms.kind.holiday')}</option>
            <option value="inset">{t('admin.terms.kind.inset')}</option>
          </select>
        )}
      </Field>
      <Field label={t('admin.terms.name')} error={saving.fieldError('name')}>
        {(props) => <input {...props} name="name" value={name} onChange={(event) => setName(event.target.value)} />}
      </Field>
      {kind === 'inset' && (
        <Field label={t('school')} error={saving.fieldError('schoolId')}>
          {(props) => (
            <select {...props} name="schoolId" value={schoolId} onChange={(event) => setSchoolId(event.target.value)}>
              <option value="">{t('admin.import.chooseSchool')}</option>
              {schools.map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label={t('admin.terms.startsOn')} error={saving.fieldError('startsOn')}>
        {(props) => <input {...props} name="startsOn" type="date" value={startsOn} onChange={(event) => setStartsOn(event.target.value)} />}
      </Field>
      <Field label={t('admin.terms.endsOn')} error={saving.fieldError('endsOn')}>
        {(props) => <input {...props} name="endsOn" type="date" value={endsOn} onChange={(event) => setEndsOn(event.target.value)} />}
      </Field>
      <button type="submit" className="button primary" disabled={saving.busy}>
        {saving.busy ? t('saving') : t('admin.terms.addHoliday')}
      </button>
    </form>
  );
}

function BankHolidayImport({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<BankHolidays | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const importing = useSubmit();
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setDone(null);
    try {
      setFile(chosen ? (JSON.parse(await chosen.text()) as BankHolidays) : null);
      setUnreadable(false);
    } catch {
      setFile(null);
      setUnreadable(true);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setUnreadable(true);
      return;
    }
    void importing.run(async () => {
      const result = answered((await client.POST('/api/scheduling/holidays/bank-holiday-imports', { body: file })).data);
      setDone(t('admin.terms.bankImported', { imported: result.imported, already: result.alreadyPresent }));
      onImported();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="stack" data-testid="bank-holidays">
      <h3>{t('admin.terms.bankHolidays')}</h3>
      {done && <Notice>{done}</Notice>}
      <ConflictNotice error={importing.error} fields={['england-and-wales']} />
      <Field
        label={t('admin.terms.bankFile')}
        hint={t('admin.terms.bankHint')}
        error={unreadable ? t('admin.terms.bankUnreadable') : importing.fieldError('england-and-wales')}
      >
        {(props) => (
          <input {...props} name="bankHolidays" type="file" accept=".json,application/json" onChange={(event) => void choose(event)} />
        )}
      </Field>
      <button type="submit" className="button primary" disabled={importing.busy}>
        {importing.busy ? t('saving') : t('admin.terms.bankImport')}
      </button>
    </form>
  );
}
