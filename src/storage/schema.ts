import type { Generated } from 'kysely';

/**
 * Table types. Timestamps are ISO 8601 UTC strings on both dialects (PostgreSQL stores
 * `timestamptz` and the pool parses it back to ISO); booleans are 0/1 integers, because
 * SQLite has no boolean type and one query codebase must serve both.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string | null;
  is_operator: number;
  created_at: string;
  updated_at: string;
  /** The authenticator app's secret (base32) once two-step sign-in is on. */
  totp_secret: Generated<string | null>;
  totp_enabled_at: Generated<string | null>;
  /** A secret shown during enrolment, until a code confirms it. */
  totp_pending_secret: Generated<string | null>;
  /** The time step (Unix time / 30 s) of the last code accepted: a code works once. */
  totp_last_step: Generated<number | null>;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a leaked table does not leak sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: Generated<string | null>;
  address: Generated<string | null>;
}

export interface SignInFailuresTable {
  id: string;
  /** `email:<address>` or `ip:<address>`. */
  key: string;
  failed_at: string;
}

export interface MailboxMessagesTable {
  id: string;
  envelope_from: string;
  /** JSON array of recipient addresses. */
  envelope_to: string;
  from_header: string;
  subject: string;
  text: string;
  html: string | null;
  received_at: string;
}

export interface AccountsTable {
  id: string;
  name: string;
  /** Kept by contact-information writes, so the operators' filter is an index scan. */
  contact_info_complete: number;
  /** The account's default language for contacts that chose none (007_account_language). */
  language: Generated<string>;
  created_at: string;
  updated_at: string;
  /** 1 when the account's admins require two-step sign-in of its users. */
  require_two_step: Generated<number>;
}

export interface AccountIntegrationsTable {
  account_id: string;
  type: string;
  status: 'enabled' | 'disabled';
  status_reason: string | null;
  status_changed_at: string;
}

