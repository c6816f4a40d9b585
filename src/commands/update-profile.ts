import type { Locale } from '../domain/locales';
import type { Principal } from '../domain/principal';
import { writeTransaction } from '../storage/db';
import { setLocale, setName } from '../storage/users';
import type { Deps } from './deps';
import { getProfile, signedInPerson } from './get-profile';

/** Changes the person's own name and language (undefined: unchanged; locale null: follow the browser). */
export async function updateProfile(deps: Pick<Deps, 'storage'>, principal: Principal, input: { name?: string; locale?: Locale | null }) {
  const { user, session } = signedInPerson(principal);
  await writeTransaction(deps.storage, async (tx) => {
    if (input.name !== undefined) await setName(tx, user.id, input.name);
    if (input.locale !== undefined) await setLocale(tx, user.id, input.locale);
  });
  const updated = { ...user, ...(input.name !== undefined ? { name: input.name } : {}), ...(input.locale !== undefined ? { locale: input.locale } : {}) };
  return getProfile(deps, { kind: 'user', user: updated, session });
}
