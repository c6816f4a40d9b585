import type { Locale } from '../domain/locales';
import { translator } from '../i18n';
import { defineMessages } from '../i18n/messages';
import type { NewEmail } from '../storage/deliveries';
import { layout } from './templates';

/** Emails about a person's own access: the reset link, and notices of changes that matter. */
const messages = defineMessages({
  resetSubject: { id: 'email.passwordReset.subject', defaultMessage: 'Reset your Liaison password' },
  resetIntro: {
    id: 'email.passwordReset.intro',
    defaultMessage: 'Someone asked to reset the password of the Liaison account {email}. If it was you, choose a new password:',
  },
  resetAction: { id: 'email.passwordReset.action', defaultMessage: 'Choose a new password' },
  resetExpiry: {
    id: 'email.passwordReset.expiry',
    defaultMessage: 'The link works once and expires in one hour. If you did not ask for it, ignore this email: your password stays as it is.',
  },
  noticeFooter: {
    id: 'email.securityNotice.footer',
    defaultMessage: 'If this was not you, reset your password at once and tell your admin or the platform.',
  },
  noticeAction: { id: 'email.securityNotice.action', defaultMessage: 'Review your profile' },
  passwordChangedSubject: { id: 'email.passwordChanged.subject', defaultMessage: 'Your Liaison password was changed' },
  passwordChangedIntro: {
    id: 'email.passwordChanged.intro',
    defaultMessage: 'The password of the Liaison account {email} was changed. Every other session was signed out.',
  },
  twoStepOnSubject: { id: 'email.twoStepOn.subject', defaultMessage: 'Two-step sign-in is on for your Liaison account' },
  twoStepOnIntro: {
    id: 'email.twoStepOn.intro',
    defaultMessage: 'Two-step sign-in was turned on for the Liaison account {email}. Signing in now needs a code from your authenticator app.',
  },
  twoStepOffSubject: { id: 'email.twoStepOff.subject', defaultMessage: 'Two-step sign-in is off for your Liaison account' },
  twoStepOffIntro: {
    id: 'email.twoStepOff.intro',
    defaultMessage: 'Two-step sign-in was turned off for the Liaison account {email}. Signing in now needs only the password.',
  },
  newDeviceSubject: { id: 'email.newDevice.subject', defaultMessage: 'New sign-in to your Liaison account' },
  newDeviceIntro: {
    id: 'email.newDevice.intro',
    defaultMessage: 'The Liaison account {email} was signed in to from a device not seen before: {device}, address {address}.',
  },
  unknownDevice: { id: 'email.newDevice.unknownDevice', defaultMessage: 'an unknown device' },
});

export function passwordResetEmail(input: { to: string; locale: Locale; url: string }): NewEmail {
  const t = translator(input.locale);
  const body = layout(input.locale, [t(messages.resetIntro, { email: input.to })], { label: t(messages.resetAction), url: input.url }, t(messages.resetExpiry));
  return { to: input.to, subject: t(messages.resetSubject), ...body };
}

export type SecurityNotice = { kind: 'password_changed' } | { kind: 'two_step_on' } | { kind: 'two_step_off' } | { kind: 'new_device'; device: string | null; address: string | null };

export function securityNoticeEmail(input: { to: string; locale: Locale; publicUrl: string; notice: SecurityNotice }): NewEmail {
  const t = translator(input.locale);
  const email = input.to;
  const notice = input.notice;
  const [subject, intro] = ((): [string, string] => {
    switch (notice.kind) {
      case 'password_changed':
        return [t(messages.passwordChangedSubject), t(messages.passwordChangedIntro, { email })];
      case 'two_step_on':
        return [t(messages.twoStepOnSubject), t(messages.twoStepOnIntro, { email })];
      case 'two_step_off':
        return [t(messages.twoStepOffSubject), t(messages.twoStepOffIntro, { email })];
      case 'new_device':
        return [
          t(messages.newDeviceSubject),
          t(messages.newDeviceIntro, { email, device: notice.device ?? t(messages.unknownDevice), address: notice.address ?? '?' }),
        ];
    }
  })();
  const body = layout(input.locale, [intro], { label: t(messages.noticeAction), url: `${input.publicUrl}/profile` }, t(messages.noticeFooter));
  return { to: input.to, subject, ...body };
}
