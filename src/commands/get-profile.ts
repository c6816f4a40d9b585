import { DomainError } from '../domain/errors';
import type { Principal, PrincipalUser } from '../domain/principal';
import { countRecoveryCodesLeft, findTwoStep, isTwoStepRequired, sha256 } from '../storage/own-access';
import { listSessionsOfUser } from '../storage/sessions';
import type { Deps } from './deps';
import { describeDevice } from './parts/own-access';

/** The signed-in person with the session they came with; anyone else is 401. */
export function signedInPerson(principal: Principal): { user: PrincipalUser; session: { id: string; csrfToken: string } } {
  if (principal.kind !== 'user' || !principal.session) throw new DomainError('unauthenticated');
  return { user: principal.user, session: principal.session };
}

/** A session's id as the API shows it: derived from the stored id (itself a hash of the cookie), never the stored id. */
export function publicSessionId(storedId: string): string {
  return sha256(`session:${storedId}`).slice(0, 22);
}

/** The person's own page: who they are, two-step sign-in, and their live sessions (device in words, address, last seen). */
export async function getProfile(deps: Pick<Deps, 'storage'>, principal: Principal) {
  const { user, session } = signedInPerson(principal);
  const db = deps.storage.db;
  const twoStep = await findTwoStep(db, user.id);
  const sessions = await listSessionsOfUser(db, user.id);
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    twoStep: {
      enabled: Boolean(twoStep?.secret),
      required: await isTwoStepRequired(db, user),
      recoveryCodesLeft: twoStep?.secret ? await countRecoveryCodesLeft(db, user.id) : 0,
    },
    sessions: sessions.map((s) => ({
      id: publicSessionId(s.id),
      device: describeDevice(s.userAgent),
      address: s.address,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      current: s.id === session.id,
    })),
  };
}
