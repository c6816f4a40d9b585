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
  | 'integrations.manage';

const PARTNER_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    'account.read',
    'users.read',
    'users.manage',
    'contactInfo.read',
    'contactInfo.write',
    'auditLog.read',
    'notifications.read',
  ]),
  editor: new Set<Permission>(['account.read', 'users.read', 'contactInfo.read', 'contactInfo.write', 'auditLog.read', 'notifications.read']),
  viewer: new Set<Permission>(['account.read', 'users.read', 'contactInfo.read', 'auditLog.read', 'notifications.read']),
};

/** Only operators (and, later, service tokens) send notifications or switch integrations. */
const OPERATOR_ONLY = new Set<Permission>(['notifications.send', 'integrations.manage']);

export type Actor = { isOperator: boolean; role: Role | null };

export type Decision = 'allow' | 'not_found' | 'forbidden';

/**
 * The authorization policy for account resources, in one place. Outsiders learn nothing (404);
 * members without the permission are told so (403).
 */
export function decide(actor: Actor, permission: Permission): Decision {
  if (actor.isOperator) return 'allow';
  if (actor.role === null) return 'not_found';
  if (OPERATOR_ONLY.has(permission)) return 'forbidden';
  return PARTNER_PERMISSIONS[actor.role].has(permission) ? 'allow' : 'forbidden';
}
