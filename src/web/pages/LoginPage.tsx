import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Form } from 'react-aria-components';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import { useDocumentTitle } from '../components/DocumentTitle';
import { errorText, Loading, localizedErrorText } from '../components/Feedback';
import { FormActions } from '../components/FormActions';
import { PublicLayout } from '../components/PublicLayout';
import { TextField } from '../components/TextField';
import { useForm } from '../forms';
import { homePath, safeNextPath, useSession } from '../session';

/** /login: email + password; server errors in an alert beside the form, typed values kept. */
export function LoginPage() {
  const intl = useIntl();
  const { state, signIn, completeSignIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));

  const form = useForm({ email: '', password: '' });
  // Password right, two-step sign-in on: the second step asks for a code.
  // (An invitation accepted by someone with two-step sign-in arrives here with its pending sign-in.)
  const location = useLocation();
  const [pendingToken, setPendingToken] = useState<string | null>(() => {
    const state: unknown = location.state;
    return state && typeof state === 'object' && 'pendingToken' in state && typeof state.pendingToken === 'string' ? state.pendingToken : null;
  });
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
        const answer = await signIn(email.trim(), password);
        if ('codeRequired' in answer) {
          setPendingToken(answer.pendingToken);
          return;
        }
        navigate(next ?? homePath(answer), { replace: true });
      },
      // Every failure (a wrong password, too many attempts) is the form's, beside it.
      failed: (error) => {
        setFailure(error);
        return { fields: {}, form: localizedErrorText(intl, error) };
      },
    });

  if (pendingToken) {
    return (
      <CodeStep
        pendingToken={pendingToken}
        onRestart={() => {
          setPendingToken(null);
          form.set('password', '');
        }}
        complete={async (body) => {
          const session = await completeSignIn(body);
          navigate(next ?? homePath(session), { replace: true });
        }}
      />
    );
  }

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
      <p className="login-forgot">
        <Link to="/forgot-password">
          <FormattedMessage id="login.forgot" defaultMessage="Forgot your password?" />
        </Link>
      </p>
    </PublicLayout>
  );
}

/** The second step of a sign-in: a code from the authenticator app, or a recovery code instead. */
function CodeStep({
  pendingToken,
  complete,
  onRestart,
}: {
  pendingToken: string;
  complete: (body: { pendingToken: string; code?: string; recoveryCode?: string }) => Promise<void>;
  onRestart: () => void;
}) {
  const intl = useIntl();
  const [useRecovery, setUseRecovery] = useState(false);
  const form = useForm({ code: '' });
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ code }) => ({
        code: code.trim() ? undefined : intl.formatMessage({ id: 'login.code.required', defaultMessage: 'Enter the code.' }),
      }),
      send: ({ code }) => complete(useRecovery ? { pendingToken, recoveryCode: code.trim() } : { pendingToken, code: code.trim() }),
      failed: (error) =>
        error instanceof ApiError && error.code === 'invalid_code' ? { fields: { code: errorText(intl, error) }, form: null } : { fields: {}, form: errorText(intl, error) },
    });
  return (
    <PublicLayout>
      <h1 className="login-title">
        <FormattedMessage id="login.code.heading" defaultMessage="Two-step sign-in" />
      </h1>
      <p className="login-intro">
        {useRecovery ? (
          <FormattedMessage id="login.code.recoveryIntro" defaultMessage="Enter one of the recovery codes you saved when you set up two-step sign-in. Each code works once." />
        ) : (
          <FormattedMessage id="login.code.intro" defaultMessage="Enter the 6-digit code from your authenticator app." />
        )}
      </p>
      <Form className="login-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <TextField
          key={useRecovery ? 'recovery' : 'code'}
          label={
            useRecovery
              ? intl.formatMessage({ id: 'login.code.recoveryLabel', defaultMessage: 'Recovery code' })
              : intl.formatMessage({ id: 'login.code.label', defaultMessage: 'Code' })
          }
          autoComplete="one-time-code"
          inputMode={useRecovery ? 'text' : 'numeric'}
          isRequired
          autoFocus
          {...form.field('code')}
        />
        <FormActions error={form.formError} pending={form.pending} submitLabel={intl.formatMessage({ id: 'login.code.submit', defaultMessage: 'Continue' })} />
      </Form>
      <p className="login-forgot">
        <Button className="button button-quiet" onPress={() => setUseRecovery((v) => !v)}>
          {useRecovery ? (
            <FormattedMessage id="login.code.useApp" defaultMessage="Use a code from the authenticator app" />
          ) : (
            <FormattedMessage id="login.code.useRecovery" defaultMessage="Use a recovery code instead" />
          )}
        </Button>
      </p>
      <p className="login-forgot">
        <Button className="button button-quiet" onPress={onRestart}>
          <FormattedMessage id="login.code.restart" defaultMessage="Start again" />
        </Button>
      </p>
    </PublicLayout>
  );
}
