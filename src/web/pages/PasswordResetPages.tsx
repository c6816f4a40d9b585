import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Form } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { api } from '../api';
import { paths } from '../apiPaths';
import { useDocumentTitle } from '../components/DocumentTitle';
import { errorText } from '../components/Feedback';
import { FormActions } from '../components/FormActions';
import { PublicLayout } from '../components/PublicLayout';
import { TextField } from '../components/TextField';
import { useForm } from '../forms';

/** /forgot-password: asks for an email and always answers the same, whether or not it has an account. */
export function ForgotPasswordPage() {
  const intl = useIntl();
  const form = useForm({ email: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  useDocumentTitle(intl.formatMessage({ id: 'forgot.title', defaultMessage: 'Reset your password' }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ email }) => ({
        email: email.trim() ? undefined : intl.formatMessage({ id: 'login.email.required', defaultMessage: 'Enter your email address.' }),
      }),
      send: async ({ email }) => {
        await api(paths.passwordReset(), { method: 'POST', body: { email: email.trim() } });
        setSentTo(email.trim());
      },
      failed: (error) => ({ fields: {}, form: errorText(intl, error) }),
    });

  return (
    <PublicLayout>
      <h1 className="login-title">
        <FormattedMessage id="forgot.heading" defaultMessage="Reset your password" />
      </h1>
      {sentTo ? (
        <p className="alert alert-info" role="status">
          <FormattedMessage
            id="forgot.sent"
            defaultMessage="If {email} belongs to an account, an email with a link to choose a new password is on its way. The link works once, for one hour."
            values={{ email: <bdi className="value-nowrap">{sentTo}</bdi> }}
          />
        </p>
      ) : (
        <>
          <p className="login-intro">
            <FormattedMessage id="forgot.intro" defaultMessage="Enter the email address you sign in with. We will send a link to choose a new password." />
          </p>
          <Form className="login-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
            <TextField
              label={intl.formatMessage({ id: 'login.email', defaultMessage: 'Email' })}
              type="email"
              autoComplete="username"
              isRequired
              autoFocus
              {...form.field('email')}
            />
            <FormActions error={form.formError} pending={form.pending} submitLabel={intl.formatMessage({ id: 'forgot.submit', defaultMessage: 'Send the link' })} />
          </Form>
        </>
      )}
      <p className="login-forgot">
        <Link to="/login">
          <FormattedMessage id="forgot.back" defaultMessage="Back to sign-in" />
        </Link>
      </p>
    </PublicLayout>
  );
}

/** /reset-password/:token: a new password (twice); every session of the person then ends. */
export function ResetPasswordPage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const form = useForm({ password: '', confirm: '' });
  const [done, setDone] = useState(false);
  useDocumentTitle(intl.formatMessage({ id: 'reset.title', defaultMessage: 'Choose a new password' }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ password, confirm }) => ({
        password:
          password.length >= 12 ? undefined : intl.formatMessage({ id: 'reset.password.short', defaultMessage: 'Use at least 12 characters.' }),
        confirm: confirm === password ? undefined : intl.formatMessage({ id: 'reset.confirm.mismatch', defaultMessage: 'The two passwords are not the same.' }),
      }),
      send: async ({ password }) => {
        await api(paths.passwordResetComplete(), { method: 'POST', body: { token, password } });
        setDone(true);
      },
      failed: (error) => ({ fields: {}, form: errorText(intl, error) }),
    });

  return (
    <PublicLayout>
      <h1 className="login-title">
        <FormattedMessage id="reset.heading" defaultMessage="Choose a new password" />
      </h1>
      {done ? (
        <p className="alert alert-info" role="status">
          <FormattedMessage id="reset.done" defaultMessage="Your password is changed, and every session was signed out. Sign in with the new password." />
        </p>
      ) : (
        <Form className="login-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
          <TextField
            label={intl.formatMessage({ id: 'reset.password', defaultMessage: 'New password' })}
            description={intl.formatMessage({ id: 'reset.password.hint', defaultMessage: 'At least 12 characters.' })}
            type="password"
            autoComplete="new-password"
            isRequired
            autoFocus
            {...form.field('password')}
          />
          <TextField
            label={intl.formatMessage({ id: 'reset.confirm', defaultMessage: 'New password again' })}
            type="password"
            autoComplete="new-password"
            isRequired
            {...form.field('confirm')}
          />
          <FormActions error={form.formError} pending={form.pending} submitLabel={intl.formatMessage({ id: 'reset.submit', defaultMessage: 'Save the new password' })} />
        </Form>
      )}
      <p className="login-forgot">
        <Link to="/login">
          <FormattedMessage id="forgot.back" defaultMessage="Back to sign-in" />
        </Link>
      </p>
    </PublicLayout>
  );
}
