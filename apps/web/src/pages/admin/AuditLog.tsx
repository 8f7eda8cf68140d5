import { useState, type FormEvent } from 'react';
import { answered, client, everyItem, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, useI18n } from '../../i18n';
import { Empty, Field, fieldError, Loaded, SelectField, useLoad, useSubmit } from '../../ui';
import { ConflictNotice } from '../conflict-words';
import { zonedIso } from '../headteacher/Performances';

type Entry = Schema<'AuditEntryDto'>;

const SUBJECT_TYPES = ['pupil', 'account', 'grant', 'guardian_link', 'family', 'staff'] as const;

interface Filters {
  actorId: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { actorId: '', subjectType: '', subjectId: '', from: '', to: '' };

/** The audit log: who read or changed which record, newest first, filtered by person, record and dates. */
export function AdminAuditLog() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const zone = me.area.timeZone;
  const people = useLoad(
    () => everyItem(async (cursor) => (await client.GET('/identity/accounts', { params: { query: { limit: 100, cursor } } })).data),
    [],
  );
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [more, setMore] = useState<{ items: Entry[]; nextCursor: string | null } | null>(null);
  const loading = useSubmit();

  const query = (filters: Filters, cursor?: string) => ({
    limit: 50,
    ...(cursor ? { cursor } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.subjectType ? { subjectType: filters.subjectType } : {}),
    ...(filters.subjectId.trim() ? { subjectId: filters.subjectId.trim() } : {}),
    // Whole days in the area's zone: from the start of `from` to the end of `to`.
    ...(filters.from ? { from: zonedIso(filters.from, '00:00', zone) } : {}),
    ...(filters.to ? { to: zonedIso(nextDay(filters.to), '00:00', zone) } : {}),
  });
  const first = useLoad(async () => {
    setMore(null);
    return answered((await client.GET('/audit-log', { params: { query: query(applied) } })).data);
  }, [JSON.stringify(applied)]);

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
    // The same filter again shows what has been recorded since.
    first.reload();
  };
  const loadMore = (cursor: string) =>
    loading.run(async () => {
      const page = answered((await client.GET('/audit-log', { params: { query: query(applied, cursor) } })).data);
      setMore((current) => ({ items: [...(current?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    });
  const set = (change: Partial<Filters>) => setDraft((current) => ({ ...current, ...change }));

  return (
    <>
      <h1>{t('admin.audit.title')}</h1>
      <section className="card" aria-labelledby="audit-filter-heading">
        <h2 id="audit-filter-heading">{t('admin.audit.filter')}</h2>
        <form onSubmit={filter} noValidate className="stack" data-testid="audit-filter">
          <Loaded value={people}>
            {(accounts) => (
              <SelectField
                label={t('admin.audit.person')}
                name="actorId"
                value={draft.actorId}
                onChange={(value) => set({ actorId: value })}
                none={t('admin.audit.anyone')}
              >
                {[...accounts]
                  .sort((a, b) => a.displayName.localeCompare(b.displayName))
                  .map((account) => (
                    <option key={account.id} value={account.id}>
                      {account.displayName} ({account.email})
                    </option>
                  ))}
              </SelectField>
            )}
          </Loaded>
          <SelectField
            label={t('admin.audit.recordKind')}
            name="subjectType"
            value={draft.subjectType}
            onChange={(value) => set({ subjectType: value })}
            none={t('admin.audit.anyRecord')}
          >
            {SUBJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.audit.subject.${type}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('admin.audit.recordId')}
            hint={t('admin.audit.recordIdHint')}
            error={first.state === 'error' ? fieldError(first.error, 'subjectId') : undefined}
          >
            {(props) => (
              <input {...props} name="subjectId" value={draft.subjectId} onChange={(event) => set({ subjectId: event.target.value })} />
            )}
          </Field>
          <div className="actions">
            <Field label={t('admin.audit.from')}>
              {(props) => (
                <input {...props} name="from" type="date" value={draft.from} onChange={(event) => set({ from: event.target.value })} />
              )}
            </Field>
            <Field label={t('admin.audit.to')}>
              {(props) => <input {...props} name="to" type="date" value={draft.to} onChange={(event) => set({ to: event.target.value })} />}
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="button primary">
              {t('admin.audit.show')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setDraft(NO_FILTERS);
                setApplied(NO_FILTERS);
              }}
            >
              {t('admin.audit.clear')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="audit-entries-heading">
        <h2 id="audit-entries-heading">{t('admin.audit.entries')}</h2>
        <Loaded value={first}>
          {(page) => {
            const items = [...page.items, ...(more?.items ?? [])];
            const next = more ? more.nextCursor : page.nextCursor;
            const names = new Map((people.state === 'ready' ? people.data : []).map((account) => [account.id, account.displayName]));
            return items.length === 0 ? (
              <Empty>{t('admin.audit.none')}</Empty>
            ) : (
              <>
                <div className="table-wrap" tabIndex={0} role="region" aria-label={t('admin.audit.entries')}>
                  <table data-testid="audit-entries">
                    <thead>
                      <tr>
                        <th scope="col">{t('admin.audit.when')}</th>
                        <th scope="col">{t('admin.audit.who')}</th>
                        <th scope="col">{t('admin.audit.what')}</th>
                        <th scope="col">{t('admin.audit.record')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((entry) => (
                        <tr key={entry.id} data-entry-id={entry.id}>
                          <td>{formatDateTime(language, entry.occurredAt, zone)}</td>
                          <td>
                            {entry.actorId ? (names.get(entry.actorId) ?? t('admin.audit.unknownPerson')) : t('admin.audit.system')}
                            {entry.actorRole && <span className="muted"> · {entry.actorRole.replace(/_/g, ' ')}</span>}
                          </td>
                          <td>{entry.action.replace(/[._]/g, ' ')}</td>
                          <td>
                            {entry.subjectType.replace(/_/g, ' ')}
                            {entry.subjectId && <span className="muted small-text"> {entry.subjectId.slice(0, 8)}</span>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <ConflictNotice error={loading.error} />
                {next && (
                  <button type="button" className="button secondary" disabled={loading.busy} onClick={() => void loadMore(next)}>
                    {loading.busy ? t('loading') : t('admin.audit.more')}
                  </button>
                )}
              </>
            );
          }}
        </Loaded>
      </section>
    </>
  );
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
