import { describe, expect, it } from 'vitest';
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
  'integrations.manage',
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
    'integrations.manage': 'forbidden',
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
    'integrations.manage': 'forbidden',
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
    'integrations.manage': 'forbidden',
  },
};

describe('roles', () => {
  it('are admin, editor and viewer, most powerful first', () => {
    expect(ROLES).toEqual(['admin', 'editor', 'viewer']);
  });
});

describe('decide', () => {
  it.each(PERMISSIONS)('allows an operator %s, with or without a membership', (permission) => {
    expect(decide({ isOperator: true, role: null }, permission)).toBe('allow');
    for (const role of ROLES) expect(decide({ isOperator: true, role }, permission)).toBe('allow');
  });

  it.each(PERMISSIONS)('answers not_found to a non-member for %s (nothing is revealed)', (permission) => {
    expect(decide({ isOperator: false, role: null }, permission)).toBe('not_found');
  });

  for (const role of ROLES) {
    it.each(PERMISSIONS)(`${role}: %s`, (permission) => {
      expect(decide({ isOperator: false, role }, permission)).toBe(EXPECTED[role][permission]);
    });
  }

  it('lets viewers read but not write contact information or manage users', () => {
    const viewer = { isOperator: false, role: 'viewer' as const };
    expect(decide(viewer, 'contactInfo.read')).toBe('allow');
    expect(decide(viewer, 'contactInfo.write')).toBe('forbidden');
    expect(decide(viewer, 'users.manage')).toBe('forbidden');
  });

  it('lets editors write contact information but not manage users', () => {
    const editor = { isOperator: false, role: 'editor' as const };
    expect(decide(editor, 'contactInfo.write')).toBe('allow');
    expect(decide(editor, 'users.manage')).toBe('forbidden');
  });

  it('lets admins manage users and write contact information', () => {
    const admin = { isOperator: false, role: 'admin' as const };
    expect(decide(admin, 'users.manage')).toBe('allow');
    expect(decide(admin, 'contactInfo.write')).toBe('allow');
  });

  it('keeps sending notifications and switching integrations to operators', () => {
    for (const role of ROLES) {
      expect(decide({ isOperator: false, role }, 'notifications.send')).toBe('forbidden');
      expect(decide({ isOperator: false, role }, 'integrations.manage')).toBe('forbidden');
    }
  });

  it('gives every role at least what the roles below it have', () => {
    const allowed = (role: Role) => PERMISSIONS.filter((p) => decide({ isOperator: false, role }, p) === 'allow');
    expect(allowed('editor').every((p) => allowed('admin').includes(p))).toBe(true);
    expect(allowed('viewer').every((p) => allowed('editor').includes(p))).toBe(true);
    expect(allowed('admin').length).toBeGreaterThan(allowed('editor').length);
    expect(allowed('editor').length).toBeGreaterThan(allowed('viewer').length);
  });
});
