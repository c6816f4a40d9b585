import type { HealthField } from '../domain/contact-health';
import type { Locale } from '../domain/locales';
import { translator } from '../i18n';
import { defineMessages } from '../i18n/messages';
import { CONTACT_FIELD_NAMES } from '../i18n/names';
import type { NewEmail } from '../storage/deliveries';
import { layout } from './templates';

/** Emails about the health of the contact information: confirmations, bounces, the periodic review, changes of key contacts. */
const messages = defineMessages({
  confirmSubject: { id: 'email.contactConfirm.subject', defaultMessage: 'Confirm that you read this address for {account}' },
  confirmIntro: {
    id: 'email.contactConfirm.intro',
    defaultMessage: 'The address {email} receives notices listed under "{field}" for {account} on Liaison. Confirm that someone reads it:',
  },
  confirmAction: { id: 'email.contactConfirm.action', defaultMessage: 'Confirm this address' },
  confirmFooter: {
    id: 'email.contactConfirm.footer',
    defaultMessage: 'The link opens a page with a Confirm button; opening it changes nothing. If this address should not receive these notices, tell an admin of {account}.',
  },
  bounceSubject: { id: 'email.contactBounce.subject', defaultMessage: 'Mail to {email} bounces ({account})' },
  bounceIntro: {
    id: 'email.contactBounce.intro',
    defaultMessage: 'Mail to {email}, a contact of {account}, was refused for good by its mail server: "{detail}". Notices to it are not reaching anyone. Correct or replace it on the contact information page.',
  },
  bounceAction: { id: 'email.contactBounce.action', defaultMessage: 'Open the contact information' },
  bounceFooterAdmin: { id: 'email.contactBounce.footer.admin', defaultMessage: 'You receive this because you are an admin of {account}.' },
  bounceFooterOperator: { id: 'email.contactBounce.footer.operator', defaultMessage: 'You receive this because you are an operator of Liaison.' },
  reviewSubject: { id: 'email.contactReview.subject', defaultMessage: 'Is the contact information of {account} still right?' },
  reviewIntro: {
    id: 'email.contactReview.intro',
    defaultMessage: 'The contact information of {account} was last confirmed as a whole on {confirmedAt}. Check it and confirm it with one click. Without that within 30 days, the account is marked stale for the platform.',
  },
  reviewAction: { id: 'email.contactReview.action', defaultMessage: 'Review the contact information' },
  reviewFooter: { id: 'email.contactReview.footer', defaultMessage: 'You receive this because you are an admin of {account}.' },
  changedSubject: { id: 'email.contactChanged.subject', defaultMessage: 'The "{field}" of {account} changed' },
  changedIntro: {
    id: 'email.contactChanged.intro',
    defaultMessage: '{actor} changed the "{field}" of {account} on {at}. Before: {previous}. Now: {current}.',
  },
  changedAction: { id: 'email.contactChanged.action', defaultMessage: 'Open the audit log' },
  changedFooter: {
    id: 'email.contactChanged.footer',
    defaultMessage: 'You receive this because this address was listed there before the change. If the change is unexpected, tell the platform.',
  },
  nobody: { id: 'email.contactChanged.nobody', defaultMessage: '(nobody)' },
});

const date = (locale: Locale, at: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' }).format(new Date(at));

/** The confirmation link's email: what this address receives, for which account; the link opens a page with a Confirm button. */
export function contactConfirmationEmail(input: { to: string; locale: Locale; accountId: string; accountName: string; purpose: HealthField; url: string }): NewEmail {
  const t = translator(input.locale);
  const values = { email: input.to, field: t(CONTACT_FIELD_NAMES[input.purpose]), account: input.accountName };
  const body = layout(input.locale, [t(messages.confirmIntro, values)], { label: t(messages.confirmAction), url: input.url }, t(messages.confirmFooter, values));
  return { to: input.to, subject: t(messages.confirmSubject, values), ...body, accountId: input.accountId, reason: 'contact_confirmation' };
}

/** To an admin of the account or an operator: an address started bouncing. */
export function contactBounceEmail(input: {
  to: string;
  locale: Locale;
  account: { id: string; name: string };
  address: string;
  detail: string;
  reader: 'admin' | 'operator';
  publicUrl: string;
}): NewEmail {
  const t = translator(input.locale);
  const values = { email: input.address, account: input.account.name, detail: input.detail.slice(0, 300) };
  const url =
    input.reader === 'admin'
      ? `${input.publicUrl}/accounts/${input.account.id}/configuration/contact-information`
      : `${input.publicUrl}/operator/accounts/${input.account.id}`;
  const footer = input.reader === 'admin' ? t(messages.bounceFooterAdmin, values) : t(messages.bounceFooterOperator);
  const body = layout(input.locale, [t(messages.bounceIntro, values)], { label: t(messages.bounceAction), url }, footer);
  return { to: input.to, subject: t(messages.bounceSubject, values), ...body, reason: 'contact_bounce' };
}

/** To an admin: the yearly review of the whole contact information (the link leads to the portal, where one click confirms it). */
export function contactReviewEmail(input: { to: string; locale: Locale; account: { id: string; name: string }; confirmedAt: string; publicUrl: string }): NewEmail {
  const t = translator(input.locale);
  const values = { account: input.account.name, confirmedAt: date(input.locale, input.confirmedAt) };
  const body = layout(
    input.locale,
    [t(messages.reviewIntro, values)],
    { label: t(messages.reviewAction), url: `${input.publicUrl}/accounts/${input.account.id}/configuration/contact-information#review` },
    t(messages.reviewFooter, values),
  );
  return { to: input.to, subject: t(messages.reviewSubject, values), ...body, reason: 'contact_review' };
}

/** To an address taken off the emergency or platform-only contacts: what changed, when, by whom, and the audit log. */
export function contactChangedEmail(input: {
  to: string;
  locale: Locale;
  account: { id: string; name: string };
  field: HealthField;
  actor: string;
  at: string;
  before: string[];
  now: string[];
  publicUrl: string;
}): NewEmail {
  const t = translator(input.locale);
  const values = {
    field: t(CONTACT_FIELD_NAMES[input.field]),
    account: input.account.name,
    actor: input.actor,
    at: date(input.locale, input.at),
    previous: input.before.length > 0 ? input.before.join(', ') : t(messages.nobody),
    current: input.now.length > 0 ? input.now.join(', ') : t(messages.nobody),
  };
  const body = layout(
    input.locale,
    [t(messages.changedIntro, values)],
    { label: t(messages.changedAction), url: `${input.publicUrl}/accounts/${input.account.id}/audit-log` },
    t(messages.changedFooter),
  );
  return { to: input.to, subject: t(messages.changedSubject, values), ...body, reason: 'contact_changed' };
}
