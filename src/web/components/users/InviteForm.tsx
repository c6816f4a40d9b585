import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Form } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { firstInvalid, mapApiError, useFieldErrors } from '../../forms';
import type { AddUserBody, Member, Role } from '../../types';
import { ErrorAlert } from '../Feedback';
import { isRole, roleOptions } from '../RoleName';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';

type Field = 'email' | 'role';
const FIELDS: readonly Field[] = ['email', 'role'];

/** "Email", "Role", button "Invite": gives a person access (a new person gets an invitation email). */
export function InviteForm({ accountId, onInvited, headingLevel = 2 }: { accountId: string; onInvited: (member: Member) => void; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const intl = useIntl();
  const headingId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [errors, setErrors, clearError] = useFieldErrors<Field>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    if (!email.trim()) {
      setErrors({ email: intl.formatMessage({ id: 'users.invite.email.required', defaultMessage: 'Enter the email address of the person to invite.' }) });
      emailRef.current?.focus();
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const body: AddUserBody = { email: email.trim(), role };
      const member = await api<Member>(paths.users(accountId), { method: 'POST', body });
      setEmail('');
      onInvited(member);
    } catch (error) {
      const mapped = mapApiError(intl, error, FIELDS, { already_member: 'email' });
      setErrors(mapped.fields);
      setFormError(mapped.form);
      if (firstInvalid(FIELDS, mapped.fields) === 'email') emailRef.current?.focus();
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="panel invite-panel" aria-labelledby={headingId}>
      <Heading className="panel-title" id={headingId}>
        <FormattedMessage id="users.invite.heading" defaultMessage="Invite a user" />
      </Heading>
      <Form className="form-row" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <div className="form-row-grow">
          <TextField
            label={intl.formatMessage({ id: 'users.invite.email', defaultMessage: 'Email' })}
            name="email"
            type="email"
            autoComplete="off"
            isRequired
            value={email}
            onChange={(value) => {
              setEmail(value);
              clearError('email');
            }}
            error={errors.email}
            inputRef={emailRef}
          />
        </div>
        <SelectField
          layout="stacked"
          name="role"
          label={intl.formatMessage({ id: 'users.invite.role', defaultMessage: 'Role' })}
          options={roleOptions(intl)}
          value={role}
          onChange={(value) => {
            if (isRole(value)) setRole(value);
            clearError('role');
          }}
          error={errors.role}
        />
        <Button type="submit" className={`button button-primary form-row-button${pending ? ' is-busy' : ''}`}>
          {intl.formatMessage({ id: 'users.invite.submit', defaultMessage: 'Invite' })}
        </Button>
      </Form>
      <p className="field-description">
        <FormattedMessage
          id="users.invite.hint"
          defaultMessage="Admins manage users; editors change the contact information; viewers can only read. A new person gets an email with a link that works for 7 days."
        />
      </p>
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
    </section>
  );
}
