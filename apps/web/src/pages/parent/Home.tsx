import { useState } from 'react';
import { answered, client } from '../../api/client';
import { useApp } from '../../app-context';
import { formatDateTime, useI18n } from '../../i18n';
import { Link } from '../../router';
import { Empty, ErrorNotice, Loaded, useSubmit } from '../../ui';
import { useChildren } from './children';
import { CursorListView, useCursorList } from '../../cursor-list';

export function ParentHome() {
  const { t, language } = useI18n();
  const { me } = useApp();
  const children = useChildren();
  const performances = useCursorList('/api/parent-engagement/performances', {}, 10);
  return (
    <>
      <h1>{t('myChildren')}</h1>
      <Loaded value={children}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('noChildren')}</Empty>
          ) : (
            <ul className="cards" data-testid="children">
              {list.map((child) => (
                <li key={child.pupilId} className="card">
                  <strong>{child.name}</strong>
                  {child.yearGroup !== null && <span className="muted"> · {t('year', { n: child.yearGroup })}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <h2>{t('upcomingPerformances')}</h2>
      <CursorListView list={performances}>
        {(items) =>
          items.length === 0 ? (
            <Empty>{t('noPerformances')}</Empty>
          ) : (
            <ul className="cards">
              {items.map((performance) => (
                <li key={performance.id} className="card">
                  <strong>{performance.title}</strong>
                  <br />
                  <span>
                    {formatDateTime(language, performance.startsAt, me.area.timeZone)} · {performance.venueName}
                  </span>
                  {performance.status === 'cancelled' && <span className="badge badge-bad"> {t('status.cancelled')}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </CursorListView>
      <p className="actions">
        <Link to="/parent/performances" className="button primary">
          {t('rsvpTellUs')}
        </Link>
        <Link to="/parent/transport" className="button secondary">
          {t('freeBus')}
        </Link>
      </p>
      <CalendarFeed />
    </>
  );
}

/** The parent's private calendar (performances, bus pick-ups and sessions), added to a calendar app in one tap. */
function CalendarFeed() {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const subscribe = () =>
    run(async () => {
      const feed = answered((await client.POST('/api/parent-engagement/calendar-feed')).data);
      setUrl(feed.url);
    });
  return (
    <section className="card" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">{t('calendarFeed')}</h2>
      <p>{t('calendarFeedIntro')}</p>
      {error !== null && <ErrorNotice error={error} />}
      {url && <CalendarLinks url={url} />}
      <button type="button" className="button secondary" disabled={busy} onClick={() => void subscribe()}>
        {url ? t('calendarFeedRenew') : t('calendarFeedSubscribe')}
      </button>
    </section>
  );
}

/** The feed's address as a webcal:// link (a phone's calendar app subscribes to it), and Google's and Outlook's "add from the web". */
export function calendarLinks(url: string): { webcal: string; google: string; outlook: string } {
  const webcal = url.replace(/^https?:\/\//, 'webcal://');
  return {
    webcal,
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(url)}`,
  };
}

function CalendarLinks({ url }: { url: string }) {
  const { t } = useI18n();
  const links = calendarLinks(url);
  return (
    <div className="stack" data-testid="calendar-links">
      <p>{t('calendarFeedReady')}</p>
      <p>
        <a href={links.webcal} data-calendar="webcal">
          {t('calendarFeedOpen')}
        </a>
      </p>
      <div className="actions">
        <a className="button secondary" href={links.google} target="_blank" rel="noopener noreferrer" data-calendar="google">
          {t('calendarAddGoogle')}
        </a>
        <a className="button secondary" href={links.webcal} data-calendar="apple">
          {t('calendarAddApple')}
        </a>
        <a className="button secondary" href={links.outlook} target="_blank" rel="noopener noreferrer" data-calendar="outlook">
          {t('calendarAddOutlook')}
        </a>
      </div>
    </div>
  );
}
