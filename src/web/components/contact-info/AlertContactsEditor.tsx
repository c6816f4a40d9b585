import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CheckboxGroup } from 'react-aria-components';
import { Link } from 'react-router';
import type { Member } from '../../types';
import { Badge } from '../Badge';
import { Checkbox } from '../Checkbox';
import { Loading } from '../Feedback';
import { useFormApi } from './FormContext';

interface AlertContactsEditorProps {
  selected: readonly string[];
  /** The account's users (null while loading). */
  members: readonly Member[] | null;
  /** As saved, with names: shown while the list cannot be changed (Sandbox, read-only). */
  saved: readonly { userId: string; email: string; name: string }[];
  /** Everyone ever seen as a user here, by id: someone chosen who has since left is still named. */
  known: ReadonlyMap<string, { email: string; name: string }>;
  onChange: (userIds: string[]) => void;
  /** True while Sandbox is selected: alert contacts can only be changed in Production. */
  sandbox: boolean;
  /** The same page in Production (a path without `env`). */
  productionHref: string;
  /** The shortcut to invite someone (the Users tab, or the Users page); null when the user may not invite. */
  invite: ReactNode;
}

/** Alert contacts are users of the account: picked from the list, never typed. */
export function AlertContactsEditor({ selected, members, saved, known, onChange, sandbox, productionHref, invite }: AlertContactsEditorProps) {
  const intl = useIntl();
  const form = useFormApi();
  const id = form.idOf('alertContacts');

  if (sandbox || form.readOnly) {
    return (
      <div className="stack">
        {sandbox ? (
          <p className="alert alert-info ci-sandbox-note" id={`${id}-sandbox`}>
            <FormattedMessage
              id="contactInfo.alert.sandboxNote"
              defaultMessage="Alert contacts can only be changed while Production is selected: alerts are only raised for Production. {link}"
              values={{
                link: (
                  <Link to={productionHref} className="ci-inline-link">
                    <FormattedMessage id="contactInfo.alert.switchToProduction" defaultMessage="Switch to Production" />
                  </Link>
                ),
              }}
            />
          </p>
        ) : null}
        {saved.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="contactInfo.alert.noneChosen" defaultMessage="No alert contacts are chosen yet." />
          </p>
        ) : (
          <ul className="ci-people" aria-label={intl.formatMessage({ id: 'contactInfo.alert.chosen', defaultMessage: 'Chosen alert contacts' })}>
            {saved.map((person) => (
              <li key={person.userId}>
                <span className="ci-person-name">{person.name || person.email}</span>
                {person.name ? <span className="ci-person-email">{person.email}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  if (members === null) return <Loading />;

  const toggle = (values: string[]) => {
    // Keep the order people were picked in: existing ones first, new ones at the end.
    const kept = selected.filter((userId) => values.includes(userId));
    const added = values.filter((userId) => !kept.includes(userId));
    onChange([...kept, ...added]);
    form.touch('alertContacts');
  };

  // Chosen, but no longer a user of the account (removed meanwhile): listed so the box can be cleared.
  const departed = selected.filter((userId) => !members.some((m) => m.userId === userId));

  return (
    <div className="stack">
      {members.length === 0 && departed.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="contactInfo.alert.noUsers" defaultMessage="This account has no users yet." />
        </p>
      ) : (
        <CheckboxGroup
          className="ci-people-picker"
          aria-label={intl.formatMessage({ id: 'contactInfo.alert.pickerLabel', defaultMessage: 'Users of the account' })}
          value={[...selected]}
          onChange={toggle}
        >
          {members.map((member) => (
            <Checkbox key={member.userId} value={member.userId} className="ci-person">
              <span className="ci-person-name">{member.name || member.email}</span>
              {member.name ? <span className="ci-person-email">{member.email}</span> : null}
              {member.status === 'invited' ? (
                <Badge tone="neutral"><FormattedMessage id="users.status.invited" defaultMessage="Invited" /></Badge>
              ) : null}
            </Checkbox>
          ))}
          {departed.map((userId) => {
            const person = known.get(userId);
            return (
              <Checkbox key={userId} value={userId} className="ci-person ci-person-departed">
                <span className="ci-person-name">{person?.name || person?.email || userId}</span>
                {person?.name ? <span className="ci-person-email">{person.email}</span> : null}
                <Badge tone="danger"><FormattedMessage id="contactInfo.alert.departed" defaultMessage="No longer a user" /></Badge>
              </Checkbox>
            );
          })}
        </CheckboxGroup>
      )}
      {invite ? <div className="ci-invite">{invite}</div> : null}
    </div>
  );
}
