import { defineMessages } from '../i18n/messages';

/** What the CLI says in words (its data is printed as is); en/he/pl like the rest. */
export const cliMessages = defineMessages({
  error: { id: 'cli.error', defaultMessage: 'Error: {message}' },
  operatorCreated: { id: 'cli.operatorCreated', defaultMessage: 'Operator {email} created.' },
  generatedPassword: { id: 'cli.generatedPassword', defaultMessage: 'Password (shown once): {password}' },
  accountCreated: { id: 'cli.accountCreated', defaultMessage: 'Account {name} created ({id}); the invitation goes to {email}.' },
  tokenCreated: { id: 'cli.tokenCreated', defaultMessage: 'Service token {name} created ({id}). Token (shown once): {token}' },
  tokenRevoked: { id: 'cli.tokenRevoked', defaultMessage: 'Service token {id} revoked.' },
  notificationAccepted: {
    id: 'cli.notificationAccepted',
    defaultMessage: 'Notification {id} accepted for {count, plural, one {# recipient} other {# recipients}}.',
  },
  notificationDeduplicated: { id: 'cli.notificationDeduplicated', defaultMessage: 'Repeat of notification {id}: counted, not sent again.' },
  broadcastProgress: { id: 'cli.broadcastProgress', defaultMessage: '{done} of {total} accounts done, {queued} deliveries queued' },
  broadcastAccepted: {
    id: 'cli.broadcastAccepted',
    defaultMessage: 'Broadcast {id}: {total, plural, one {# account} other {# accounts}}, {skipped} without a recipient, {queued, plural, one {# delivery} other {# deliveries}} queued.',
  },
  nextPage: { id: 'cli.nextPage', defaultMessage: 'More accounts follow: --cursor {cursor}' },
  exported: { id: 'cli.exported', defaultMessage: '{count, plural, one {# account} other {# accounts}} exported to {file}.' },
  migrated: { id: 'cli.migrated', defaultMessage: '{count, plural, =0 {The database is up to date.} one {Applied # migration.} other {Applied # migrations.}}' },
});
