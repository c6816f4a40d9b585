/**
 * Who is acting: a signed-in person, a platform system holding a service token, or Liaison
 * itself (the CLI, the delivery worker, timers). Every use case takes one; the audit log
 * names it through `actorOf`.
 */
export type PrincipalUser = { id: string; email: string; name: string; isOperator: boolean; locale: string | null };

export type Principal =
  | {
      kind: 'user';
      user: PrincipalUser;
      /**
       * The session the request came with (absent where none is at hand, e.g. in the browser);
       * `enrolmentRequired`: two-step sign-in is required of the person and not set up yet.
       */
      session?: { id: string; csrfToken: string; enrolmentRequired?: boolean };
    }
  | {
      kind: 'service';
      /** A service token: it may raise notifications, for one account when `accountId` is set. */
      token: { id: string; name: string; accountId: string | null };
    }
  | { kind: 'system'; name: string }
  /** Nobody signed in: sign-in, invitation links, public reads. */
  | { kind: 'anonymous' };

/** The actor an audit entry names: who, by kind, id and the name they had at the time. */
export type Actor = { kind: 'user' | 'service' | 'system'; id: string | null; name: string };

export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'user':
      return { kind: 'user', id: principal.user.id, name: principal.user.name || principal.user.email };
    case 'service':
      return { kind: 'service', id: principal.token.id, name: principal.token.name };
    case 'system':
      return { kind: 'system', id: null, name: principal.name };
    case 'anonymous':
      throw new Error('an anonymous principal changes nothing on its own behalf');
  }
}

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export function userPrincipal(user: PrincipalUser, session?: { id: string; csrfToken: string }): Principal {
  return session ? { kind: 'user', user, session } : { kind: 'user', user };
}

export const SYSTEM: Principal = { kind: 'system', name: 'Liaison' };

/** The signed-in person, or undefined for any other principal. */
export function userOf(principal: Principal): PrincipalUser | undefined {
  return principal.kind === 'user' ? principal.user : undefined;
}

/** True for platform staff and for Liaison itself: neither is a member of accounts, neither is gated. */
export function isPlatform(principal: Principal): boolean {
  return principal.kind === 'system' || (principal.kind === 'user' && principal.user.isOperator);
}
