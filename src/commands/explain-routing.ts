import type { Principal } from '../domain/principal';
import { recipientsFor, type Category } from '../domain/routing';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { loadContactInfo, membersOf } from './parts/contact-info-document';

/** Who would receive a category now, and from which field (explain routing). */
export async function explainRouting(deps: Deps, _principal: Principal, input: { scope: AccountScope; category: Category }) {
  const db = deps.storage.db;
  const { info } = await loadContactInfo(db, deps.catalog, input.scope.account);
  const members = await membersOf(db, input.scope.account.id);
  return { category: input.category, recipients: recipientsFor(info, input.category, members).map((r) => ({ email: r.email, field: r.field })) };
}
