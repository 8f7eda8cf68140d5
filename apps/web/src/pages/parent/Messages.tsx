import { answered, client, type Schema } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, useI18n } from '../../i18n';
import { Empty, ErrorNotice, useSubmit } from '../../ui';
import { CursorListView, useCursorList, type CursorList } from '../../cursor-list';

type Announcement = Schema<'parent-engagement.AnnouncementDto'>;

/** Announcements sent to the family, newest first, each marked new until the parent says they have read it. */
export function ParentMessages() {
  const { t } = useI18n();
  const messages = useCursorList('/api/parent-engagement/announcements');
  return (
    <>
      <h1>{t('messages')}</h1>
      <CursorListView list={messages}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{t('noMessages')}</Empty>
          ) : (
            <ul className="cards messages">
              {items.map((message) => (
                <MessageCard key={message.id} message={message} list={messages} />
              ))}
            </ul>
          )
        }
      </CursorListView>
    </>
  );
}

function MessageCard({ message, list }: { message: Announcement; list: CursorList<Announcement> }) {
  const { t, language } = useI18n();
  const { me } = useApp();
  const { busy, error, run } = useSubmit();
  const unread = message.readAt === null;

  const markRead = () =>
    run(async () => {
      const read = answered(
        (
          await client.POST('/api/parent-engagement/announcements/{announcementId}/read', {
            params: { path: { announcementId: message.id } },
          })
        ).data,
      );
      list.replace((item) => item.id === message.id, read);
    });

  return (
    <li className="card message" data-announcement-id={message.id} data-read={unread ? 'no' : 'yes'}>
      <h2>
        {message.subject}
        {unread && <span className="badge badge-warn message-new"> {t('messageNew')}</span>}
      </h2>
      <p className="muted">
        {t('messageFrom', { sender: message.senderName, when: formatDateTime(language, message.createdAt, me.area.timeZone) })}
      </p>
      <div className="message-body">{message.body}</div>
      {error !== null && <ErrorNotice error={error} />}
      {unread && (
        <div className="actions">
          <button type="button" className="button secondary small" disabled={busy} onClick={() => void markRead()}>
            {t('markRead')}
            <span className="visually-hidden">: {message.subject}</span>
          </button>
        </div>
      )}
    </li>
  );
}
