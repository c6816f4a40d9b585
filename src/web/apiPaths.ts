import type { Environment } from './environment';

/**
 * Every address of the API the web app calls, built here and nowhere else: call sites say what
 * they want (`paths.contactInfo(accountId, env)`), so escaping and query strings are done once.
 */

const API = '/api/v1';
const segment = encodeURIComponent;

/** One page of a list endpoint: how many items, and where the previous page ended (none: the first). */
export interface PageParams {
  limit?: number;
  cursor?: string;
}

/** A query string of the defined values only: `{limit: 50, cursor: undefined}` → `?limit=50`. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const account = (accountId: string) => `${API}/accounts/${segment(accountId)}`;
const user = (accountId: string, userId: string) => `${account(accountId)}/users/${segment(userId)}`;
const invitation = (token: string) => `${API}/invitations/${segment(token)}`;

export const paths = {
  session: () => `${API}/session`,
  meta: () => `${API}/meta`,
  integrationTypes: () => `${API}/integration-types`,
  /** The accounts (operators); `contactInfo: 'incomplete'` keeps only those still missing something. */
  accounts: (params: PageParams & { contactInfo?: 'incomplete'; q?: string; sort?: 'name' | '-name' } = {}) => `${API}/accounts${query({ ...params })}`,
  /** Every account with its contact information, as a CSV download (operators). */
  accountsCsv: () => `${API}/operator/accounts.csv`,
  dashboard: () => `${API}/operator/dashboard`,
  /** The latest broadcasts with their progress (GET), or a new one (POST; operators). */
  broadcasts: () => `${API}/operator/broadcasts`,
  account,
  users: (accountId: string, page: PageParams = {}) => `${account(accountId)}/users${query({ ...page })}`,
  user,
  userInvitation: (accountId: string, userId: string) => `${user(accountId, userId)}/invitation`,
  contactInfo: (accountId: string, env: Environment) => `${account(accountId)}/contact-info${query({ env })}`,
  /** Who would receive a notification category now, and from which field. */
  contactInfoRoutes: (accountId: string, category: string, env: Environment) => `${account(accountId)}/contact-info/routes${query({ category, env })}`,
  auditLog: (accountId: string, page: PageParams = {}) => `${account(accountId)}/audit-log${query({ ...page })}`,
  invitation,
  acceptInvitation: (token: string) => `${invitation(token)}/accept`,
  /** An emergency's Acknowledge link: GET shows it, POST acknowledges. */
  acknowledgement: (token: string) => `${API}/acknowledgements/${segment(token)}`,
  /** A contact-confirmation link: GET shows it, POST confirms. */
  contactConfirmation: (token: string) => `${API}/contact-confirmations/${segment(token)}`,
  /** Sends an address its confirmation link again (POST {field, email}). */
  contactConfirmations: (accountId: string) => `${account(accountId)}/contact-info/confirmations`,
  /** Confirms the whole contact information is still right (POST). */
  contactReview: (accountId: string) => `${account(accountId)}/contact-info/review`,
  mailbox: (page: PageParams = {}) => `${API}/operator/mailbox${query({ ...page })}`,
  /** An account's notifications, newest first; `status` keeps those with a delivery in that state. */
  notifications: (accountId: string, params: PageParams & { category?: string; status?: string } = {}) =>
    `${account(accountId)}/notifications${query({ ...params })}`,
  testNotification: (accountId: string) => `${account(accountId)}/contact-info/test`,
  // People's own accounts: sign-in's second step, password reset, profile.
  twoStepSignIn: () => `${API}/session/two-step`,
  passwordReset: () => `${API}/session/password-reset`,
  passwordResetComplete: () => `${API}/session/password-reset/complete`,
  profile: () => `${API}/profile`,
  profilePassword: () => `${API}/profile/password`,
  profileSessions: () => `${API}/profile/sessions`,
  profileSession: (sessionId: string) => `${API}/profile/sessions/${segment(sessionId)}`,
  twoStepSetup: () => `${API}/profile/two-step/setup`,
  twoStepConfirm: () => `${API}/profile/two-step/confirm`,
  twoStepDisable: () => `${API}/profile/two-step/disable`,
  securityLog: (page: PageParams = {}) => `${API}/profile/security-log${query({ ...page })}`,
  accountTwoStepRequirement: (accountId: string) => `${account(accountId)}/two-step-requirement`,
  operatorTwoStepRequirement: () => `${API}/operator/two-step-requirement`,
  /** Who a category would reach now (the recipients preview before sending). */
  routes: (accountId: string, params: { category: string; env?: Environment }) => `${account(accountId)}/contact-info/routes${query({ ...params })}`,
  /** Webhook destinations of an account, one of them, and its delivery log. */
  webhooks: (accountId: string) => `${account(accountId)}/webhooks`,
  webhook: (accountId: string, webhookId: string) => `${account(accountId)}/webhooks/${segment(webhookId)}`,
  webhookAction: (accountId: string, webhookId: string, action: 'test' | 'rotate-secret') => `${account(accountId)}/webhooks/${segment(webhookId)}/${action}`,
  webhookDeliveries: (accountId: string, webhookId: string, page: PageParams = {}) => `${account(accountId)}/webhooks/${segment(webhookId)}/deliveries${query({ ...page })}`,
  /** Maintenance windows of an account's integrations, and ending one now. */
  maintenanceWindows: (accountId: string) => `${account(accountId)}/maintenance-windows`,
  endMaintenanceWindow: (accountId: string, windowId: string) => `${account(accountId)}/maintenance-windows/${segment(windowId)}/end`,
  /** A List-Unsubscribe link: GET says what it is about, POST unsubscribes. */
  unsubscribe: (token: string, category: string) => `${API}/unsubscribe/${segment(token)}${query({ category })}`,
  unsubscribes: (accountId: string) => `${account(accountId)}/unsubscribes`,
  /** Holidays and the business-hours setting; importing an iCalendar file. */
  supportCalendar: (accountId: string) => `${account(accountId)}/support-calendar`,
  importHolidays: (accountId: string) => `${account(accountId)}/support-calendar/import`,
  raiseNotification: (accountId: string) => `${account(accountId)}/notifications`,
  /** Operators switch one integration of an account off (a reason is required) or on again. */
  integrationStatus: (accountId: string, type: string, action: 'disable' | 'enable') => `${account(accountId)}/integrations/${segment(type)}/${action}`,
};
