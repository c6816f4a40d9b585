import { DEFAULT_LOCALE, isSupportedLocale, type Locale } from '../domain/locales';
import type { EscalationReason, EscalationTiming } from '../domain/escalation';
import type { Principal } from '../domain/principal';
import { routeNotification } from '../domain/routing';
import { notificationEmail } from '../mail/templates';
import { findAccount } from '../storage/accounts';
import { writeTransaction } from '../storage/db';
import { enqueueEmails } from '../storage/deliveries';
import { completeEscalationStep, issueAcknowledgeToken, type ClaimedEscalation } from '../storage/escalations';
import { listAllMembers } from '../storage/memberships';
import type { Deps } from './deps';
import { loadContactInfo, membersOf } from './parts/contact-info-document';
import { acknowledgeUrlOf } from './parts/queue-notification';

export type EscalationOutcome = { ran: false } | { ran: true; step: number; recipients: string[] };

/**
 * Runs one claimed escalation step of an unacknowledged emergency (the SYSTEM principal, from the
 * escalation worker): step 1 sends it again to the emergency contacts and the account's admins,
 * step 2 to every operator, each email with an Acknowledge link of its own. The step's completion
 * (guarded by the lease token and the row still pending) and its emails are one transaction: a
 * crash loses neither nor sends twice, and after an acknowledgement, or with the lease lost to
 * another worker, nothing is written.
 */
export async function escalateNotification(
  deps: Deps,
  _principal: Principal,
  input: { claimed: ClaimedEscalation; timing: EscalationTiming; now?: string },
): Promise<EscalationOutcome> {
  const { claimed, timing } = input;
  return writeTransaction(deps.storage, async (tx) => {
    const next = claimed.step === 1 ? { step: 2, afterMs: timing.operatorsAfterMs } : ('done' as const);
    if (!(await completeEscalationStep(tx, claimed, next, input.now))) return { ran: false };
    const row = await tx.selectFrom('notifications').selectAll().where('id', '=', claimed.notificationId).executeTakeFirst();
    const account = await findAccount(tx, claimed.accountId);
    if (!row || !account) return { ran: true, step: claimed.step, recipients: [] };

    const recipients: { email: string; language: Locale; reason: EscalationReason }[] = [];
    const seen = new Set<string>();
    const add = (email: string, language: Locale, reason: EscalationReason) => {
      if (seen.has(email.toLowerCase())) return;
      seen.add(email.toLowerCase());
      recipients.push({ email, language, reason });
    };
    const language = (locale: string | null | undefined): Locale => (isSupportedLocale(locale) ? locale : DEFAULT_LOCALE);
    if (claimed.step === 1) {
      // The emergency contacts as they are now, then the account's admins.
      const { info } = await loadContactInfo(tx, deps.catalog, account);
      const decision = routeNotification(info, { category: 'emergency', env: row.env }, await membersOf(tx, account.id));
      if (decision.ok) for (const r of decision.recipients) add(r.email, r.language, 'technicalEmergencyContacts');
      for (const member of await listAllMembers(tx, account.id)) {
        if (member.role === 'admin' && member.status === 'active') add(member.email, language(member.locale), 'accountAdmin');
      }
    } else {
      const operators = await tx.selectFrom('users').select(['email', 'locale']).where('is_operator', '=', 1).orderBy('email').execute();
      for (const operator of operators) add(operator.email, language(operator.locale), 'operator');
    }

    const notification = {
      id: row.id,
      category: row.category,
      env: row.env,
      title: row.title,
      body: row.body,
      test: row.is_test === 1,
      template: row.template ? { id: row.template, params: JSON.parse(row.params ?? '{}') as Record<string, string> } : undefined,
    };
    const emails = [];
    for (const recipient of recipients) {
      const token = await issueAcknowledgeToken(tx, row.id, recipient.email);
      const email = notificationEmail({
        to: recipient.email,
        locale: recipient.language,
        field: 'technicalEmergencyContacts',
        account,
        notification,
        publicUrl: deps.config.publicUrl,
        acknowledgeUrl: acknowledgeUrlOf(deps.config.publicUrl, token),
        escalation: { step: claimed.step === 1 ? 'resent' : 'operators', reason: recipient.reason },
      });
      // Operators' alerts are theirs: they do not appear among the account's deliveries.
      emails.push(recipient.reason === 'operator' ? { ...email, notificationId: undefined } : email);
    }
    await enqueueEmails(tx, emails);
    return { ran: true, step: claimed.step, recipients: recipients.map((r) => r.email) };
  });
}
