import { textDirection, type Locale } from '../domain/locales';
import { defineMessages, type MessageDescriptor } from '../i18n/messages';
import { translator } from '../i18n';
import type { ContactField } from '../domain/contact-fields';
import type { Category, Environment } from '../domain/routing';
import { CATEGORY_NAMES, CONTACT_FIELD_NAMES, notificationText } from '../i18n/names';
import type { NewEmail } from '../storage/deliveries';
import { ESCALATION_REASON_PREFIX, type EscalationReason } from '../domain/escalation';

const messages = defineMessages({
  invitationSubject: { id: 'email.invitation.subject', defaultMessage: '{inviter} invited you to {account} on Liaison' },
  invitationIntro: {
    id: 'email.invitation.intro',
    defaultMessage: '{inviter} invited you to the partner portal of {account} as {role}.',
  },
  invitationAction: { id: 'email.invitation.action', defaultMessage: 'Accept the invitation' },
  invitationExpiry: {
    id: 'email.invitation.expiry',
    defaultMessage: 'The link works once and expires on {expiresAt}. If you did not expect this email, you can ignore it.',
  },
  addedSubject: { id: 'email.added.subject', defaultMessage: 'You now have access to {account} on Liaison' },
  addedIntro: { id: 'email.added.intro', defaultMessage: '{inviter} gave you access to the partner portal of {account} as {role}.' },
  addedAction: { id: 'email.added.action', defaultMessage: 'Open the portal' },
  roleAdmin: { id: 'role.admin', defaultMessage: 'Admin' },
  roleEditor: { id: 'role.editor', defaultMessage: 'Editor' },
  roleViewer: { id: 'role.viewer', defaultMessage: 'Viewer' },
});

