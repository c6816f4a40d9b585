import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/domain/principal';
import { ROLES, decide, type Decision, type Permission, type Role } from '../../src/domain/roles';

const PERMISSIONS: Permission[] = [
  'account.read',
  'users.read',
  'users.manage',
  'contactInfo.read',
  'contactInfo.write',
  'auditLog.read',
  'notifications.read',
  'notifications.send',
  'notifications.test',
  'integrations.manage',
  'webhooks.read',
  'webhooks.manage',
  'maintenance.manage',
];

/** The whole policy as a table: role × permission. */
const EXPECTED: Record<Role, Record<Permission, Decision>> = {
  admin: {
    'account.read': 'allow',
    'users.read': 'allow',
    'users.manage': 'allow',
    'contactInfo.read': 'allow',
    'contactInfo.write': 'allow',
    'auditLog.read': 'allow',
    'notifications.read': 'allow',
    'notifications.send': 'forbidden',
    'notifications.test': 'allow',
    'integrations.manage': 'forbidden',
    'webhooks.read': 'allow',
    'webhooks.manage': 'allow',
    'maintenance.manage': 'allow',
  },
  editor: {
    'account.read': 'allow',
    'users.read': 'allow',
    'users.manage': 'forbidden',
    'contactInfo.read': 'allow',
    'contactInfo.write': 'allow',
    'auditLog.read': 'allow',
    'notifications.read': 'allow',
    'notifications.send': 'forbidden',
    'notifications.test': 'allow',
    'integrations.manage': 'forbidden',
    'webhooks.read': 'allow',
    'webhooks.manage': 'forbidden',
    'maintenance.manage': 'forbidden',
  },
  viewer: {
    'account.read': 'allow',
    'users.read': 'allow',
    'users.manage': 'forbidden',
    'contactInfo.read': 'allow',
    'contactInfo.write': 'forbidden',
    'auditLog.read': 'allow',
    'notifications.read': 'allow',
    'notifications.send': 'forbidden',
    'notifications.test': 'forbidden',
    'integrations.manage': 'forbidden',
    'webhooks.read': 'allow',
    'webhooks.manage': 'forbidden',
    'maintenance.manage': 'forbidden',
  },
};

describe('roles', () => {
  it('are admin, editor and viewer, most powerful first', () => {
    expect(ROLES).toEqual(['admin', 'editor', 'viewer']);
  });
});

const user = { id: 'u_1', email: 'ana@partner.example', name: 'Ana', locale: null };
const operator: Principal = { kind: 'user', user: { ...user, isOperator: true } };
const partner: Principal = { kind: 'user', user: { ...user, isOperator: false } };

describe('decide', () => {
  it.each(PERMISSIONS)('allows an operator %s, with or without a membership', (permission) => {
    expect(decide(operator, null, permission)).toBe('allow');
    for (const role of ROLES) expect(decide(operator, role, permission)).toBe('allow');
  });

  it.each(PERMISSIONS)('answers not_found to a non-member for %s (nothing is revealed)', (permission) => {
    expect(decide(partner, null, permission)).toBe('not_found');
  });

  for (const role of ROLES) {
    it.each(PERMISSIONS)(`${role}: %s`, (permission) => {
      expect(decide(partner, role, permission)).toBe(EXPECTED[role][permission]);
    });
  }

  it('lets viewers read but not write contact information or manage users', () => {
    const viewer = 'viewer' as const;
    expect(decide(partner, viewer, 'contactInfo.read')).toBe('allow');
    expect(decide(partner, viewer, 'contactInfo.write')).toBe('forbidden');
    expect(decide(partner, viewer, 'users.manage')).toBe('forbidden');
  });

  it('lets editors write contact information but not manage users', () => {
    const editor = 'editor' as const;
    expect(decide(partner, editor, 'contactInfo.write')).toBe('allow');
    expect(decide(partner, editor, 'users.manage')).toBe('forbidden');
  });

  it('lets admins manage users and write contact information', () => {
    const admin = 'admin' as const;
    expect(decide(partner, admin, 'users.manage')).toBe('allow');
    expect(decide(partner, admin, 'contactInfo.write')).toBe('allow');
  });

  it('keeps sending notifications and switching integrations to operators', () => {
    for (const role of ROLES) {
      expect(decide(partner, role, 'notifications.send')).toBe('forbidden');
      expect(decide(partner, role, 'integrations.manage')).toBe('forbidden');
    }
  });

  it('lets a service token raise notifications and nothing else, in its own account only', () => {
    const anyAccount: Principal = { kind: 'service', token: { id: 't1', name: 'monitoring', accountId: null } };
    const oneAccount: Principal = { kind: 'service', token: { id: 't2', name: 'orders', accountId: 'a_1' } };
    for (const permission of PERMISSIONS) {
      expect(decide(anyAccount, null, permission, 'a_1')).toBe(permission === 'notifications.send' ? 'allow' : 'not_found');
    }
    expect(decide(oneAccount, null, 'notifications.send', 'a_1')).toBe('allow');
    expect(decide(oneAccount, null, 'notifications.send', 'a_2')).toBe('not_found');
  });

  it.each(PERMISSIONS)('allows the system (CLI, worker) %s', (permission) => {
    expect(decide({ kind: 'system', name: 'cli' }, null, permission)).toBe('allow');
  });

  it('gives every role at least what the roles below it have', () => {
    const allowed = (role: Role) => PERMISSIONS.filter((p) => decide(partner, role, p) === 'allow');
    expect(allowed('editor').every((p) => allowed('admin').includes(p))).toBe(true);
    expect(allowed('viewer').every((p) => allowed('editor').includes(p))).toBe(true);
    expect(allowed('admin').length).toBeGreaterThan(allowed('editor').length);
    expect(allowed('editor').length).toBeGreaterThan(allowed('viewer').length);
  });
});
