/**
 * The shapes the web app exchanges with the server, taken from the server's own contract
 * (src/contract) so the two cannot drift apart. Type-only imports: no zod in the bundle.
 */
import type { z } from 'zod';
import type {
  acceptInvitationBody,
  accountDetail,
  accountListItem,
  accountSummary,
  accountsPage,
  addUserBody,
  changeRoleBody,
  createAccountBody,
  integrationType,
  invitationInfo,
  member,
  membersPage,
} from '../contract/accounts';
import type { auditEntry, auditPage, contactConfirmation, contactInfoView, reviewResponse, routesResponse } from '../contract/contact-info';
import type { mailboxMessage, mailboxPage } from '../contract/mailbox';
import type { acceptedNotification, acknowledgement, delivery, notification, notificationsPage } from '../contract/notifications';
import type { metaResponse } from '../contract/meta';
import type { supportCalendar } from '../contract/support-calendar';
import type { unsubscribesList, unsubscribeView } from '../contract/unsubscribe';
import type { createMaintenanceBody, maintenanceList, maintenanceWindow } from '../contract/maintenance';
import type { createWebhookBody, webhook, webhookDelivery, webhookDeliveriesPage, webhookList, webhookWithSecret } from '../contract/webhooks';
import type { membership, sessionResponse, sessionUser, codeRequiredResponse } from '../contract/session';
import type { profileResponse, recoveryCodesResponse, securityEntry, securityLogResponse, twoStepSetupResponse } from '../contract/profile';

export type { ContactField } from '../domain/contact-fields';
export type { Role } from '../domain/roles';

export type Session = z.infer<typeof sessionResponse>;
export type SessionUser = z.infer<typeof sessionUser>;
export type Membership = z.infer<typeof membership>;

export type IntegrationType = z.infer<typeof integrationType>;
export type AccountSummary = z.infer<typeof accountSummary>;
export type AccountDetail = z.infer<typeof accountDetail>;
export type AccountListItem = z.infer<typeof accountListItem>;
export type AccountsPage = z.infer<typeof accountsPage>;
/** Request bodies are what the client sends, before the server's trimming and defaults. */
export type CreateAccountBody = z.input<typeof createAccountBody>;

export type Member = z.infer<typeof member>;
export type MembersPage = z.infer<typeof membersPage>;
export type AddUserBody = z.input<typeof addUserBody>;
export type ChangeRoleBody = z.input<typeof changeRoleBody>;

export type InvitationInfo = z.infer<typeof invitationInfo>;
export type AcceptInvitationBody = z.input<typeof acceptInvitationBody>;

export type MailboxMessage = z.infer<typeof mailboxMessage>;
export type MailboxPage = z.infer<typeof mailboxPage>;

export type ContactInfoView = z.infer<typeof contactInfoView>;
export type ContactHealthItem = ContactInfoView['contactHealth'][number];
export type ContactConfirmation = z.infer<typeof contactConfirmation>;
export type ContactReview = z.infer<typeof reviewResponse>;
export type RoutesResponse = z.infer<typeof routesResponse>;
export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditPage = z.infer<typeof auditPage>;

/** Facts about this installation, known before anyone signs in. */
export type Meta = z.infer<typeof metaResponse>;

export type Notification = z.infer<typeof notification>;
export type NotificationsPage = z.infer<typeof notificationsPage>;
export type Delivery = z.infer<typeof delivery>;
export type AcceptedNotification = z.infer<typeof acceptedNotification>;
export type Acknowledgement = z.infer<typeof acknowledgement>;
/** People's own accounts. */
export type CodeRequired = z.infer<typeof codeRequiredResponse>;
export type Profile = z.infer<typeof profileResponse>;
export type TwoStepSetup = z.infer<typeof twoStepSetupResponse>;
export type RecoveryCodes = z.infer<typeof recoveryCodesResponse>;
export type SecurityEntry = z.infer<typeof securityEntry>;
export type SecurityLogPage = z.infer<typeof securityLogResponse>;
export type Dashboard = z.infer<typeof import('../contract/operator').dashboard>;
export type Broadcast = z.infer<typeof import('../contract/operator').broadcast>;

export type WebhookView = z.infer<typeof webhook>;
export type WebhookWithSecret = z.infer<typeof webhookWithSecret>;
export type WebhookList = z.infer<typeof webhookList>;
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
export type WebhookDeliveriesPage = z.infer<typeof webhookDeliveriesPage>;
export type CreateWebhookBody = z.input<typeof createWebhookBody>;

export type MaintenanceWindowView = z.infer<typeof maintenanceWindow>;
export type MaintenanceList = z.infer<typeof maintenanceList>;
export type CreateMaintenanceBody = z.input<typeof createMaintenanceBody>;

export type UnsubscribeView = z.infer<typeof unsubscribeView>;
export type UnsubscribesList = z.infer<typeof unsubscribesList>;

export type SupportCalendarView = z.infer<typeof supportCalendar>;
