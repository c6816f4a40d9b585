import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Form } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../api';
import { paths } from '../apiPaths';
import { useDocumentTitle } from '../components/DocumentTitle';
import { ErrorAlert, LoadFailed, Loading } from '../components/Feedback';
import { PublicLayout } from '../components/PublicLayout';
import { TextField } from '../components/TextField';
import { firstInvalid, mapApiError, useFieldErrors } from '../forms';
import { useSession } from '../session';
import type { AcceptInvitationBody, InvitationInfo, Session } from '../types';

const MIN_PASSWORD_LENGTH = 12;

type Field = 'name' | 'password';
const FIELDS: readonly Field[] = ['name', 'password'];

type PageState =
  | { status: 'loading' }
  | { status: 'ready'; invitation: InvitationInfo }
  /** 404: unknown, or already used. */
  | { status: 'invalid' }
  /** 410 invitation_expired. */
  | { status: 'expired' }
  | { status: 'error'; error: unknown };

function failedState(error: unknown): PageState | null {
  if (error instanceof ApiError && error.status === 404) return { status: 'invalid' };
  if (error instanceof ApiError && error.status === 410) return { status: 'expired' };
  return null;
}

/** Where the new member starts: the invitation's account (else their first). */
function landingPath(session: Session, accountId: string): string {
  const memberships = session.memberships;
  const target = memberships.find((m) => m.accountId === accountId) ?? memberships[0];
  return target ? `/accounts/${encodeURIComponent(target.accountId)}` : '/';
}

