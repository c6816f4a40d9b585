import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Form } from 'react-aria-components';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../components/DocumentTitle';
import { ErrorAlert, Loading, errorText } from '../components/Feedback';
import { PublicLayout } from '../components/PublicLayout';
import { TextField } from '../components/TextField';
import { useFieldErrors, type FieldErrors } from '../forms';
import { homePath, safeNextPath, useSession } from '../session';

type Field = 'email' | 'password';

/** /login: email + password; server errors in an alert beside the form, typed values kept. */
export function LoginPage() {
  const intl = useIntl();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors, clearFieldError] = useFieldErrors<Field>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useDocumentTitle(intl.formatMessage({ id: 'login.title', defaultMessage: 'Sign in' }));

  if (state.status === 'signedIn' && !pending) {
    return <Navigate to={next ?? homePath(state.session)} replace />;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const errors: FieldErrors<Field> = {};
    if (!email.trim()) errors.email = intl.formatMessage({ id: 'login.email.required', defaultMessage: 'Enter your email address.' });
    if (!password) errors.password = intl.formatMessage({ id: 'login.password.required', defaultMessage: 'Enter your password.' });
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email || errors.password) {
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setPending(true);
    try {
      const session = await signIn(email.trim(), password);
      navigate(next ?? homePath(session), { replace: true });
    } catch (error) {
      setFormError(errorText(intl, error));
      setPending(false);
    }
  }

  return (
    <PublicLayout>
      <h1 className="login-title">
        <FormattedMessage id="login.heading" defaultMessage="Sign in to Liaison" />
      </h1>
      <p className="login-intro">
        <FormattedMessage id="login.intro" defaultMessage="The partner portal for your integration's contacts and notifications." />
      </p>
      {state.status === 'signedOut' && state.reason === 'expired' && !formError ? (
        <p className="alert alert-info" role="status">
          <FormattedMessage id="login.expired" defaultMessage="Your session has ended. Sign in again to continue." />
        </p>
      ) : null}
      {state.status === 'loading' ? <Loading /> : null}
      <Form className="login-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <TextField
          label={intl.formatMessage({ id: 'login.email', defaultMessage: 'Email' })}
          name="email"
          type="email"
          autoComplete="username"
          isRequired
          autoFocus
          value={email}
          onChange={(value) => {
            setEmail(value);
            clearFieldError('email');
          }}
          error={fieldErrors.email}
          inputRef={emailRef}
        />
        <TextField
          label={intl.formatMessage({ id: 'login.password', defaultMessage: 'Password' })}
          name="password"
          type="password"
          autoComplete="current-password"
          isRequired
          value={password}
          onChange={(value) => {
            setPassword(value);
            clearFieldError('password');
          }}
          error={fieldErrors.password}
          inputRef={passwordRef}
        />
        {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
        {/* No isPending here: the page goes away on success, and React Aria would leave an
            announcement pointing at the vanished button (axe: role-img-alt). */}
        <Button className={`button button-primary button-block${pending ? ' is-busy' : ''}`} type="submit">
          {intl.formatMessage({ id: 'login.submit', defaultMessage: 'Sign in' })}
        </Button>
      </Form>
    </PublicLayout>
  );
}
