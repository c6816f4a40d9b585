import { nextReviewStep } from '../domain/contact-health';
import { DEFAULT_LOCALE, isSupportedLocale } from '../domain/locales';
import type { Principal } from '../domain/principal';
import { contactReviewEmail } from '../mail/contact-health-emails';
import { findAccount } from '../storage/accounts';
import { completeReviewStep, reviewOf, type ClaimedReview } from '../storage/contact-health';
import { writeTransaction } from '../storage/db';
import { enqueueEmails } from '../storage/deliveries';
import { listAllMembers } from '../storage/memberships';
import type { Deps } from './deps';

export type ReviewOutcome = { ran: false } | { ran: true; stage: 'remind' | 'stale'; recipients: string[] };

/**
 * Runs one claimed step of an account's review (the SYSTEM principal, from the review loop):
 * `remind` asks the account's admins by email to confirm the whole contact information (the link
 * leads to the portal, where one click confirms it); `stale`, 30 days later without it, marks the
 * account stale. The step's completion (guarded by the lease token) and its emails are one
 * transaction; `now` is the injected clock of tests.
 */
export async function runContactReviewStep(deps: Deps, _principal: Principal, input: { claimed: ClaimedReview; now?: string }): Promise<ReviewOutcome> {
  const { claimed } = input;
  return writeTransaction(deps.storage, async (tx) => {
    const review = await reviewOf(tx, claimed.accountId);
    const next = nextReviewStep(claimed.stage);
    if (!review || !(await completeReviewStep(tx, claimed, next, input.now))) return { ran: false };
    if (claimed.stage === 'stale') return { ran: true, stage: 'stale', recipients: [] };
    const account = await findAccount(tx, claimed.accountId);
    if (!account) return { ran: true, stage: 'remind', recipients: [] };
    const admins = (await listAllMembers(tx, account.id)).filter((m) => m.role === 'admin' && m.status === 'active');
    await enqueueEmails(
      tx,
      admins.map((admin) => ({
        ...contactReviewEmail({
          to: admin.email,
          locale: isSupportedLocale(admin.locale) ? admin.locale : DEFAULT_LOCALE,
          account,
          confirmedAt: review.confirmedAt,
          publicUrl: deps.config.publicUrl,
        }),
      })),
    );
    return { ran: true, stage: 'remind', recipients: admins.map((a) => a.email) };
  });
}
