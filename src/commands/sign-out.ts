import type { Principal } from '../domain/principal';
import { deleteSession } from '../storage/sessions';
import type { Deps } from './deps';

/** Revokes the session the person came with: the very next request with its cookie is refused. */
export async function signOut(deps: Pick<Deps, 'storage'>, principal: Principal): Promise<void> {
  if (principal.kind === 'user' && principal.session) await deleteSession(deps.storage.db, principal.session.id);
}
