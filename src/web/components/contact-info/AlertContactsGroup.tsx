import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import { usePlatformName } from '../../meta';
import type { ContactInfoView, Member } from '../../types';
import { AlertContactsEditor } from './AlertContactsEditor';
import { FIELD_EXPLANATIONS } from './explanations';
import { FieldGroup, useFormApi } from './FormContext';
import type { PersonName } from './useContactInfo';

interface AlertContactsGroupProps {
  selected: readonly string[];
  members: readonly Member[] | null;
  saved: ContactInfoView['alertContacts'];
  known: ReadonlyMap<string, PersonName>;
  sandbox: boolean;
  productionHref: string;
  onChange: (userIds: string[]) => void;
  /** The person may invite users (then a shortcut to do so is offered). */
  canInvite: boolean;
  /** The modal's shortcut to its Users tab. */
  onInvite?: () => void;
  /** The page's link to Configuration → Users. */
  usersHref?: string;
}

/** "Alert contacts": users of the account, picked from a list, with a way to invite someone missing. */
export function AlertContactsGroup({ canInvite, onInvite, usersHref, ...editor }: AlertContactsGroupProps) {
  const platform = usePlatformName();
  const form = useFormApi();
  return (
    <FieldGroup
      field="alertContacts"
      explanation={
        <FormattedMessage {...FIELD_EXPLANATIONS.alertContacts} values={{ platform }} />
      }
    >
      <AlertContactsEditor
        {...editor}
        invite={inviteShortcut({ canInvite, canEdit: !form.readOnly, sandbox: editor.sandbox, onInvite, usersHref })}
      />
    </FieldGroup>
  );
}

type InviteShortcut = Pick<AlertContactsGroupProps, 'canInvite' | 'onInvite' | 'usersHref'> & { canEdit: boolean; sandbox: boolean };

/**
 * "Someone missing?": the Users tab or page for those who may invite (in Production), else whom
 * to ask; null when there is nothing to offer (the editor then leaves out its place).
 */
function inviteShortcut({ canInvite, canEdit, sandbox, onInvite, usersHref }: InviteShortcut): ReactNode {
  if (canInvite && !sandbox) {
    if (onInvite) {
      return (
        <Button className="button button-small" onPress={onInvite}>
          <FormattedMessage id="contactInfo.alert.inviteTab" defaultMessage="Someone missing? Invite a colleague" />
        </Button>
      );
    }
    if (usersHref) {
      return (
        <Link to={usersHref}>
          <FormattedMessage id="contactInfo.alert.inviteLink" defaultMessage="Someone missing? Invite a colleague on the Users page" />
        </Link>
      );
    }
    return null;
  }
  if (!canInvite && canEdit) {
    return (
      <span className="field-description">
        <FormattedMessage id="contactInfo.alert.askAdmin" defaultMessage="Someone missing? An admin of the account can invite them." />
      </span>
    );
  }
  return null;
}
