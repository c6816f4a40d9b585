import { useMemo } from 'react';
import type { Principal } from '../domain/principal';
import { decide, type Permission } from '../domain/roles';
import { useSignedInSession, type Session } from './session';

/** The signed-in person as the domain's policy knows them. */
export function principalOf(session: Session): Principal {
  const { user } = session;
  return { kind: 'user', user: { id: user.id, email: user.email, name: user.name, isOperator: session.isOperator, locale: user.locale } };
}

/**
 * What the signed-in person may do in one account, answered by the domain's `decide` (the
 * policy the server applies), so that no screen works it out from roles on its own.
 */
export function useCan(accountId: string): (permission: Permission) => boolean {
  const session = useSignedInSession();
  return useMemo(() => {
    const principal = principalOf(session);
    const role = session.memberships.find((m) => m.accountId === accountId)?.role ?? null;
    return (permission: Permission) => decide(principal, role, permission, accountId) === 'allow';
  }, [session, accountId]);
}
