import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

/** One page of a cursor-paged list, as every list endpoint answers. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetches one page: the first when `cursor` is undefined; `shown` is how many items are on screen. */
export type FetchPage<T> = (cursor: string | undefined, shown: number) => Promise<Page<T>>;

export interface PagedListOptions<T> {
  /** Puts a later page after the list (the first page is given with `[]`); the default appends. */
  merge?: (shown: readonly T[], more: readonly T[]) => T[];
  /** Called with the new list whenever a first page replaces it (not after Load more). */
  onFirstPage?: (items: T[]) => void;
  /**
   * `refresh()` leaves the screen as it is until the answer (no Loading, an error and its Try
   * again button stay, so does a Load more error): for a list refreshed after each change made in it.
   */
  quietRefresh?: boolean;
}

export interface PagedList<T> {
  status: 'loading' | 'ready' | 'error';
  /** Why the first page failed (status 'error'), else null. */
  error: unknown;
  items: T[];
  nextCursor: string | null;
  loadingMore: boolean;
  moreError: unknown;
  /** The first page again; a list on screen stays there while it loads, else Loading shows. */
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

type LoadState = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown };

const appendAll = <T>(shown: readonly T[], more: readonly T[]): T[] => [...shown, ...more];

/** A `merge` that skips items already shown (a row can move onto the next page between requests). */
export function appendNew<T>(keyOf: (item: T) => string): (shown: readonly T[], more: readonly T[]) => T[] {
  return (shown, more) => [...shown, ...more.filter((item) => !shown.some((s) => keyOf(s) === keyOf(item)))];
}

/**
 * A cursor-paged list: the first page loads again whenever `deps` change (dropping late answers
 * for the old ones), `loadMore()` adds the next page. `fetchPage` is remembered with `deps`.
 */
export function usePagedList<T>(fetchPage: FetchPage<T>, deps: DependencyList, options: PagedListOptions<T> = {}): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const generation = useRef(0);
  const shown = useRef(0);
  shown.current = items.length;
  // The latest options without reloading when a caller passes new functions each render.
  const latest = useRef(options);
  latest.current = options;

  // The caller's deps stand for what fetchPage reads.
  const getPage = useCallback(fetchPage, deps);

  const first = useCallback(
    async (mode: 'start' | 'refresh') => {
      const current = ++generation.current;
      const { quietRefresh, merge = appendAll, onFirstPage } = latest.current;
      if (mode === 'start') {
        // New deps: a new list, nothing of the old one stays.
        setLoad({ status: 'loading' });
        setItems([]);
        setNextCursor(null);
        setMoreError(null);
        shown.current = 0;
      } else if (!quietRefresh) {
        setLoad((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
        setMoreError(null);
      }
      try {
        const page = await getPage(undefined, shown.current);
        if (current !== generation.current) return;
        const list = merge([], page.items);
        setItems(list);
        setNextCursor(page.nextCursor);
        onFirstPage?.(list);
        setLoad({ status: 'ready' });
      } catch (error) {
        if (current === generation.current) setLoad({ status: 'error', error });
      }
    },
    [getPage],
  );

  useEffect(() => {
    void first('start');
    return () => {
      generation.current++;
    };
  }, [first]);

  const refresh = useCallback(() => first('refresh'), [first]);

  const loadMore = async () => {
    // Not React Aria's isPending: the button disappears after the last page, and its pending
    // announcement would then point at nothing.
    if (!nextCursor || loadingMore) return;
    const current = generation.current;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await getPage(nextCursor, shown.current);
      if (current !== generation.current) return;
      const merge = latest.current.merge ?? appendAll;
      setItems((existing) => merge(existing, page.items));
      setNextCursor(page.nextCursor);
    } catch (error) {
      if (current === generation.current) setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    status: load.status,
    error: load.status === 'error' ? load.error : null,
    items,
    nextCursor,
    loadingMore,
    moreError,
    refresh,
    loadMore,
  };
}
