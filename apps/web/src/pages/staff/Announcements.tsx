import { useId, useState, type FormEvent } from 'react';
import { allPages, answered, ApiProblem, client, newId, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { CursorListView, useCursorList } from '../../cursor-list';
import { formatDateTime, useI18n, type MessageKey } from '../../i18n';
import { LANGUAGES, type Language } from '../../i18n/languages';
import {
  Empty,
  Field,
  FormError,
  InputField,
  type Loadable,
  Loaded,
  Loading,
  Notice,
  SelectField,
  TableFrame,
  useLoad,
  useSubmit,
} from '../../ui';

type School = Schema<'scheduling.SchoolDto'>;
type SchoolClass = Schema<'scheduling.ClassDto'>;
type Ensemble = Schema<'scheduling.EnsembleDto'>;
type PerformanceChoice = Schema<'performance-event.PerformanceSummaryDto'>;
/** An announcement as its sender reads it back, with how its deliveries went. */
type StaffAnnouncement = Schema<'parent-engagement.AnnouncementDto'>;
/** One family's copy of an announcement. */
type Delivery = Schema<'parent-engagement.DeliveryDto'>;
type DeliveryStatus = Delivery['status'];
type DeliveryCounts = Schema<'parent-engagement.DeliveryCountsDto'>;
/** The email as a family of one language gets it. */
type FramedPreview = Schema<'parent-engagement.MessagePreviewDto'>;
/** Who an announcement goes to: a school's families, a class's, an ensemble's, or the families coming to a performance. */
type AudienceKind = StaffAnnouncement['audience'];
/** The audiences in the order the composer offers them. */
const AUDIENCE_KINDS: readonly AudienceKind[] = ['school', 'class', 'ensemble', 'performance'];

const MESSAGE_FIELDS = ['audience', 'schoolId', 'classId', 'ensembleId', 'performanceId', 'subject', 'body'] as const;
/** The field naming each audience's group: where its 400s and 404s are shown. */
const TARGET_FIELD: Record<AudienceKind, 'schoolId' | 'classId' | 'ensembleId' | 'performanceId'> = {
  school: 'schoolId',
  class: 'classId',
  ensemble: 'ensembleId',
  performance: 'performanceId',
};
/** Performances that began up to a week ago stay on the list: a note after the concert still reaches those who came. */
const PERFORMANCES_SINCE_DAYS = 7;
/** Families can come only to a performance that is published (or has taken place); drafts are not announced to them yet. */
const FAMILIES_COME_TO = ['published', 'completed'];
const STATUS_ORDER: Record<DeliveryStatus, number> = { failed: 0, queued: 1, sent: 2 };

/** What the pickers offer and the sent list names: the caller's schools, their classes, ensembles and recent performances. */
interface Directory {
  schools: School[];
  classes: SchoolClass[];
  ensembles: Ensemble[];
  performances: PerformanceChoice[];
}

/** The schools, classes, ensembles and performances the signed-in staff member may write to (the APIs scope them). */
function useDirectory(): Loadable<Directory> & { reload: () => void } {
  const { me, role } = useApp();
  return useLoad(async () => {
    const granted = me.grants.filter((grant) => grant.role === role).flatMap((grant) => grant.schoolIds ?? []);
    const since = new Date(Date.now() - PERFORMANCES_SINCE_DAYS * 86_400_000).toISOString();
    const [allSchools, ensembles, performances] = await Promise.all([
      allPages('/api/scheduling/schools'),
      allPages('/api/scheduling/ensembles'),
      allPages('/api/performance-event/performances', { from: since }),
    ]);
    const schools = allSchools.filter((school) => granted.length === 0 || granted.includes(school.id));
    const classes = (await Promise.all(schools.map((school) => allPages('/api/scheduling/classes', { schoolId: school.id })))).flat();
    return {
      schools,
      classes,
      ensembles,
      performances: performances.filter((performance) => FAMILIES_COME_TO.includes(performance.status)),
    };
  }, [me.userId, role]);
}

/** Staff write to a group of families (by email and their Messages page) and see what was sent and whether it arrived. */
export function StaffAnnouncements() {
  const { t } = useI18n();
  const directory = useDirectory();
  const sent = useCursorList('/api/parent-engagement/announcements');
  const known = directory.state === 'ready' ? directory.data : null;
  return (
    <>
      <h1>{t('messages')}</h1>
      <section className="card" aria-labelledby="compose-heading">
        <h2 id="compose-heading">{t('staff.msg.compose')}</h2>
        <p className="hint">{t('staff.msg.composeIntro')}</p>
        <Loaded value={directory}>
          {(found) => (found.schools.length === 0 ? <Empty>{t('noSchool')}</Empty> : <Composer directory={found} onSent={sent.reload} />)}
        </Loaded>
      </section>
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">{t('staff.msg.sent')}</h2>
        <CursorListView list={sent} empty={<Empty>{t('staff.msg.noneSent')}</Empty>}>
          {(items) => (
            <ul className="cards plain staff-messages">
              {items.map((announcement) => (
                <SentMessage key={announcement.id} announcement={announcement} directory={known} />
              ))}
            </ul>
          )}
        </CursorListView>
      </section>
    </>
  );
}

function Composer({ directory, onSent }: { directory: Directory; onSent: () => void }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const audienceErrorId = useId();
  const [audience, setAudience] = useState<AudienceKind>('school');
  const [schoolId, setSchoolId] = useState(directory.schools[0]?.id ?? '');
  const [classId, setClassId] = useState('');
  const [ensembleId, setEnsembleId] = useState('');
  const [performanceId, setPerformanceId] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const { busy, error, problem, fieldError, run } = useSubmit();
  const [result, setResult] = useState<{ subject: string; families: number } | null>(null);
  // One key per attempt: a retry after a lost answer reuses it, an answered attempt does not.
  const [idempotencyKey, setIdempotencyKey] = useState(newId);

  const target = { school: schoolId, class: classId, ensemble: ensembleId, performance: performanceId }[audience];
  const classes = directory.classes.filter((item) => item.schoolId === schoolId);
  /** A 404 (the group is not one of the caller's, or is gone) is told beside the picker, in words. */
  const targetError = (field: string) =>
    problem?.status === 404 && field === TARGET_FIELD[audience] ? t('staff.msg.notFound') : fieldError(field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const send = async () => {
      const { data } = await client.POST('/api/parent-engagement/announcements', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: { audience, [TARGET_FIELD[audience]]: target, subject, body },
      });
      const created = answered(data);
      setResult({ subject: created.subject, families: familiesOf(created) });
      setSubject('');
      setBody('');
      setIdempotencyKey(newId());
      onSent();
    };
    await run(send, (failure) => {
      if (failure instanceof ApiProblem) setIdempotencyKey(newId());
    });
  };

  const choice = (kind: AudienceKind) => (
    <label key={kind} className="choice">
      <input type="radio" name="audience" value={kind} checked={audience === kind} onChange={() => setAudience(kind)} />
      {t(`staff.msg.audience.${kind}` as MessageKey)}
    </label>
  );
  const schoolPicker = directory.schools.length > 1 && (
    <SelectField
      label={t('school')}
      error={audience === 'school' ? targetError('schoolId') : fieldError('schoolId')}
      name="schoolId"
      value={schoolId}
      onChange={setSchoolId}
      choices={directory.schools}
    />
  );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stack" data-testid="compose-message">
      {result && (
        <Notice>
          <p data-testid="sent-notice">
            {result.families === 0
              ? t('staff.msg.sentToNone', { subject: result.subject })
              : t(result.families === 1 ? 'staff.msg.sentToOne' : 'staff.msg.sentTo', { subject: result.subject, n: result.families })}
          </p>
        </Notice>
      )}
      {problem?.status === 409 && <Notice kind="error">{t('staff.msg.conflict', { detail: problem.detail ?? problem.title })}</Notice>}
      {problem?.status !== 404 && problem?.status !== 409 && <FormError error={error} fields={MESSAGE_FIELDS} />}
      <fieldset
        aria-describedby={fieldError('audience') ? audienceErrorId : undefined}
        className={fieldError('audience') ? 'field-invalid' : undefined}
      >
        <legend>{t('staff.msg.audience')}</legend>
        {AUDIENCE_KINDS.map(choice)}
        {fieldError('audience') && (
          <p className="field-error" id={audienceErrorId}>
            {fieldError('audience')}
          </p>
        )}
      </fieldset>
      {audience === 'school' && schoolPicker}
      {audience === 'class' && (
        <>
          {schoolPicker}
          <Field
            label={t('staff.msg.class')}
            error={targetError('classId')}
            hint={classes.length === 0 ? t('staff.msg.noClasses') : undefined}
          >
            {(props) => (
              <select {...props} name="classId" value={classId} onChange={(event) => setClassId(event.target.value)}>
                <option value="">{t('staff.msg.chooseClass')}</option>
                {classes.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      {audience === 'ensemble' && (
        <Field
          label={t('staff.msg.ensemble')}
          error={targetError('ensembleId')}
          hint={directory.ensembles.length === 0 ? t('staff.msg.noEnsembles') : undefined}
        >
          {(props) => (
            <select {...props} name="ensembleId" value={ensembleId} onChange={(event) => setEnsembleId(event.target.value)}>
              <option value="">{t('staff.msg.chooseEnsemble')}</option>
              {directory.ensembles.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {audience === 'performance' && (
        <Field
          label={t('staff.msg.performance')}
          error={targetError('performanceId')}
          hint={directory.performances.length === 0 ? t('staff.msg.noPerformances') : t('staff.msg.performanceHint')}
        >
          {(props) => (
            <select {...props} name="performanceId" value={performanceId} onChange={(event) => setPerformanceId(event.target.value)}>
              <option value="">{t('staff.msg.choosePerformance')}</option>
              {directory.performances.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title} · {formatDateTime(language, item.startsAt, me.area.timeZone)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <InputField
        label={t('staff.msg.subject')}
        error={fieldError('subject')}
        name="subject"
        maxLength={200}
        value={subject}
        onChange={setSubject}
      />
      <Field label={t('staff.msg.body')} error={fieldError('body')}>
        {(props) => (
          <textarea {...props} name="body" rows={6} maxLength={10000} value={body} onChange={(event) => setBody(event.target.value)} />
        )}
      </Field>
      <FramePreview subject={subject} body={body} />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('staff.msg.sending') : t('staff.msg.send')}
      </button>
    </form>
  );
}

/** The message being written, as a family reading a chosen language will get it (greeting, signature and links in their language). */
function FramePreview({ subject, body }: { subject: string; body: string }) {
  const { t } = useI18n();
  const [language, setLanguage] = useState<Language>('pl');
  const [preview, setPreview] = useState<FramedPreview | null>(null);
  const { busy, error, fieldError, run } = useSubmit();
  const show = () =>
    void run(async () => {
      setPreview(null);
      const { data } = await client.POST('/api/parent-engagement/announcements/preview', { body: { language, subject, body } });
      setPreview(answered(data));
    });
  return (
    <div className="stack" data-testid="frame-preview">
      <FormError error={error} fields={['language']} />
      <SelectField
        label={t('staff.msg.previewIn')}
        error={fieldError('language')}
        name="previewLanguage"
        value={language}
        onChange={(value) => setLanguage(value as Language)}
      >
        {LANGUAGES.map((item) => (
          <option key={item.code} value={item.code} lang={item.code}>
            {item.name}
          </option>
        ))}
      </SelectField>
      <button type="button" className="button" disabled={busy} onClick={show}>
        {t('staff.msg.preview')}
      </button>
      {preview && (
        <section className="card" aria-label={t('staff.msg.previewOf')} lang={preview.language} dir={preview.dir}>
          <h3>{preview.subject}</h3>
          {preview.text
            .trimEnd()
            .split(/\n{2,}/)
            .map((paragraph, index) => (
              <p key={index} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                {paragraph}
              </p>
            ))}
        </section>
      )}
    </div>
  );
}

/** How many families an announcement went to: its counts, else its deliveries. */
function familiesOf(announcement: StaffAnnouncement): number {
  const counts = announcement.deliveryCounts;
  return counts ? counts.queued + counts.sent + counts.failed : (announcement.deliveries?.length ?? 0);
}

/** Where each kind of group is read on its own, and the field of the announcement naming it. */
const GROUP_SOURCE: Record<
  AudienceKind,
  { nameOf: (id: string) => Promise<string | undefined>; idOf: (announcement: StaffAnnouncement) => string | null | undefined }
> = {
  school: {
    nameOf: async (id) => (await client.GET('/api/scheduling/schools/{schoolId}', { params: { path: { schoolId: id } } })).data?.name,
    idOf: (announcement) => announcement.schoolId,
  },
  class: {
    nameOf: async (id) => (await client.GET('/api/scheduling/classes/{classId}', { params: { path: { classId: id } } })).data?.name,
    idOf: (announcement) => announcement.classId,
  },
  ensemble: {
    nameOf: async (id) => (await client.GET('/api/scheduling/ensembles/{ensembleId}', { params: { path: { ensembleId: id } } })).data?.name,
    idOf: (announcement) => announcement.ensembleId,
  },
  performance: {
    nameOf: async (id) =>
      (await client.GET('/api/performance-event/performances/{performanceId}', { params: { path: { performanceId: id } } })).data?.title,
    idOf: (announcement) => announcement.performanceId,
  },
};

/** The name of the group an announcement went to, from the pickers' lists. */
function knownGroupName(announcement: StaffAnnouncement, directory: Directory | null): string | undefined {
  const id = GROUP_SOURCE[announcement.audience].idOf(announcement);
  if (!id || !directory) return undefined;
  switch (announcement.audience) {
    case 'school':
      return directory.schools.find((school) => school.id === id)?.name;
    case 'class':
      return directory.classes.find((found) => found.id === id)?.name;
    case 'ensemble':
      return directory.ensembles.find((found) => found.id === id)?.name;
    default:
      return directory.performances.find((found) => found.id === id)?.title;
  }
}

/**
 * The group's name: from the pickers' lists, else read on its own once they have loaded (a
 * performance older than the list's week, an archived class). Undefined while unknown or unreadable.
 */
function useGroupName(announcement: StaffAnnouncement, directory: Directory | null): string | undefined {
  const known = knownGroupName(announcement, directory);
  const id = GROUP_SOURCE[announcement.audience].idOf(announcement);
  const lookUp = directory !== null && known === undefined && Boolean(id);
  const read = useLoad(async () => {
    if (!lookUp || !id) return undefined;
    return GROUP_SOURCE[announcement.audience].nameOf(id).catch(() => undefined);
  }, [lookUp, announcement.audience, id]);
  return known ?? (read.state === 'ready' ? read.data : undefined);
}

/** Who a sent announcement went to, in words. */
function audienceText(t: ReturnType<typeof useI18n>['t'], audience: AudienceKind, name: string | undefined): string {
  switch (audience) {
    case 'school':
      return name ? t('staff.msg.toSchool', { name }) : t('staff.msg.toSomeSchool');
    case 'class':
      return name ? t('staff.msg.toClass', { name }) : t('staff.msg.toSomeClass');
    case 'ensemble':
      return name ? t('staff.msg.toEnsemble', { name }) : t('staff.msg.toSomeEnsemble');
    default:
      return name ? t('staff.msg.toPerformance', { name }) : t('staff.msg.toSomePerformance');
  }
}

function SentMessage({ announcement, directory }: { announcement: StaffAnnouncement; directory: Directory | null }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  // The list carries the counts; each family's delivery is read when the message is opened.
  const detail = useLoad(
    async () =>
      open
        ? answered(
            (
              await client.GET('/api/parent-engagement/announcements/{announcementId}', {
                params: { path: { announcementId: announcement.id } },
              })
            ).data,
          )
        : null,
    [announcement.id, open],
  );
  const current = detail.state === 'ready' && detail.data ? detail.data : announcement;
  const groupName = useGroupName(announcement, directory);
  const toggle = () => setOpen(!open);
  return (
    <li className="card sent-message" data-announcement-id={announcement.id}>
      <h3>{announcement.subject}</h3>
      <p className="muted">
        <span data-testid="audience">{audienceText(t, announcement.audience, groupName)}</span> ·{' '}
        {t('staff.msg.sentBy', {
          when: formatDateTime(language, announcement.createdAt, me.area.timeZone),
          sender: announcement.senderName,
        })}
      </p>
      {current.deliveryCounts && <Counts counts={current.deliveryCounts} />}
      <div className="actions">
        <button type="button" className="button secondary small" aria-expanded={open} aria-controls={detailsId} onClick={toggle}>
          {open ? t('staff.msg.hideDetails') : t('staff.msg.showDetails')}
          <span className="visually-hidden">: {announcement.subject}</span>
        </button>
        {open && (
          <button type="button" className="button secondary small" onClick={detail.reload}>
            {t('staff.msg.refresh')}
            <span className="visually-hidden">: {announcement.subject}</span>
          </button>
        )}
      </div>
      <div id={detailsId} hidden={!open}>
        {open && (
          <>
            <div className="message-body">{announcement.body}</div>
            <Loaded value={detail}>
              {(found) => (found ? <Deliveries deliveries={found.deliveries} subject={announcement.subject} /> : <Loading />)}
            </Loaded>
          </>
        )}
      </div>
    </li>
  );
}

/** Badge colours: none left waiting or failed is no cause for a warning colour. */
const BADGE: Record<DeliveryStatus, string> = { sent: 'badge-good', queued: 'badge-warn', failed: 'badge-bad' };

function Counts({ counts }: { counts: DeliveryCounts }) {
  const { t } = useI18n();
  const total = counts.queued + counts.sent + counts.failed;
  return (
    <>
      <p className="delivery-counts">
        <strong data-testid="families">{total === 1 ? t('staff.msg.familiesOne') : t('staff.msg.families', { n: total })}</strong>
        {(['sent', 'queued', 'failed'] as const).map((status) => (
          <span key={status} className={`badge ${counts[status] > 0 ? BADGE[status] : 'badge-none'}`} data-testid={`count-${status}`}>
            {t(`staff.msg.count.${status}`, { n: counts[status] })}
          </span>
        ))}
      </p>
      {counts.failed > 0 && <p className="hint">{t('staff.msg.failedHint')}</p>}
    </>
  );
}

function Deliveries({ deliveries, subject }: { deliveries: Delivery[] | undefined; subject: string }) {
  const { t } = useI18n();
  if (!deliveries) return null;
  if (deliveries.length === 0) return <Empty>{t('staff.msg.noFamilies')}</Empty>;
  const nameOf = (delivery: Delivery) => delivery.familyName ?? t('staff.msg.unknownFamily');
  const sorted = [...deliveries].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || nameOf(a).localeCompare(nameOf(b)));
  return (
    <TableFrame
      label={t('staff.msg.perFamilyOf', { subject })}
      caption={t('staff.msg.perFamily')}
      columns={[t('staff.msg.family'), t('staff.msg.status')]}
    >
      {sorted.map((delivery) => (
        <tr key={delivery.guardianId} data-status={delivery.status}>
          <th scope="row">{nameOf(delivery)}</th>
          <td>
            {t(`staff.msg.status.${delivery.status}`)}
            {delivery.error && <span className="muted">: {delivery.error}</span>}
          </td>
        </tr>
      ))}
    </TableFrame>
  );
}
