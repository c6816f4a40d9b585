import { isPlatform, type Principal } from './principal';

/** Partner roles, from most to least powerful. */
export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a caller may do inside one account. Every account route names exactly one. */
export type Permission =
  | 'account.read'
  | 'users.read'
  | 'users.manage'
  | 'contactInfo.read'
  | 'contactInfo.write'
  | 'auditLog.read'
  | 'notifications.read'
  | 'notifications.send'
  | 'notifications.test'
  | 'integrations.manage'
  | 'webhooks.read'
  | 'webhooks.manage'
  | 'maintenance.manage';

const PARTNER_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    'account.read',
    'users.read',
    'users.manage',
    'contactInfo.read',
    'contactInfo.write',
    'auditLog.read',
    'notifications.read',
    'notifications.test',
    'webhooks.read',
    'webhooks.manage',
    'maintenance.manage',
  ]),
  editor: new Set<Permission>([
    'account.read',
    'users.read',
    'contactInfo.read',
    'contactInfo.write',
    'auditLog.read',
    'notifications.read',
    'notifications.test',
    'webhooks.read',
  ]),
  viewer: new Set<Permission>(['account.read', 'users.read', 'contactInfo.read', 'auditLog.read', 'notifications.read', 'webhooks.read']),
};

/** Only operators and service tokens send notifications; only operators switch integrations. */
const OPERATOR_ONLY = new Set<Permission>(['notifications.send', 'integrations.manage']);

/** What a service token may do: raise notifications, nothing else. */
const SERVICE_PERMISSIONS = new Set<Permission>(['notifications.send']);

export type Decision = 'allow' | 'not_found' | 'forbidden';

/**
 * The authorization policy for account resources, in one place, for the server and the web
 * alike. `role` is the principal's role in the account (null when not a member). Outsiders
 * learn nothing (404); members without the permission are told so (403).
 */
export function decide(principal: Principal, role: Role | null, permission: Permission, accountId?: string): Decision {
  if (isPlatform(principal)) return 'allow';
  if (principal.kind === 'service') {
    // A token bound to one account knows of no other.
    if (principal.token.accountId !== null && accountId !== undefined && principal.token.accountId !== accountId) return 'not_found';
    return SERVICE_PERMISSIONS.has(permission) ? 'allow' : 'not_found';
  }
  if (principal.kind !== 'user' || role === null) return 'not_found';
  if (OPERATOR_ONLY.has(permission)) return 'forbidden';
  return PARTNER_PERMISSIONS[role].has(permission) ? 'allow' : 'forbidden';
}
