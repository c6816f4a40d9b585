import { FormattedMessage } from 'react-intl';

/** A membership role in the UI language (unknown roles are shown as sent). */
export function RoleName({ role }: { role: string }) {
  switch (role) {
    case 'admin':
      return <FormattedMessage id="role.admin" defaultMessage="Admin" />;
    case 'editor':
      return <FormattedMessage id="role.editor" defaultMessage="Editor" />;
    case 'viewer':
      return <FormattedMessage id="role.viewer" defaultMessage="Viewer" />;
    default:
      return <>{role}</>;
  }
}
