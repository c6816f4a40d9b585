import { defineMessages, useIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import { ROLES, type Role } from '../../domain/roles';

export { ROLES };

const ROLE_LABELS: Record<Role, MessageDescriptor> = defineMessages({
  admin: { id: 'role.admin', defaultMessage: 'Admin' },
  editor: { id: 'role.editor', defaultMessage: 'Editor' },
  viewer: { id: 'role.viewer', defaultMessage: 'Viewer' },
});

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A membership role in the UI language (unknown roles are shown as sent). */
export function roleLabel(intl: IntlShape, role: string): string {
  return isRole(role) ? intl.formatMessage(ROLE_LABELS[role]) : role;
}

/** The roles as options of a picker, from most to least powerful. */
export function roleOptions(intl: IntlShape): { id: Role; label: string }[] {
  return ROLES.map((role) => ({ id: role, label: roleLabel(intl, role) }));
}

export function RoleName({ role }: { role: string }) {
  const intl = useIntl();
  return <>{roleLabel(intl, role)}</>;
}
