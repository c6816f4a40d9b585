import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';

export type ResourceState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

/**
 * GETs `path` and keeps the answer; a new path loads again (dropping late answers for the old
 * one), `reload()` fetches again while the current data stays on screen.
 */
export function useResource<T>(path: string): { state: ResourceState<T>; reload: () => Promise<void> } {
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const generation = useRef(0);

  const load = useCallback(
    async (keepData: boolean) => {
      const current = ++generation.current;
      if (!keepData) setState({ status: 'loading' });
      try {
        const data = await api<T>(path);
        if (current === generation.current) setState({ status: 'ready', data });
      } catch (error) {
        if (current === generation.current) setState({ status: 'error', error });
      }
    },
    [path],
  );

  useEffect(() => {
    void load(false);
    return () => {
      generation.current++;
    };
  }, [load]);

  const reload = useCallback(() => load(true), [load]);
  return { state, reload };
}
