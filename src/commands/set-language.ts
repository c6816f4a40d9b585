import { DomainError } from '../domain/errors';
import type { Locale } from '../domain/locales';
import type { Principal } from '../domain/principal';
import { setLocale } from '../storage/users';
import type { Deps } from './deps';
import { getSession } from './get-session';

/** Remembers the signed-in person's language (null: follow the browser). */
export async function setLanguage(deps: Pick<Deps, 'storage'>, principal: Principal, input: { locale: Locale | null }) {
  // Only a signed-in person with a session has preferences to change.
  if (principal.kind !== 'user' || !principal.session) throw new DomainError('unauthenticated');
  await setLocale(deps.storage.db, principal.user.id, input.locale);
  return getSession(deps, { ...principal, user: { ...principal.user, locale: input.locale } });
}
