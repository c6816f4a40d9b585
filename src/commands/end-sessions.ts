import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import { writeTransaction } from '../storage/db';
import { recordSecurity } from '../storage/own-access';
import { deleteSession, deleteSessionsOfUser, listSessionsOfUser } from '../storage/sessions';
import type { Deps } from './deps';
import { publicSessionId, signedInPerson } from './get-profile';
import { describeDevice, type Client } from './parts/own-access';

/** Signs one of the person's own sessions out (by its public id; 404 when not theirs or gone). Their current one is a plain sign-out. */
export async function endSession(deps: Pick<Deps, 'storage'>, principal: Principal, input: { sessionId: string } & Client): Promise<void> {
  const { user } = signedInPerson(principal);
  await writeTransaction(deps.storage, async (tx) => {
    const target = (await listSessionsOfUser(tx, user.id)).find((s) => publicSessionId(s.id) === input.sessionId);
    if (!target) throw new DomainError('not_found');
    await deleteSession(tx, target.id);
    await recordSecurity(tx, { userId: user.id, actor: actorOf(principal), action: 'session.ended', device: describeDevice(target.userAgent), address: target.address });
  });
}

/** "Sign out everywhere else": every session of the person but the one they came with; returns how many ended. */
export async function endOtherSessions(deps: Pick<Deps, 'storage'>, principal: Principal, input: Client = {}): Promise<number> {
  const { user, session } = signedInPerson(principal);
  return writeTransaction(deps.storage, async (tx) => {
    const ended = await deleteSessionsOfUser(tx, user.id, session.id);
    if (ended > 0) {
      await recordSecurity(tx, { userId: user.id, actor: actorOf(principal), action: 'session.ended_others', device: describeDevice(input.userAgent), address: input.address });
    }
    return ended;
  });
}
