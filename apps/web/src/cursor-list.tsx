import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { listPage, type ListItem, type ListPage, type ListPath, type ListQuery } from './api/client';
import { useI18n } from './i18n';
import { ErrorNotice, Loaded, type Loadable } from './ui';

export type CursorList<T> = Loadable<T[]> & {
  reload: () => void;
  /** Fetches the next page onto the end of the list. */
  more: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  /** Replaces one item in place (after the page changed it). */
  replace: (matches: (item: T) => boolean, next: T) => void;
};

/** A cursor-paginated list shown page by page: the first page, then "Show more" for each next one (100 a page at most: the API's cap). */
export function useCursorList<P extends ListPath, T = ListItem<P>>(
  path: P,
  query: ListQuery<P> = {} as ListQuery<P>,
  pageSize = 20,
): CursorList<T> {
  const queryRef = useRef(query);
  queryRef.current = query;
  return usePagedList<T>(
    async (page) => (await listPage(path, queryRef.current, page)) as ListPage<T>,
    [path, JSON.stringify(query)],
    pageSize,
  );
}

/**
 * The same list for a route useCursorList cannot name (one with path parameters): `fetchPage` answers
 * one page through the client; the list starts again when `deps` change.
 */
export function usePagedList<T>(
  fetchPage: (page: { limit: number; cursor?: string }) => Promise<ListPage<T>>,
  deps: readonly unknown[],
  pageSize = 20,
): CursorList<T> {
  const [items, setItems] = useState<Loadable<T[]>>({ state: 'loading' });
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  useEffect(() => {
    let live = true;
    setItems({ state: 'loading' });
    fetchRef.current({ limit: pageSize }).then(
      (page) => {
        if (!live) return;
        setItems({ state: 'ready', data: page.items });
        setCursor(page.nextCursor);
      },
      (error: unknown) => live && setItems({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, pageSize, round]);

  const more = useCallback(() => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    fetchRef
      .current({ limit: pageSize, cursor })
      .then((page) => {
        setItems((current) => ({ state: 'ready', data: [...(current.state === 'ready' ? current.data : []), ...page.items] }));
        setCursor(page.nextCursor);
      }, setMoreError)
      .finally(() => setLoadingMore(false));
  }, [pageSize, cursor]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const replace = useCallback((matches: (item: T) => boolean, next: T) => {
    setItems((current) =>
      current.state === 'ready' ? { state: 'ready', data: current.data.map((item) => (matches(item) ? next : item)) } : current,
    );
  }, []);
  return { ...items, reload, more, hasMore: cursor !== null, loadingMore, moreError, replace };
}

/**
 * The list's items (or loading / error / the empty state), then a "Show more" button while the API
 * has more; with `showCount`, how many are shown and whether that is all.
 */
export function CursorListView<T>({
  list,
  empty,
  showCount = false,
  children,
}: {
  list: CursorList<T>;
  empty?: ReactNode;
  showCount?: boolean;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Loaded value={list}>
      {(items) =>
        items.length === 0 && empty !== undefined ? (
          <>{empty}</>
        ) : (
          <>
            {children(items)}
            {showCount && (
              <p className="muted" aria-live="polite">
                {t(list.hasMore ? 'shownSoFar' : 'shownAll', { n: items.length })}
              </p>
            )}
            {list.moreError !== null && <ErrorNotice error={list.moreError} onRetry={list.more} />}
            {list.hasMore && (
              <p>
                <button type="button" className="button secondary" disabled={list.loadingMore} onClick={list.more}>
                  {list.loadingMore ? t('loading') : t('loadMore')}
                </button>
              </p>
            )}
          </>
        )
      }
    </Loaded>
  );
}