const roleMessages: Record<string, MessageDescriptor> = {
  admin: messages.roleAdmin,
  editor: messages.roleEditor,
  viewer: messages.roleViewer,
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A paragraph, or text given by a caller (a notification's title and body): shown as written,
 * never as markup, in its own direction (`dir="auto"`), keeping its line breaks.
 */
type Block = string | { quote: string; heading?: boolean };

function blockHtml(block: Block): string {
  if (typeof block === 'string') return `<p>${escapeHtml(block)}</p>`;
  const style = block.heading ? 'font-size: 1.15em; font-weight: 600;' : 'white-space: pre-wrap; border-inline-start: 3px solid #cbd2d9; padding-inline-start: 12px;';
  return `<p dir="auto" style="${style}">${escapeHtml(block.quote)}</p>`;
}

type Action = { label: string; url: string };

/** RIGHT-TO-LEFT MARK: an invisible strong right-to-left character. */
const RLM = '\u200f';

/** A plain, accessible email: the same content as text and as HTML in the reader's direction; one button per action. */
export function layout(locale: Locale, blocks: Block[], action: Action | Action[], footer: string) {
  const dir = textDirection(locale);
  const actions = Array.isArray(action) ? action : [action];
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2933;">
${blocks.map(blockHtml).join('\n')}
${actions.map((a) => `<p><a href="${escapeHtml(a.url)}" style="display: inline-block; padding: 8px 16px; background: #1d4ed8; color: #fff; text-decoration: none; border-radius: 4px;">${escapeHtml(a.label)}</a></p>`).join('\n')}
<p style="color: #52606d; font-size: 0.9em;">${escapeHtml(footer)}</p>
</body>
</html>`;
  // Plain text has no dir attribute: mail clients give each line the direction of its first
  // strong letter, so a Hebrew line that starts with a name or an address would read left to
  // right. A right-to-left mark opens each line of Liaison's own wording; the caller's text
  // (quotes) keeps the direction of its own first letter.
  const ours = (paragraph: string) => (dir === 'rtl' ? paragraph.replace(/^(?=.)/gm, RLM) : paragraph);
  const text = [
    ...blocks.map((b) => (typeof b === 'string' ? ours(b) : b.quote)),
    ...actions.map((a) => ours(`${a.label}: ${a.url}`)),
    ours(footer),
  ]
    .filter(Boolean)
    .join('\n\n');
  return { html, text };
}


export type InvitationEmail = {
  to: string;
  locale: Locale;
  inviterName: string;
  accountName: string;
  role: string;
  url: string;
  expiresAt: string;
};

export function invitationEmail(input: InvitationEmail): NewEmail {
  const t = translator(input.locale);
  const values = { inviter: input.inviterName, account: input.accountName, role: t(roleMessages[input.role] ?? messages.roleViewer) };
  const expiresAt = new Intl.DateTimeFormat(input.locale, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' }).format(
    new Date(input.expiresAt),
  );
  const body = layout(
    input.locale,
    [t(messages.invitationIntro, values)],
    { label: t(messages.invitationAction), url: input.url },
    t(messages.invitationExpiry, { expiresAt }),
  );
  return { to: input.to, subject: t(messages.invitationSubject, values), ...body };
}

export function addedToAccountEmail(input: Omit<InvitationEmail, 'expiresAt'>): NewEmail {
  const t = translator(input.locale);
  const values = { inviter: input.inviterName, account: input.accountName, role: t(roleMessages[input.role] ?? messages.roleViewer) };
  const body = layout(input.locale, [t(messages.addedIntro, values)], { label: t(messages.addedAction), url: input.url }, '');
  return { to: input.to, subject: t(messages.addedSubject, values), ...body };
}

const notificationMessages = defineMessages({
  subject: { id: 'email.notification.subject', defaultMessage: '{test, select, yes {[Test] } other {}}[{category}{env, select, sandbox { · Sandbox} other {}}] {account}: {title}' },
  intro: {
    id: 'email.notification.intro',
    defaultMessage: '{category} notification for {account}, {env, select, sandbox {Sandbox} other {Production}} environment.',
  },
  testNote: {
    id: 'email.notification.testNote',
    defaultMessage: 'This is a test sent from the contact information page to check who receives these notifications. No action is needed.',
  },
  action: { id: 'email.notification.action', defaultMessage: 'Open in the partner portal' },
  acknowledge: { id: 'email.notification.acknowledge', defaultMessage: 'Acknowledge' },
  acknowledgeNote: {
    id: 'email.notification.acknowledgeNote',
    defaultMessage: 'Acknowledge this emergency to tell everyone it is being handled. Until someone does, it is escalated: sent again to the emergency contacts and admins, then to the platform operators.',
  },
  resent: {
    id: 'email.notification.escalation.resent',
    defaultMessage: 'Sent again: nobody has acknowledged this emergency yet.',
  },
  operators: {
    id: 'email.notification.escalation.operators',
    defaultMessage: 'Escalated to the platform operators: nobody at {account} has acknowledged this emergency yet.',
  },
  supportOpen: { id: 'email.notification.support.open', defaultMessage: 'The user support of {account} is open now.' },
  supportClosed: {
    id: 'email.notification.support.closed',
    defaultMessage: 'The user support of {account} is closed now. It opens {opensAt}.',
  },
  supportNoHours: { id: 'email.notification.support.noHours', defaultMessage: 'The user support of {account} is closed now, and no support hours are set.' },
  whyAdmin: {
    id: 'email.notification.why.admin',
    defaultMessage: 'You receive this because you are an admin of {account} and an emergency was not acknowledged in time.',
  },
  whyOperator: {
    id: 'email.notification.why.operator',
    defaultMessage: 'You receive this because you are an operator and an emergency of {account} was not acknowledged in time.',
  },
  whyBouncing: {
    id: 'email.notification.why.bouncing',
    defaultMessage: 'You receive this because you are an admin of {account} and mail to every one of its technical emergency contacts bounces. Correct them on the contact information page: {url}',
  },
  why: {
    id: 'email.notification.why',
    defaultMessage: 'You receive this because this address is listed under "{field}" for {account}. An admin or editor of the account can change that on the contact information page: {url}',
  },
});

export type NotificationEmailInput = {
  to: string;
  locale: Locale;
  field: ContactField;
  account: { id: string; name: string };
  notification: {
    id: string;
    category: Category;
    env: Environment;
    title: string;
    body: string;
    test: boolean;
    template?: { id: string; params: Record<string, string> };
  };
  publicUrl: string;
  /** Emergencies: this recipient's Acknowledge link. */
  acknowledgeUrl?: string;
  /** An escalation step's email: re-sent (to contacts and admins) or to operators; `reason` says why this reader. */
  escalation?: { step: 'resent' | 'operators'; reason: EscalationReason };
  /** User escalations: the partner's support when raised (opening time shown in the window's zone). */
  supportStatus?: NotificationSupportStatus | null;
  /** Why a reader outside the field gets it: an admin, because every emergency contact bounces. */
  fallback?: 'emergencyContactsBouncing';
};

export type NotificationSupportStatus = { openNow: boolean; nextChangeAt: string | null; timeZone: string | null };

/** When support opens, in the reader's language and the support window's time zone. */
export function formatSupportTime(locale: Locale, at: string, timeZone: string | null): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: timeZone ?? 'UTC',
    timeZoneName: 'short',
  }).format(new Date(at));
}

function supportLine(t: ReturnType<typeof translator>, locale: Locale, account: string, status: NotificationSupportStatus): string {
  if (status.openNow) return t(notificationMessages.supportOpen, { account });
  if (!status.nextChangeAt) return t(notificationMessages.supportNoHours, { account });
  return t(notificationMessages.supportClosed, { account, opensAt: formatSupportTime(locale, status.nextChangeAt, status.timeZone) });
}


/**
 * A notification to one recipient, in their language: the category and account in the subject,
 * the caller's title and body as text (never markup), a link to it in the portal, and why this
 * address receives it.
 */
export function notificationEmail(input: NotificationEmailInput): NewEmail {
  const t = translator(input.locale);
  const { notification, account } = input;
  const category = t(CATEGORY_NAMES[notification.category]);
  const values = { category, account: account.name, env: notification.env, test: notification.test ? 'yes' : 'no' };
  const contactInfoUrl = `${input.publicUrl}/accounts/${account.id}/configuration/contact-information`;
  const { title, body: text } = notificationText(t, notification, input.locale);
  const escalation = input.escalation;
  const why =
    escalation?.reason === 'accountAdmin'
      ? t(notificationMessages.whyAdmin, { account: account.name })
      : escalation?.reason === 'operator'
        ? t(notificationMessages.whyOperator, { account: account.name })
        : input.fallback
          ? t(notificationMessages.whyBouncing, { account: account.name, url: contactInfoUrl })
          : t(notificationMessages.why, { field: t(CONTACT_FIELD_NAMES[input.field]), account: account.name, url: contactInfoUrl });
  const body = layout(
    input.locale,
    [
      ...(escalation ? [escalation.step === 'resent' ? t(notificationMessages.resent) : t(notificationMessages.operators, { account: account.name })] : []),
      t(notificationMessages.intro, values),
      ...(notification.test ? [t(notificationMessages.testNote)] : []),
      ...(input.supportStatus ? [supportLine(t, input.locale, account.name, input.supportStatus)] : []),
      { quote: title, heading: true },
      ...(text ? [{ quote: text }] : []),
      ...(input.acknowledgeUrl ? [t(notificationMessages.acknowledgeNote)] : []),
    ],
    [
      ...(input.acknowledgeUrl ? [{ label: t(notificationMessages.acknowledge), url: input.acknowledgeUrl }] : []),
      { label: t(notificationMessages.action), url: `${input.publicUrl}/accounts/${account.id}/notifications?env=${notification.env}#${notification.id}` },
    ],
    why,
  );
  return {
    to: input.to,
    subject: t(notificationMessages.subject, { ...values, title }),
    ...body,
    notificationId: notification.id,
    reason: escalation ? `${ESCALATION_REASON_PREFIX}${escalation.reason}` : input.field,
  };
}

