import { useId, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Form } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { useForm } from '../../forms';
import type { AddUserBody, Member, Role } from '../../types';
import { ErrorAlert } from '../Feedback';
import { SubmitButton } from '../FormActions';
import { isRole, roleOptions } from '../RoleName';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';

/** "Email", "Role", button "Invite": gives a person access (a new person gets an invitation email). */
export function InviteForm({ accountId, onInvited, headingLevel = 2 }: { accountId: string; onInvited: (member: Member) => void; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const intl = useIntl();
  const headingId = useId();
  const form = useForm({ email: '', role: 'viewer' as Role }, { already_member: 'email' });

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ email }) => ({
        email: email.trim()
          ? undefined
          : intl.formatMessage({ id: 'users.invite.email.required', defaultMessage: 'Enter the email address of the person to invite.' }),
      }),
      send: async ({ email, role }) => {
        const body: AddUserBody = { email: email.trim(), role };
        const member = await api<Member>(paths.users(accountId), { method: 'POST', body });
        form.set('email', '');
        onInvited(member);
      },
    });

  return (
    <section className="panel invite-panel" aria-labelledby={headingId}>
      <Heading className="panel-title" id={headingId}>
        <FormattedMessage id="users.invite.heading" defaultMessage="Invite a user" />
      </Heading>
      <Form className="form-row" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <div className="form-row-grow">
          <TextField
            label={intl.formatMessage({ id: 'users.invite.email', defaultMessage: 'Email' })}
            type="email"
            autoComplete="off"
            isRequired
            {...form.field('email')}
          />
        </div>
        <SelectField
          layout="stacked"
          name="role"
          label={intl.formatMessage({ id: 'users.invite.role', defaultMessage: 'Role' })}
          options={roleOptions(intl)}
          value={form.values.role}
          onChange={(value) => {
            if (isRole(value)) form.set('role', value);
          }}
          error={form.errors.role}
        />
        <SubmitButton pending={form.pending} className="form-row-button">
          {intl.formatMessage({ id: 'users.invite.submit', defaultMessage: 'Invite' })}
        </SubmitButton>
      </Form>
      <p className="field-description">
        <FormattedMessage
          id="users.invite.hint"
          defaultMessage="Admins manage users; editors change the contact information; viewers can only read. A new person gets an email with a link that works for 7 days."
        />
      </p>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
    </section>
  );
}
