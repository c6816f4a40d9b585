import type { ContactField } from '../../domain/contact-fields';
import { DomainError } from '../../domain/errors';
import type { IntegrationCatalog } from '../../domain/integrations';
import { isMandatory, routeNotification, type Category, type Environment, type RecipientReason } from '../../domain/routing';
import { bouncingAddresses } from '../../storage/contact-health';
import { listAllMembers } from '../../storage/memberships';
import { optedOut, unsubscribeSecret } from '../../storage/unsubscribes';
import { unsubscribeHeaders, unsubscribeToken, unsubscribeUrl } from './unsubscribe-link';
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
  isHeld,
  type NewNotification,
} from '../../storage/notifications';
import type { DeliveryStatus } from '../../storage/schema';
import { loadContactInfo, membersOf } from './contact-info-document';
import { DEFAULT_ESCALATION_TIMING, type EscalationTiming } from '../../domain/escalation';
import { supportStatus, type Holidays } from '../../domain/support-hours';
import type { OperationalSupport } from '../../domain/contact-info';
import type { NotificationSupportStatus } from '../../mail/templates';
import { issueAcknowledgeToken, scheduleEscalation } from '../../storage/escalations';
import { enqueueWebhookEvents, webhooksFor, type WebhookEvent } from '../../storage/webhooks';
import { activeWindow, HELD_CATEGORIES } from '../../storage/maintenance';
import { getSupportCalendar, holidaySet } from '../../storage/support-calendar';

/** Categories an account may have wait for its support hours; emergencies never wait. */
export const HOURS_HELD_CATEGORIES: ReadonlySet<string> = new Set(['technical', 'merchant_issue']);

/**
 * The JSON a webhook destination receives for a notification (documented in the API reference):
 * `{type: "notification.raised", timestamp, data: {notificationId, accountId, category, env, title, body, test}}`.
 */
export function notificationEvent(n: { id: string; accountId: string; category: Category; env: Environment; title: string; body: string; test: boolean }): WebhookEvent {
  return {
    type: 'notification.raised',
    timestamp: new Date().toISOString(),
    data: { notificationId: n.id, accountId: n.accountId, category: n.category, env: n.env, title: n.title, body: n.body, test: n.test },
  };
}

/** The public page an Acknowledge link opens (a GET there acknowledges nothing). */
export function acknowledgeUrlOf(publicUrl: string, token: string): string {
  return `${publicUrl}/ack/${token}`;
}

/** The partner's support now, with the zone its hours are given in (the first window's). */
export function supportStatusOf(support: OperationalSupport | null, at: Date = new Date(), holidays?: Holidays): NotificationSupportStatus {
  return { ...supportStatus(support, at, holidays), timeZone: support?.windows[0]?.timeZone ?? null };
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
  /** Held by a maintenance window of its integration: nothing is sent before the window ends. */
  held: boolean;
};

type QueueContext = { catalog: IntegrationCatalog; publicUrl: string; escalation?: EscalationTiming };

/**
 * Who a category reaches now: email recipients (in their languages) and webhook destinations.
 * Optional notifications skip the addresses that opted out of the category (one-click
 * unsubscribe), and their emails carry the unsubscribe link; mandatory ones reach everybody.
 */
async function routeNow(tx: Db, context: QueueContext, account: Account, category: Category, env: Environment, templateId?: string | null) {
  const { info } = await loadContactInfo(tx, context.catalog, account);
  // Emergencies reach the account's admins too when every emergency contact bounces.
  const health = category === 'emergency' ? await emergencyFallback(tx, account.id) : undefined;
  const decision = routeNotification(info, { category, env, accountLanguage: account.language, health }, await membersOf(tx, account.id));
  // Webhook destinations of the category receive it beside the email contacts (and alone when nobody is listed for it).
  const destinations = await webhooksFor(tx, account.id, category, env);
  const failed = !decision.ok && (decision.code !== 'no_route' || destinations.length === 0) ? decision.code : null;
  let routed = decision.ok ? decision.recipients : [];
  let unsubscribe: ((email: string) => Record<string, string>) | undefined;
  if (!isMandatory(category, templateId)) {
    const out = await optedOut(tx, account.id, category);
    routed = routed.filter((r) => !out.has(r.email.toLowerCase()));
    const secret = await unsubscribeSecret(tx);
    unsubscribe = (email) => unsubscribeHeaders(unsubscribeUrl(context.publicUrl, unsubscribeToken(secret, account.id, email), category));
  }
  return { info, failed, routed, destinations, unsubscribe };
}

type Outgoing = {
  id: string;
  category: Category;
  env: Environment;
  title: string;
  body: string;
  test: boolean;
  template?: { id: string; params: Record<string, string> };
};

