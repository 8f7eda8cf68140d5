import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, type RequestOptions } from '../../api';
import { useI18n } from '../../i18n';
import type { Page } from '../../types';
import { ErrorNotice, Loading } from '../../ui';

export interface PagedList<T> {
  state: 'loading' | 'error' | 'ready';
  items: T[];
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** A cursor-paginated list read a page (100 items, the API's cap) at a time: "Show more" reads the next. */
export function usePagedList<T>(path: string, query: RequestOptions['query'] = {}): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<PagedList<T>['state']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [round, setRound] = useState(0);
  const queryKey = JSON.stringify(query);
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    let live = true;
    api<Page<T>>(path, { query: { ...queryRef.current, limit: 100 } }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setState('ready');
      },
      (problem: unknown) => {
        if (!live) return;
        setError(problem);
        setState('error');
      },
    );
    return () => {
      live = false;
    };
  }, [path, queryKey, round]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    setError(null);
    api<Page<T>>(path, { query: { ...queryRef.current, limit: 100, cursor } }).then(
      (page) => {
        setItems((current) => [...current, ...page.items]);
        setCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (problem: unknown) => {
        setError(problem);
        setLoadingMore(false);
      },
    );
  }, [path, cursor, loadingMore]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { state, items, error, hasMore: cursor !== null, loadingMore, loadMore, reload };
}

/** A paged list: loading, error with retry, empty, or the items and a "Show more" button while there are more. */
export function PagedItems<T>({ list, empty, children }: { list: PagedList<T>; empty: ReactNode; children: (items: T[]) => ReactNode }) {
  const { t } = useI18n();
  if (list.state === 'loading') return <Loading />;
  if (list.state === 'error') return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <>{empty}</>;
  return (
    <>
      {children(list.items)}
      <p className="muted" aria-live="polite">
        {t(list.hasMore ? 'shownSoFar' : 'shownAll', { n: list.items.length })}
      </p>
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.loadMore} />}
      {list.hasMore && (
        <button type="button" className="button secondary" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? t('loading') : t('loadMore')}
        </button>
      )}
    </>
  );
}
