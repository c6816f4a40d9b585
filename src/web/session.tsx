import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from './api';
import { paths } from './apiPaths';
import { useLocale } from './i18n/LocaleProvider';
import type { CodeRequired, Session } from './types';

export type { Membership, Role, Session, SessionUser } from './types';

export type SessionState =
  | { status: 'loading' }
  /** `initial`: no session at load; `signedOut`: the user signed out; `expired`: a request answered 401. */
  | { status: 'signedOut'; reason: 'initial' | 'signedOut' | 'expired' }
  | { status: 'error'; error: unknown }
  | { status: 'signedIn'; session: Session };

interface SessionContextValue {
  state: SessionState;
  /** Opens a session, or answers that a two-step code is due; rejects with ApiError (invalid_credentials, rate_limited…). */
  signIn: (email: string, password: string) => Promise<Session | CodeRequired>;
  /** The second step: a code from the authenticator app, or a recovery code. */
  completeSignIn: (body: { pendingToken: string; code?: string; recoveryCode?: string }) => Promise<Session>;
  /** Ends the session; the local session is cleared even if the server call fails. */
  signOut: () => Promise<void>;
  /** Loads the session again (after a membership changes…). */
  reload: () => Promise<void>;
  /** Takes a session the server just opened another way (accepting an invitation answers with one). */
  adopt: (session: Session) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const { adoptUserLocale } = useLocale();

  const accept = useCallback(
    (session: Session) => {
      setCsrfToken(session.csrfToken);
      const chosen = adoptUserLocale(session.user.locale);
      // A language picked before signing in is remembered on the user (best effort).
      if (chosen) rememberUserLocale(chosen);
      setState({ status: 'signedIn', session });
    },
    [adoptUserLocale],
  );

  const clear = useCallback((reason: 'initial' | 'signedOut' | 'expired') => {
    setCsrfToken(null);
    setState({ status: 'signedOut', reason });
  }, []);

  const reload = useCallback(async () => {
    try {
      accept(await api<Session>(paths.session()));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) clear('initial');
      else setState({ status: 'error', error });
    }
  }, [accept, clear]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Any API call answering 401 means the session ended (expired, signed out elsewhere).
  useEffect(() => {
    setUnauthenticatedHandler(() => clear('expired'));
    return () => setUnauthenticatedHandler(null);
  }, [clear]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const answer = await api<Session | CodeRequired>(paths.session(), { method: 'POST', body: { email, password } });
      if ('codeRequired' in answer) return answer;
      accept(answer);
      return answer;
    },
    [accept],
  );

  const completeSignIn = useCallback(
    async (body: { pendingToken: string; code?: string; recoveryCode?: string }) => {
      const session = await api<Session>(paths.twoStepSignIn(), { method: 'POST', body });
      accept(session);
      return session;
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await api(paths.session(), { method: 'DELETE' });
    } catch (error) {
      console.warn('Sign-out request failed; clearing the local session anyway.', error);
    } finally {
      clear('signedOut');
    }
  }, [clear]);

  const value = useMemo(
    () => ({ state, signIn, completeSignIn, signOut, reload, adopt: accept }),
    [state, signIn, completeSignIn, signOut, reload, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in session; only for components rendered inside <RequireSession>. */
export function useSignedInSession(): Session {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSignedInSession used outside a signed-in page');
  return state.session;
}

/** Remembers a language on the signed-in user, best effort: the page already shows it, so a failure is only logged. */
export function rememberUserLocale(locale: string): void {
  api(paths.session(), { method: 'PATCH', body: { locale } }).catch((error: unknown) => console.warn(error));
}

/** Where a user lands after signing in when no return path was asked for. */
export function homePath(session: Session): string {
  // Two-step sign-in required and not set up: enrolment comes before anything else.
  if (session.twoStepEnrolmentRequired) return '/profile';
  if (session.isOperator) return '/operator';
  const first = session.memberships[0];
  return first ? `/accounts/${encodeURIComponent(first.accountId)}` : '/';
}

/** A `?next=` value is honoured only when it is a same-origin path. */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    if (url.pathname === '/login') return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}
