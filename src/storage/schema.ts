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
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a leaked table does not leak sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
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

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  mailbox_messages: MailboxMessagesTable;
}