/** Writes a notification's deliveries (emails, webhook events) and, for an emergency, its escalation timer. */
async function writeDeliveries(
  tx: Db,
  context: QueueContext,
  account: Account,
  notification: Outgoing,
  route: Awaited<ReturnType<typeof routeNow>>,
  support: NotificationSupportStatus | null,
): Promise<void> {
  // Emergencies are acknowledged or escalated: each email its own Acknowledge link, and a timer.
  const escalates = notification.category === 'emergency' && !notification.test;
  const emails = [];
  for (const recipient of route.routed) {
    const acknowledgeUrl = escalates ? acknowledgeUrlOf(context.publicUrl, await issueAcknowledgeToken(tx, notification.id, recipient.email)) : undefined;
    const email = notificationEmail({
      to: recipient.email,
      locale: recipient.language,
      field: recipient.field,
      account,
      notification,
      publicUrl: context.publicUrl,
      acknowledgeUrl,
      supportStatus: support,
      fallback: recipient.reason,
    });
    emails.push(route.unsubscribe ? { ...email, headers: route.unsubscribe(recipient.email) } : email);
  }
  await enqueueEmails(tx, emails.map((email) => ({ ...email, accountId: account.id })));
  await enqueueWebhookEvents(tx, route.destinations, notificationEvent({ ...notification, accountId: account.id }));
  if (escalates) {
    await scheduleEscalation(tx, { notificationId: notification.id, accountId: account.id, afterMs: (context.escalation ?? DEFAULT_ESCALATION_TIMING).afterMs });
  }
}

/**
 * Routes a notification and, inside the caller's transaction, writes it and one delivery per
 * recipient (each email in its reader's language); a repeat of its dedup key within the window
 * only counts an occurrence. 422 production_only / no_route when it cannot go anywhere. An
 * `alert` or `technical` notification of an integration under maintenance is written as held:
 * nothing is sent until the window ends (then released or dropped).
 */
export async function queueNotification(
  tx: Db,
  context: QueueContext,
  account: Account,
  input: Omit<NewNotification, 'accountId' | 'heldBy' | 'heldUntil'> & { category: Category; env: Environment },
): Promise<Accepted> {
  const route = await routeNow(tx, context, account, input.category, input.env, input.template?.id);
  if (route.failed) throw new DomainError(route.failed);

  const id = newNotificationId();
  if (input.dedupKey) {
    const holder = await claimDedupKey(tx, { accountId: account.id, key: input.dedupKey, notificationId: id, windowMs: DEDUP_WINDOW_MS });
    if (holder) {
      await countOccurrence(tx, holder);
      const recipients = await recipientsOf(tx, holder);
      return { id: holder, status: await notificationStatus(tx, holder), recipients, deduplicated: true, held: await isHeld(tx, holder) };
    }
  }
  const now = new Date();
  let heldBy =
    input.integration && HELD_CATEGORIES.has(input.category) && !input.test ? await activeWindow(tx, account.id, input.integration, now.toISOString()) : undefined;
  // Technical and merchant-issue notifications may wait for the partner's support to open (an account setting).
  let heldUntil: string | undefined;
  if (!heldBy && HOURS_HELD_CATEGORIES.has(input.category) && !input.test) {
    const calendar = await getSupportCalendar(tx, account.id);
    const status = calendar.holdOutsideHours ? supportStatus(route.info.operationalSupport, now, holidaySet(calendar)) : null;
    if (status && !status.openNow && status.nextChangeAt) {
      heldBy = 'business_hours';
      heldUntil = status.nextChangeAt;
    }
  }
  // User escalations say whether the partner's support is open now (holidays count), and if not, when it opens.
  const support =
    input.category === 'user_escalation' ? supportStatusOf(route.info.operationalSupport, now, holidaySet(await getSupportCalendar(tx, account.id))) : null;
  await insertNotification(tx, id, { ...input, accountId: account.id, supportStatus: support, heldBy, heldUntil });
  const recipients = route.routed.map((r) => ({ email: r.email, field: r.field, ...(r.reason ? { reason: r.reason } : {}) }));
  if (heldBy) return { id, status: 'queued', recipients, deduplicated: false, held: true };
  await writeDeliveries(tx, context, account, { id, ...input, test: input.test ?? false }, route, support);
  return { id, status: 'queued', recipients, deduplicated: false, held: false };
}

/**
 * A held notification released at the end of its maintenance window: routed as things stand now
 * and delivered like a new one (nobody to send to: it stays without deliveries).
 */
export async function releaseHeldNotification(
  tx: Db,
  context: QueueContext,
  account: Account,
  row: { id: string; category: Category; env: Environment; title: string; body: string; is_test: number; template: string | null; params: string | null },
): Promise<void> {
  const route = await routeNow(tx, context, account, row.category, row.env, row.template);
  if (route.failed) return;
  const template = row.template ? { id: row.template, params: JSON.parse(row.params ?? '{}') as Record<string, string> } : undefined;
  await writeDeliveries(tx, context, account, { id: row.id, category: row.category, env: row.env, title: row.title, body: row.body, test: row.is_test === 1, template }, route, null);
}
