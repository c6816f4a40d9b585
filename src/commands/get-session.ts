import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { listMembershipsOfUser, type MembershipSummary } from '../storage/memberships';
import { findTwoStep, isTwoStepRequired } from '../storage/own-access';
import type { Deps } from './deps';

/** The signed-in person as the web app needs them: who, operator or not, their accounts, the CSRF token. */
export async function getSession(deps: Pick<Deps, 'storage'>, principal: Principal, input: { csrfToken?: string; memberships?: MembershipSummary[] } = {}) {
  if (principal.kind !== 'user') throw new DomainError('unauthenticated');
  const { user } = principal;
  const csrfToken = input.csrfToken ?? principal.session?.csrfToken;
  if (!csrfToken) throw new DomainError('unauthenticated');
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    isOperator: user.isOperator,
    // Read with the session where the caller already did (the session route), else here.
    memberships: input.memberships ?? (await listMembershipsOfUser(deps.storage.db, user.id)),
    csrfToken,
    // Two-step sign-in required of this person but not set up: the web leads them to enrol first.
    // Known from the session's own read on requests; worked out here right after signing in.
    twoStepEnrolmentRequired:
      principal.session?.enrolmentRequired ?? (!(await findTwoStep(deps.storage.db, user.id))?.secret && (await isTwoStepRequired(deps.storage.db, user))),
  };
}
