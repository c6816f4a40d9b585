import { useEffect, useState } from 'react';
import { ApiError, api } from './api';

export type EmailedLinkState<T> = { status: 'loading' } | { status: 'ready'; item: T } | { status: 'invalid' } | { status: 'error'; error: unknown };

/**
 * The page behind a link sent by email (acknowledge, confirm a contact, unsubscribe): a GET of
 * `path` only shows what the link is about, since mail scanners and link previews open links
 * too; `act()` POSTs to the same path, which does the one thing and answers the new state.
 * `invalidStatuses` are the answers that mean "this link is no good" rather than a failure.
 */
export function useEmailedLink<T>(path: string, invalidStatuses: readonly number[] = [404]) {
  const [state, setState] = useState<EmailedLinkState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [actError, setActError] = useState<unknown>();
  const invalid = invalidStatuses.join(',');

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    api<T>(path).then(
      (item) => {
        if (!cancelled) setState({ status: 'ready', item });
      },
      (error: unknown) => {
        if (cancelled) return;
        const isInvalid = error instanceof ApiError && invalid.split(',').includes(String(error.status));
        setState(isInvalid ? { status: 'invalid' } : { status: 'error', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, attempt, invalid]);

  const act = async () => {
    setPending(true);
    setActError(undefined);
    try {
      setState({ status: 'ready', item: await api<T>(path, { method: 'POST' }) });
    } catch (error) {
      setActError(error);
    } finally {
      setPending(false);
    }
  };

  return { state, retry: () => setAttempt((n) => n + 1), act, pending, actError };
}