/** `/invite/{token}` (public): a new person sets a name and password; an existing user confirms theirs. */
export function InvitationPage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { adopt } = useSession();
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    api<InvitationInfo>(paths.invitation(token)).then(
      (invitation) => {
        if (!cancelled) setState({ status: 'ready', invitation });
      },
      (error: unknown) => {
        if (!cancelled) setState(failedState(error) ?? { status: 'error', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, attempt]);

  useDocumentTitle(
    state.status === 'ready'
      ? intl.formatMessage({ id: 'invitation.documentTitle', defaultMessage: 'Invitation to {account}' }, { account: state.invitation.accountName })
      : intl.formatMessage({ id: 'invitation.title', defaultMessage: 'Invitation' }),
  );

  return (
    <PublicLayout>
      {state.status === 'loading' ? (
        <>
          <h1 className="login-title">
            <FormattedMessage id="invitation.title" defaultMessage="Invitation" />
          </h1>
          <Loading />
        </>
      ) : null}
      {state.status === 'invalid' ? (
        <LinkProblem
          title={intl.formatMessage({ id: 'invitation.invalid.title', defaultMessage: 'This link cannot be used' })}
          body={intl.formatMessage({ id: 'invitation.invalid', defaultMessage: 'This link is not valid or was already used.' })}
        />
      ) : null}
      {state.status === 'expired' ? (
        <LinkProblem
          title={intl.formatMessage({ id: 'invitation.expired.title', defaultMessage: 'This invitation has expired' })}
          body={intl.formatMessage({
            id: 'invitation.expired',
            defaultMessage: 'This invitation has expired; ask an admin of the account for a new one.',
          })}
        />
      ) : null}
      {state.status === 'error' ? (
        <>
          <h1 className="login-title">
            <FormattedMessage id="invitation.title" defaultMessage="Invitation" />
          </h1>
          <LoadFailed error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
        </>
      ) : null}
      {state.status === 'ready' ? (
        <AcceptForm
          token={token}
          invitation={state.invitation}
          onLinkFailed={(next) => setState(next)}
          onAccepted={(session) => {
            adopt(session);
            navigate(landingPath(session, state.invitation.accountId), { replace: true });
          }}
        />
      ) : null}
    </PublicLayout>
  );
}

function LinkProblem({ title, body }: { title: string; body: string }) {
  return (
    <>
      <h1 className="login-title">{title}</h1>
      <p className="alert alert-error" role="alert">
        {body}
      </p>
      <p className="login-footer">
        <Link to="/login">
          <FormattedMessage id="invitation.toSignIn" defaultMessage="Go to the sign-in page" />
        </Link>
      </p>
    </>
  );
}

interface AcceptFormProps {
  token: string;
  invitation: InvitationInfo;
  onAccepted: (session: Session) => void;
  onLinkFailed: (state: PageState) => void;
}

function AcceptForm({ token, invitation, onAccepted, onLinkFailed }: AcceptFormProps) {
  const intl = useIntl();
  const isNew = !invitation.existingUser;
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors, clearError] = useFieldErrors<Field>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const refs: Record<Field, RefObject<HTMLInputElement | null>> = { name: useRef(null), password: useRef(null) };

  function focusFirst(fieldErrors: Partial<Record<Field, string>>) {
    const first = firstInvalid(FIELDS, fieldErrors);
    if (first) refs[first].current?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const found: Partial<Record<Field, string>> = {};
    if (isNew && !name.trim()) found.name = intl.formatMessage({ id: 'invitation.name.required', defaultMessage: 'Enter your name.' });
    if (!password) {
      found.password = isNew
        ? intl.formatMessage({ id: 'invitation.password.new.required', defaultMessage: 'Choose a password.' })
        : intl.formatMessage({ id: 'invitation.password.existing.required', defaultMessage: 'Enter your password.' });
    } else if (isNew && password.length < MIN_PASSWORD_LENGTH) {
      found.password = intl.formatMessage(
        { id: 'invitation.password.tooShort', defaultMessage: 'Use at least {min} characters.' },
        { min: MIN_PASSWORD_LENGTH },
      );
    }
    setErrors(found);
    setFormError(null);
    if (found.name || found.password) {
      focusFirst(found);
      return;
    }
    setPending(true);
    try {
      const body: AcceptInvitationBody = isNew ? { name: name.trim(), password } : { password };
      const session = await api<Session>(paths.acceptInvitation(token), { method: 'POST', body });
      onAccepted(session);
    } catch (error) {
      setPending(false);
      const linkState = failedState(error);
      if (linkState) {
        onLinkFailed(linkState);
        return;
      }
      const mapped = mapApiError(intl, error, FIELDS, { invalid_credentials: 'password' });
      setErrors(mapped.fields);
      setFormError(mapped.form);
      focusFirst(mapped.fields);
    }
  }

  return (
    <>
      <h1 className="login-title">
        <FormattedMessage id="invitation.heading" defaultMessage="You're invited to {account}" values={{ account: invitation.accountName }} />
      </h1>
      <p className="login-intro">
        {isNew ? (
          <FormattedMessage
            id="invitation.intro.new"
            defaultMessage="You will sign in as {email}. Tell us your name and choose a password to accept."
            values={{ email: <strong className="invitation-email">{invitation.email}</strong> }}
          />
        ) : (
          <FormattedMessage
            id="invitation.intro.existing"
            defaultMessage="You already have a Liaison sign-in as {email}. Enter its password to accept."
            values={{ email: <strong className="invitation-email">{invitation.email}</strong> }}
          />
        )}
      </p>
      <Form className="login-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        {isNew ? (
          <TextField
            label={intl.formatMessage({ id: 'invitation.name', defaultMessage: 'Name' })}
            name="name"
            autoComplete="name"
            isRequired
            autoFocus
            value={name}
            onChange={(value) => {
              setName(value);
              clearError('name');
            }}
            error={errors.name}
            inputRef={refs.name}
          />
        ) : null}
        <TextField
          label={intl.formatMessage({ id: 'invitation.password', defaultMessage: 'Password' })}
          name="password"
          type="password"
          autoComplete={isNew ? 'new-password' : 'current-password'}
          isRequired
          autoFocus={!isNew}
          value={password}
          onChange={(value) => {
            setPassword(value);
            clearError('password');
          }}
          description={
            isNew
              ? intl.formatMessage(
                  { id: 'invitation.password.hint', defaultMessage: 'At least {min} characters. A few unrelated words make a strong, memorable password.' },
                  { min: MIN_PASSWORD_LENGTH },
                )
              : undefined
          }
          error={errors.password}
          inputRef={refs.password}
        />
        {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
        <Button className={`button button-primary button-block${pending ? ' is-busy' : ''}`} type="submit">
          {intl.formatMessage({ id: 'invitation.submit', defaultMessage: 'Accept invitation' })}
        </Button>
      </Form>
      <p className="login-footer muted">
        <FormattedMessage
          id="invitation.expiresAt"
          defaultMessage="The link works once, until {expiresAt}."
          values={{ expiresAt: intl.formatDate(invitation.expiresAt, { dateStyle: 'long', timeStyle: 'short' }) }}
        />
      </p>
    </>
  );
}