export interface MembershipsTable {
  account_id: string;
  user_id: string;
  role: 'admin' | 'editor' | 'viewer';
  created_at: string;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  user_id: string;
  account_id: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** One message to one recipient, written in the same transaction as the change that causes it. */
export interface DeliveriesTable {
  id: string;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  /** The notification it belongs to (null for invitations and other notices). */
  notification_id: string | null;
  /** Why this recipient gets it: the contact field, or another reason. */
  reason: string | null;
  status: DeliveryStatus;
  attempts: Generated<number>;
  last_error: Generated<string | null>;
  created_at: string;
  next_attempt_at: string;
  /** The claim: until when, and under which token (only its holder records the outcome). */
  lease_until: Generated<string | null>;
  lease_token: Generated<string | null>;
  sent_at: Generated<string | null>;
  /** The account it concerns (notifications, contact confirmations): a permanent failure marks that account's contact bouncing. */
  account_id: Generated<string | null>;
  /** How it is sent: `email`, or `webhook` (a POST to `recipient`, the destination `webhook_id`; 011_webhooks). */
  channel: Generated<DeliveryChannel>;
  webhook_id: Generated<string | null>;
  /** Extra email headers as JSON (List-Unsubscribe…; 013_unsubscribes). */
  headers: Generated<string | null>;
}

/** An address that opted out of an optional category of one account. */
export interface UnsubscribesTable {
  account_id: string;
  email: string;
  category: string;
  created_at: string;
}

export type DeliveryChannel = 'email' | 'webhook';

/** A webhook destination of an account: an HTTPS URL receiving signed events of some categories. */
export interface WebhooksTable {
  id: string;
  account_id: string;
  url: string;
  /** JSON array of categories. */
  categories: string;
  env: 'production' | 'sandbox';
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  status: 'enabled' | 'disabled';
  /** 1: also receives delivery status events (delivery.sent, delivery.retrying, delivery.failed). */
  delivery_events: number;
  failing_since: string | null;
  disabled_at: string | null;
  created_at: string;
}

export type DeliveryStatus = 'queued' | 'sent' | 'retrying' | 'failed';

export interface ContactInfoTable {
  account_id: string;
  /** Starts at 1 and grows by one with every write; the ETag of the document. */
  version: number;
  /** JSON of the domain's ContactInfo (alert contacts by user id). */
  document: string;
  updated_at: string;
  updated_by: string | null;
}

export interface AuditLogTable {
  id: string;
  account_id: string;
  at: string;
  actor_kind: 'user' | 'service' | 'system';
  actor_id: string | null;
  /** The actor's name at the time, so the log still reads right after renames and removals. */
  actor_name: string;
  action: string;
  /** JSON array of {field, before, after}. */
  changes: string;
}

export interface NotificationsTable {
  id: string;
  account_id: string;
  category: 'alert' | 'emergency' | 'technical' | 'merchant_issue' | 'user_escalation';
  env: 'production' | 'sandbox';
  title: string;
  body: string;
  dedup_key: string | null;
  /** Raised this many times within the dedup window (1 when never repeated). */
  occurrences: Generated<number>;
  /** 1 for a "Send test notification". */
  is_test: Generated<number>;
  /** Liaison's own notifications: a template id and its JSON params, so each email is worded in its reader's language. */
  template: string | null;
  params: string | null;
  created_by_kind: 'user' | 'service' | 'system';
  created_by_id: string | null;
  created_by_name: string;
  created_at: string;
  last_occurred_at: string;
  /** The first acknowledgement of an emergency: when, and by which recipient address. */
  acknowledged_at: Generated<string | null>;
  acknowledged_by: Generated<string | null>;
  /** User escalations: JSON {openNow, nextChangeAt, timeZone} of the partner's support when raised. */
  support_status: Generated<string | null>;
  /** The integration it is about, when the raiser said (012_maintenance). */
  integration: Generated<string | null>;
  /** The maintenance window that held it, and what became of it: held, released, dropped. */
  held_by: Generated<string | null>;
  hold_status: Generated<HoldStatus | null>;
  /** Held until support opens (014_support_calendar). */
  held_until: Generated<string | null>;
}

/** An account's holidays and whether notifications wait for support hours. */
export interface SupportCalendarsTable {
  account_id: string;
  hold_outside_hours: number;
  /** JSON array of {date, name?}. */
  holidays: string;
  updated_at: string;
}

export type HoldStatus = 'held' | 'released' | 'dropped';

/** A maintenance window of one integration of an account. */
export interface MaintenanceWindowsTable {
  id: string;
  account_id: string;
  integration: string;
  starts_at: string;
  ends_at: string;
  reason: string;
  at_end: 'release' | 'drop';
  status: 'scheduled' | 'ended';
  ended_at: string | null;
  created_at: string;
  created_by_name: string;
}

/** One per emergency email: SHA-256 of the token in its Acknowledge link. */
export interface AcknowledgeTokensTable {
  token_hash: string;
  notification_id: string;
  recipient: string;
  created_at: string;
}

/** An emergency's escalation timer: the next step, due at a database-clock time, claimed under a lease. */
export interface EscalationsTable {
  id: string;
  notification_id: string;
  account_id: string;
  step: number;
  status: EscalationStatus;
  due_at: string;
  lease_until: Generated<string | null>;
  lease_token: Generated<string | null>;
  created_at: string;
  resent_at: Generated<string | null>;
  operators_alerted_at: Generated<string | null>;
}

export type EscalationStatus = 'pending' | 'acknowledged' | 'done';

/** One per (account, dedup key) while its window lasts; a repeat inside it counts an occurrence. */
export interface DedupKeysTable {
  account_id: string;
  key: string;
  notification_id: string;
  window_ends_at: string;
}

export interface ServiceTokensTable {
  id: string;
  name: string;
  /** SHA-256 of the token: a leaked table does not leak tokens. */
  token_hash: string;
  /** The one account it may raise notifications for; null: any account. */
  account_id: string | null;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** A password reset link: single use, short-lived, stored by its hash. */
export interface PasswordResetsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  /** SHA-256 of the normalized code. */
  code_hash: string;
  used_at: string | null;
}

/** A sign-in whose password was right and whose two-step code is still due; `id` is the token's hash. */
export interface PendingSignInsTable {
  id: string;
  user_id: string;
  attempts: Generated<number>;
  created_at: string;
  expires_at: string;
}

export interface KnownDevicesTable {
  user_id: string;
  /** SHA-256 of the User-Agent. */
  fingerprint: string;
  first_seen_at: string;
}

/** Changes to one person's own access (password, two-step sign-in, sessions), for them and operators. */
export interface SecurityLogTable {
  id: string;
  user_id: string;
  at: string;
  actor_kind: 'user' | 'service' | 'system';
  actor_id: string | null;
  actor_name: string;
  action: string;
  /** The device (in words) and address the change came from, when known. */
  device: string | null;
  address: string | null;
}

/** One notification to many accounts; `after_account_id` is how far the fan-out has come. */
export interface BroadcastsTable {
  id: string;
  category: 'alert' | 'emergency' | 'technical' | 'merchant_issue' | 'user_escalation';
  env: 'production' | 'sandbox';
  title: string;
  body: string;
  /** Only accounts with this integration; null: every account. */
  integration_type: string | null;
  status: 'running' | 'done';
  accounts_total: number;
  accounts_done: Generated<number>;
  /** Accounts nobody in them receives the category (no_route / production_only). */
  accounts_skipped: Generated<number>;
  deliveries_queued: Generated<number>;
  after_account_id: string | null;
  lease_token: string | null;
  lease_until: string | null;
  created_by_kind: 'user' | 'service' | 'system';
  created_by_id: string | null;
  created_by_name: string;
  created_at: string;
  finished_at: string | null;
}

/** The health of one address of an account's contact information, per contact field it is listed under. */
export interface ContactHealthTable {
  account_id: string;
  address: string;
  purpose: string;
  state: 'unconfirmed' | 'confirmed' | 'bouncing';
  locale: string | null;
  confirmed_at: string | null;
  bouncing_since: string | null;
  /** The last permanent SMTP failure's reply. */
  last_bounce: string | null;
  created_at: string;
  updated_at: string;
}

/** SHA-256 of the token of one confirmation link: one address, one purpose. */
export interface ContactConfirmationTokensTable {
  token_hash: string;
  account_id: string;
  address: string;
  purpose: string;
  created_at: string;
}

/** An account's periodic review of its whole contact information: a timer claimed under a lease. */
export interface ContactReviewsTable {
  account_id: string;
  confirmed_at: string;
  stage: 'remind' | 'stale' | 'done';
  due_at: string;
  reminded_at: string | null;
  stale_since: string | null;
  lease_until: string | null;
  lease_token: string | null;
}

export interface Database {
  contact_health: ContactHealthTable;
  contact_confirmation_tokens: ContactConfirmationTokensTable;
  contact_reviews: ContactReviewsTable;
  broadcasts: BroadcastsTable;
  acknowledge_tokens: AcknowledgeTokensTable;
  escalations: EscalationsTable;
  settings: SettingsTable;
  password_resets: PasswordResetsTable;
  recovery_codes: RecoveryCodesTable;
  pending_sign_ins: PendingSignInsTable;
  known_devices: KnownDevicesTable;
  security_log: SecurityLogTable;
  notifications: NotificationsTable;
  dedup_keys: DedupKeysTable;
  service_tokens: ServiceTokensTable;
  contact_info: ContactInfoTable;
  audit_log: AuditLogTable;
  accounts: AccountsTable;
  account_integrations: AccountIntegrationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  deliveries: DeliveriesTable;
  webhooks: WebhooksTable;
  maintenance_windows: MaintenanceWindowsTable;
  unsubscribes: UnsubscribesTable;
  support_calendars: SupportCalendarsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  mailbox_messages: MailboxMessagesTable;
}
