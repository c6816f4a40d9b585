import { nextContactState } from '../domain/contact-health';
import { DEFAULT_LOCALE, isSupportedLocale, type Locale } from '../domain/locales';
import type { Principal } from '../domain/principal';
import { contactBounceEmail } from '../mail/contact-health-emails';
import { findAccount, lockAccount } from '../storage/accounts';
import { deliveryTarget, noteBounceOnDelivery, setContactState, statesOf } from '../storage/contact-health';
import { writeTransaction } from '../storage/db';
import { enqueueEmails } from '../storage/deliveries';
import { listAllMembers } from '../storage/memberships';
import type { Deps } from './deps';

/** Prefix of a delivery's last error once its failure marked the address bouncing (the delivery log says so). */
export const BOUNCE_NOTE = 'address marked bouncing: ';

/**
 * A delivery failed for good (SMTP 5xx; the SYSTEM principal, from the delivery worker): when it
 * went to a contact of its account, that address becomes `bouncing` under every field it is
 * listed in, the delivery log says so, and when it was not bouncing yet (only then: one bouncing
 * address does not mail them on every failure) the account's admins and the operators are told.
 * One transaction, under the account's lock so two workers do not both announce it.
 */
export async function recordBounce(deps: Deps, _principal: Principal, input: { deliveryId: string; error: string }): Promise<{ marked: boolean; announced: boolean }> {
  return writeTransaction(deps.storage, async (tx) => {
    const target = await deliveryTarget(tx, input.deliveryId);
    if (!target?.accountId) return { marked: false, announced: false };
    await lockAccount(tx, deps.storage.dialect, target.accountId);
    const address = target.recipient.toLowerCase();
    const states = await statesOf(tx, target.accountId, address);
    if (states.length === 0) return { marked: false, announced: false };
    const announced = states.some((state) => nextContactState(state, { kind: 'bounced' }).announceBounce);
    await setContactState(tx, { accountId: target.accountId, address, state: 'bouncing', lastBounce: input.error });
    await noteBounceOnDelivery(tx, input.deliveryId, BOUNCE_NOTE);
    if (announced) {
      const account = await findAccount(tx, target.accountId);
      if (account) {
        const language = (locale: string | null | undefined): Locale => (isSupportedLocale(locale) ? locale : DEFAULT_LOCALE);
        const readers: { email: string; locale: Locale; reader: 'admin' | 'operator' }[] = [];
        for (const member of await listAllMembers(tx, account.id)) {
          if (member.role === 'admin' && member.status === 'active') readers.push({ email: member.email, locale: language(member.locale), reader: 'admin' });
        }
        const operators = await tx.selectFrom('users').select(['email', 'locale']).where('is_operator', '=', 1).orderBy('email').execute();
        for (const operator of operators) {
          if (!readers.some((r) => r.email === operator.email)) readers.push({ email: operator.email, locale: language(operator.locale), reader: 'operator' });
        }
        await enqueueEmails(
          tx,
          readers.map((r) =>
            contactBounceEmail({ to: r.email, locale: r.locale, account, address, detail: input.error, reader: r.reader, publicUrl: deps.config.publicUrl }),
          ),
        );
      }
    }
    return { marked: true, announced };
  });
}
