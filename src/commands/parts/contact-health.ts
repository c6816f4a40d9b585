import { DEFAULT_REVIEW_INTERVAL_MS, healthChanges, listedAddresses, type HealthField } from '../../domain/contact-health';
import type { ContactInfo } from '../../domain/contact-info';
import { DEFAULT_LOCALE, isSupportedLocale, type Locale } from '../../domain/locales';
import type { Actor } from '../../domain/principal';
import { contactChangedEmail, contactConfirmationEmail } from '../../mail/contact-health-emails';
import type { Account } from '../../storage/accounts';
import { contactHealthOf, ensureReview, issueConfirmationToken, reviewOf, syncContactHealth } from '../../storage/contact-health';
import type { Db } from '../../storage/db';
import { enqueueEmails, type NewEmail } from '../../storage/deliveries';

/** The public page a confirmation link opens (a GET there confirms nothing). */
export function confirmationUrlOf(publicUrl: string, token: string): string {
  return `${publicUrl}/confirm/${token}`;
}

/** Fields whose changes are announced to the addresses listed before (a hijacked account could otherwise silence them). */
export const GUARDED_FIELDS = ['technicalEmergencyContacts', 'operationalContactsForPlatform'] as const satisfies readonly HealthField[];

export type HealthContext = { publicUrl: string; contactReviewIntervalMs?: number };

function languageOf(locale: string | null | undefined, account: Account): Locale {
  return isSupportedLocale(locale) ? locale : (account.language ?? DEFAULT_LOCALE);
}

/** Queues one confirmation email (with a fresh single-purpose token) to an address, inside the caller's transaction. */
export async function confirmationEmailFor(tx: Db, context: HealthContext, account: Account, contact: { address: string; purpose: HealthField; locale: string | null }): Promise<NewEmail> {
  const token = await issueConfirmationToken(tx, { accountId: account.id, address: contact.address, purpose: contact.purpose });
  return contactConfirmationEmail({
    to: contact.address,
    locale: languageOf(contact.locale, account),
    accountId: account.id,
    accountName: account.name,
    purpose: contact.purpose,
    url: confirmationUrlOf(context.publicUrl, token),
  });
}

/**
 * After a save, inside its transaction: new or changed addresses get a health row and a
 * confirmation email in their language; addresses no longer listed lose their row; the previous
 * addresses of the emergency and platform-only contacts are told when those change (tamper
 * guard); the review clock starts once the document is complete.
 */
export async function afterContactInfoSaved(
  tx: Db,
  context: HealthContext,
  input: { account: Account; before: ContactInfo | null; after: ContactInfo; actor: Actor; complete: boolean },
): Promise<void> {
  const { account, before, after } = input;
  const changes = healthChanges(before, after);
  await syncContactHealth(tx, account.id, changes);
  const emails: NewEmail[] = [];
  for (const added of changes.added) emails.push(await confirmationEmailFor(tx, context, account, added));

  if (before) {
    const at = new Date().toISOString();
    for (const field of GUARDED_FIELDS) {
      const previous = listedAddresses(before).filter((a) => a.purpose === field);
      const now = listedAddresses(after).filter((a) => a.purpose === field);
      const same = previous.length === now.length && previous.every((a) => now.some((b) => b.address === a.address));
      if (same) continue;
      for (const old of previous) {
        emails.push(
          contactChangedEmail({
            to: old.address,
            locale: languageOf(old.locale, account),
            account,
            field,
            actor: input.actor.name,
            at,
            before: previous.map((a) => a.address),
            now: now.map((a) => a.address),
            publicUrl: context.publicUrl,
          }),
        );
      }
    }
  }
  await enqueueEmails(tx, emails);
  if (input.complete) await ensureReview(tx, account.id, context.contactReviewIntervalMs ?? DEFAULT_REVIEW_INTERVAL_MS);
}

export type ContactHealthView = {
  contactHealth: { field: HealthField; email: string; state: 'unconfirmed' | 'confirmed' | 'bouncing'; confirmedAt: string | null; bouncingSince: string | null; lastBounce: string | null }[];
  review: { confirmedAt: string; dueAt: string; remindedAt: string | null; staleSince: string | null; stale: boolean } | null;
};

/** The state of each listed address, and the review, for the contact-information read. */
export async function presentContactHealth(db: Db, accountId: string): Promise<ContactHealthView> {
  const rows = await contactHealthOf(db, accountId);
  const review = await reviewOf(db, accountId);
  return {
    contactHealth: rows.map((row) => ({
      field: row.purpose,
      email: row.address,
      state: row.state,
      confirmedAt: row.confirmedAt,
      bouncingSince: row.bouncingSince,
      lastBounce: row.lastBounce,
    })),
    review: review
      ? { confirmedAt: review.confirmedAt, dueAt: review.dueAt, remindedAt: review.remindedAt, staleSince: review.staleSince, stale: review.staleSince !== null }
      : null,
  };
}
