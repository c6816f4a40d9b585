import { textDirection, type Locale } from '../domain/locales';
import { defineMessages, type MessageDescriptor } from '../i18n/messages';
import { translator } from '../i18n';
import type { OutgoingMail } from './mailer';

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

/** A plain, accessible email: the same content as text and as HTML in the reader's direction. */
function layout(locale: Locale, paragraphs: string[], action: { label: string; url: string }, footer: string) {
  const dir = textDirection(locale);
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2933;">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(action.url)}" style="display: inline-block; padding: 8px 16px; background: #1d4ed8; color: #fff; text-decoration: none; border-radius: 4px;">${escapeHtml(action.label)}</a></p>
<p style="color: #52606d; font-size: 0.9em;">${escapeHtml(footer)}</p>
</body>
</html>`;
  const text = [...paragraphs, `${action.label}: ${action.url}`, footer].join('\n\n');
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

export function invitationEmail(input: InvitationEmail): Omit<OutgoingMail, 'messageId'> {
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

export function addedToAccountEmail(input: Omit<InvitationEmail, 'expiresAt'>): Omit<OutgoingMail, 'messageId'> {
  const t = translator(input.locale);
  const values = { inviter: input.inviterName, account: input.accountName, role: t(roleMessages[input.role] ?? messages.roleViewer) };
  const body = layout(input.locale, [t(messages.addedIntro, values)], { label: t(messages.addedAction), url: input.url }, '');
  return { to: input.to, subject: t(messages.addedSubject, values), ...body };
}
