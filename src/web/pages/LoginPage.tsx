import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Form } from 'react-aria-components';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../components/DocumentTitle';
import { Loading, localizedErrorText } from '../components/Feedback';
import { FormActions } from '../components/FormActions';
import { PublicLayout } from '../components/PublicLayout';
import { TextField } from '../components/TextField';
import { useForm } from '../forms';
import { homePath, safeNextPath, useSession } from '../session';

/** /login: email + password; server errors in an alert beside the form, typed values kept. */
export function LoginPage() {
  const intl = useIntl();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));

  const form = useForm({ email: '', password: '' });
  // The last failure itself, not its text: after a language switch it is said in the new language.
  const [failure, setFailure] = useState<unknown>(null);

  useDocumentTitle(intl.formatMessage({ id: 'login.title', defaultMessage: 'Sign in' }));

  if (state.status === 'signedIn' && !form.pending) {
    return <Navigate to={next ?? homePath(state.session)} replace />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ email, password }) => {
        setFailure(null);
        return {
          email: email.trim() ? undefined : intl.formatMessage({ id: 'login.email.required', defaultMessage: 'Enter your email address.' }),
          password: password ? undefined : intl.formatMessage({ id: 'login.password.required', defaultMessage: 'Enter your password.' }),
        };
      },
      send: async ({ email, password }) => {
        const session = await signIn(email.trim(), password);
        navigate(next ?? homePath(session), { replace: true });
      },
      // Every failure (a wrong password, too many attempts) is the form's, beside it.
      failed: (error) => {
        setFailure(error);
        return { fields: {}, form: localizedErrorText(intl, error) };
      },
    });

  return (
    <PublicLayout>
      <h1 className="login-title">
        <FormattedMessage id="login.heading" defaultMessage="Sign in to Liaison" />
      </h1>
      <p className="login-intro">
        <FormattedMessage id="login.intro" defaultMessage="The partner portal for your integration's contacts and notifications." />
      </p>
      {state.status === 'signedOut' && state.reason === 'expired' && !form.formError && !failure ? (
        <p className="alert alert-info" role="status">
          <FormattedMessage id="login.expired" defaultMessage="Your session has ended. Sign in again to continue." />
        </p>
      ) : null}
      {state.status === 'loading' ? <Loading /> : null}
      <Form className="login-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <TextField
          label={intl.formatMessage({ id: 'login.email', defaultMessage: 'Email' })}
          type="email"
          autoComplete="username"
          isRequired
          autoFocus
          {...form.field('email')}
        />
        <TextField
          label={intl.formatMessage({ id: 'login.password', defaultMessage: 'Password' })}
          type="password"
          autoComplete="current-password"
          isRequired
          {...form.field('password')}
        />
        <FormActions error={failure ? localizedErrorText(intl, failure) : form.formError} pending={form.pending} submitLabel={intl.formatMessage({ id: 'login.submit', defaultMessage: 'Sign in' })} />
      </Form>
    </PublicLayout>
  );
}
