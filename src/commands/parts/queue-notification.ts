import type { ContactField } from '../../domain/contact-fields';
import { DomainError } from '../../domain/errors';
import type { IntegrationCatalog } from '../../domain/integrations';
import { routeNotification, type Category, type Environment, type RecipientReason } from '../../domain/routing';
import { bouncingAddresses } from '../../storage/contact-health';
import { listAllMembers } from '../../storage/memberships';
import { notificationEmail } from '../../mail/templates';
import type { Account } from '../../storage/accounts';
import type { Db } from '../../storage/db';
import { enqueueEmails } from '../../storage/deliveries';
import {
  claimDedupKey,
  countOccurrence,
  insertNotification,
  newNotificationId,
  notificationStatus,
  recipientsOf,
  type NewNotification,
} from '../../storage/notifications';
import type { DeliveryStatus } from '../../storage/schema';
import { loadContactInfo, membersOf } from './contact-info-document';
import { DEFAULT_ESCALATION_TIMING, type EscalationTiming } from '../../domain/escalation';
import { supportStatus } from '../../domain/support-hours';
import type { OperationalSupport } from '../../domain/contact-info';
import type { NotificationSupportStatus } from '../../mail/templates';
import { issueAcknowledgeToken, scheduleEscalation } from '../../storage/escalations';

/** The public page an Acknowledge link opens (a GET there acknowledges nothing). */
export function acknowledgeUrlOf(publicUrl: string, token: string): string {
  return `${publicUrl}/ack/${token}`;
}

/** The partner's support now, with the zone its hours are given in (the first window's). */
export function supportStatusOf(support: OperationalSupport | null, at: Date = new Date()): NotificationSupportStatus {
  return { ...supportStatus(support, at), timeZone: support?.windows[0]?.timeZone ?? null };
}

/** A repeat of a dedup key within this window is counted, not sent again. */
export const DEDUP_WINDOW_MS = 4 * 60 * 60 * 1000;

/** What the emergency fallback needs: the account's bouncing addresses and its active admins. */
async function emergencyFallback(tx: Db, accountId: string) {
  const bouncing = await bouncingAddresses(tx, accountId);
  if (bouncing.size === 0) return undefined;
  const admins = (await listAllMembers(tx, accountId)).filter((m) => m.role === 'admin' && m.status === 'active');
  return { bouncing, admins: admins.map((m) => ({ email: m.email, name: m.name, locale: m.locale })) };
}

export type Accepted = {
  id: string;
  status: DeliveryStatus;
  recipients: { email: string; field: ContactField; reason?: RecipientReason }[];
  deduplicated: boolean;
};

/**
 * Routes a notification and, inside the caller's transaction, writes it and one delivery per
 * recipient (each email in its reader's language); a repeat of its dedup key within the window
 * only counts an occurrence. 422 production_only / no_route when it cannot go anywhere.
 */
export async function queueNotification(
  tx: Db,
  context: { catalog: IntegrationCatalog; publicUrl: string; escalation?: EscalationTiming },
  account: Account,
  input: Omit<NewNotification, 'accountId'> & { category: Category; env: Environment },
): Promise<Accepted> {
  const { info } = await loadContactInfo(tx, context.catalog, account);
  const health = input.category === 'emergency' ? await emergencyFallback(tx, account.id) : undefined;
  const decision = routeNotification(
    info,
    { category: input.category, env: input.env, accountLanguage: account.language, health },
    await membersOf(tx, account.id),
  );
  if (!decision.ok) throw new DomainError(decision.code);

  const id = newNotificationId();
  if (input.dedupKey) {
    const holder = await claimDedupKey(tx, { accountId: account.id, key: input.dedupKey, notificationId: id, windowMs: DEDUP_WINDOW_MS });
    if (holder) {
      await countOccurrence(tx, holder);
      const recipients = await recipientsOf(tx, holder);
      return { id: holder, status: await notificationStatus(tx, holder), recipients, deduplicated: true };
    }
  }
  // User escalations say whether the partner's support is open now, and if not, when it opens.
  const support = input.category === 'user_escalation' ? supportStatusOf(info.operationalSupport) : null;
  await insertNotification(tx, id, { ...input, accountId: account.id, supportStatus: support });
  const notification = { id, ...input, test: input.test ?? false, template: input.template };
  // Emergencies are acknowledged or escalated: each email its own Acknowledge link, and a timer.
  const escalates = input.category === 'emergency' && !notification.test;
  const emails = [];
  for (const recipient of decision.recipients) {
    const acknowledgeUrl = escalates ? acknowledgeUrlOf(context.publicUrl, await issueAcknowledgeToken(tx, id, recipient.email)) : undefined;
    emails.push(
      notificationEmail({
        to: recipient.email,
        locale: recipient.language,
        field: recipient.field,
        account,
        notification,
        publicUrl: context.publicUrl,
        acknowledgeUrl,
        supportStatus: support,
        fallback: recipient.reason,
      }),
    );
  }
  await enqueueEmails(tx, emails.map((email) => ({ ...email, accountId: account.id })));
  if (escalates) {
    await scheduleEscalation(tx, { notificationId: id, accountId: account.id, afterMs: (context.escalation ?? DEFAULT_ESCALATION_TIMING).afterMs });
  }
  return {
    id,
    status: 'queued',
    recipients: decision.recipients.map((r) => ({ email: r.email, field: r.field, ...(r.reason ? { reason: r.reason } : {}) })),
    deduplicated: false,
  };
}