const webhookMessages = defineMessages({
  disabledSubject: { id: 'email.webhookDisabled.subject', defaultMessage: 'Webhook disabled for {account}' },
  disabledIntro: {
    id: 'email.webhookDisabled.intro',
    defaultMessage: 'Deliveries to the webhook {url} of {account} have failed for {days, plural, one {# day} other {# days}}, so Liaison has stopped sending to it.',
  },
  disabledHint: {
    id: 'email.webhookDisabled.hint',
    defaultMessage: 'Check the delivery log, fix the receiver, then send a test event: a successful test enables the webhook again.',
  },
  disabledAction: { id: 'email.webhookDisabled.action', defaultMessage: 'Open the webhooks' },
});

/** To an account's admins when one of its webhook destinations has failed long enough to be disabled. */
export function webhookDisabledEmail(input: { to: string; locale: Locale; accountId: string; accountName: string; url: string; days: number; publicUrl: string }): NewEmail {
  const t = translator(input.locale);
  const values = { account: input.accountName, url: input.url, days: input.days };
  const body = layout(
    input.locale,
    [t(webhookMessages.disabledIntro, values), t(webhookMessages.disabledHint)],
    { label: t(webhookMessages.disabledAction), url: `${input.publicUrl}/accounts/${input.accountId}/configuration/webhooks` },
    '',
  );
  return { to: input.to, subject: t(webhookMessages.disabledSubject, values), ...body, reason: 'webhook_disabled' };
}
