import { textDirection, type Locale } from '../domain/locales';
import { defineMessages, type MessageDescriptor } from '../i18n/messages';
import { translator, type Translate } from '../i18n';
import type { ContactField } from '../domain/contact-fields';
import type { Category, Environment } from '../domain/routing';
import { CATEGORY_NAMES, CONTACT_FIELD_NAMES } from '../i18n/names';
import type { NewEmail } from '../storage/deliveries';

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

/** A plain, accessible email: the same content as text and as HTML in the reader's direction. */
export function layout(locale: Locale, blocks: Block[], action: { label: string; url: string }, footer: string) {
  const dir = textDirection(locale);
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2933;">
${blocks.map(blockHtml).join('\n')}
<p><a href="${escapeHtml(action.url)}" style="display: inline-block; padding: 8px 16px; background: #1d4ed8; color: #fff; text-decoration: none; border-radius: 4px;">${escapeHtml(action.label)}</a></p>
<p style="color: #52606d; font-size: 0.9em;">${escapeHtml(footer)}</p>
</body>
</html>`;
  const text = [...blocks.map((b) => (typeof b === 'string' ? b : b.quote)), `${action.label}: ${action.url}`, footer].filter(Boolean).join('\n\n');
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
  testTitle: { id: 'email.notification.test.title', defaultMessage: 'Test notification' },
  disabledTitle: { id: 'email.notification.integrationDisabled.title', defaultMessage: 'Integration disabled: {integration}' },
  disabledBody: {
    id: 'email.notification.integrationDisabled.body',
    defaultMessage: 'The platform disabled the integration {integration}. Reason given: {reason}',
  },
  enabledTitle: { id: 'email.notification.integrationEnabled.title', defaultMessage: 'Integration enabled again: {integration}' },
  enabledBody: {
    id: 'email.notification.integrationEnabled.body',
    defaultMessage: 'The platform enabled the integration {integration} again. {reason, select, none {} other {Reason given: {reason}}}',
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
};

/** The title and body of Liaison's own notifications, in the reader's language (a caller's are shown as given). */
export function notificationText(t: Translate, notification: NotificationEmailInput['notification']): { title: string; body: string } {
  const params = notification.template?.params ?? {};
  switch (notification.template?.id) {
    case 'test':
      return { title: t(notificationMessages.testTitle), body: '' };
    case 'integration_disabled':
      return { title: t(notificationMessages.disabledTitle, params), body: t(notificationMessages.disabledBody, params) };
    case 'integration_enabled':
      return { title: t(notificationMessages.enabledTitle, params), body: t(notificationMessages.enabledBody, { reason: 'none', ...params }) };
    default:
      return { title: notification.title, body: notification.body };
  }
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
  const { title, body: text } = notificationText(t, notification);
  const body = layout(
    input.locale,
    [
      t(notificationMessages.intro, values),
      ...(notification.test ? [t(notificationMessages.testNote)] : []),
      { quote: title, heading: true },
      ...(text ? [{ quote: text }] : []),
    ],
    { label: t(notificationMessages.action), url: `${input.publicUrl}/accounts/${account.id}/notifications?env=${notification.env}#${notification.id}` },
    t(notificationMessages.why, { field: t(CONTACT_FIELD_NAMES[input.field]), account: account.name, url: contactInfoUrl }),
  );
  return {
    to: input.to,
    subject: t(notificationMessages.subject, { ...values, title }),
    ...body,
    notificationId: notification.id,
    reason: input.field,
  };
}
