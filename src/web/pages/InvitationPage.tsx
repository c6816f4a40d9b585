import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Form } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../api';
import { paths } from '../apiPaths';
import { Checkbox } from '../components/Checkbox';
import { useDocumentTitle } from '../components/DocumentTitle';
import { LoadFailed, Loading } from '../components/Feedback';
import { FormActions } from '../components/FormActions';
import { PublicLayout } from '../components/PublicLayout';
import { RoleName } from '../components/RoleName';
import { TextField } from '../components/TextField';
import { useForm } from '../forms';
import { useSession } from '../session';
import type { AcceptInvitationBody, CodeRequired, InvitationInfo, Session } from '../types';

const MIN_PASSWORD_LENGTH = 12;

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
  const navigate = useNavigate();
  const intl = useIntl();
  const isNew = !invitation.existingUser;
  const form = useForm({ name: '', password: '' }, { invalid_credentials: 'password' });
  const [showPassword, setShowPassword] = useState(false);

  const passwordProblem = (password: string): string | undefined => {
    if (!password) {
      return isNew
        ? intl.formatMessage({ id: 'invitation.password.new.required', defaultMessage: 'Choose a password.' })
        : intl.formatMessage({ id: 'invitation.password.existing.required', defaultMessage: 'Enter your password.' });
    }
    if (isNew && password.length < MIN_PASSWORD_LENGTH) {
      return intl.formatMessage({ id: 'invitation.password.tooShort', defaultMessage: 'Use at least {min} characters.' }, { min: MIN_PASSWORD_LENGTH });
    }
    return undefined;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ name, password }) => ({
        name: isNew && !name.trim() ? intl.formatMessage({ id: 'invitation.name.required', defaultMessage: 'Enter your name.' }) : undefined,
        password: passwordProblem(password),
      }),
      send: async ({ name, password }) => {
        const body: AcceptInvitationBody = isNew ? { name: name.trim(), password } : { password };
        const session = await api<Session | CodeRequired>(paths.acceptInvitation(token), { method: 'POST', body }).catch((error: unknown) => {
          // A link that stopped working meanwhile is the page's business, not the form's.
          const linkState = failedState(error);
          if (!linkState) throw error;
          onLinkFailed(linkState);
          return null;
        });
        // Two-step sign-in on: the sign-in page asks for the code (the invitation is accepted already).
        if (session && 'codeRequired' in session) navigate('/login', { state: { pendingToken: session.pendingToken } });
        else if (session) onAccepted(session);
      },
    });

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
      <dl className="invitation-facts">
        <div>
          <dt>
            <FormattedMessage id="invitation.facts.account" defaultMessage="Account" />
          </dt>
          <dd>
            <bdi>{invitation.accountName}</bdi>
          </dd>
        </div>
        {invitation.role ? (
          <div>
            <dt>
              <FormattedMessage id="invitation.facts.role" defaultMessage="Your role" />
            </dt>
            <dd>
              <RoleName role={invitation.role} />
            </dd>
          </div>
        ) : null}
        {invitation.invitedBy ? (
          <div>
            <dt>
              <FormattedMessage id="invitation.facts.invitedBy" defaultMessage="Invited by" />
            </dt>
            <dd>
              <bdi>{invitation.invitedBy.name || invitation.invitedBy.email}</bdi>
              {invitation.invitedBy.name ? (
                // The address on a line of its own, isolated: in Hebrew its punctuation stays where it belongs.
                <bdi className="muted invitation-inviter-email">{invitation.invitedBy.email}</bdi>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      <Form className="login-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        {/* For password managers: the account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
        {isNew ? (
          <TextField
            label={intl.formatMessage({ id: 'invitation.name', defaultMessage: 'Name' })}
            autoComplete="name"
            isRequired
            autoFocus
            {...form.field('name')}
          />
        ) : null}
        <TextField
          label={intl.formatMessage({ id: 'invitation.password', defaultMessage: 'Password' })}
          type={showPassword ? 'text' : 'password'}
          autoComplete={isNew ? 'new-password' : 'current-password'}
          isRequired
          autoFocus={!isNew}
          description={
            isNew
              ? intl.formatMessage(
                  { id: 'invitation.password.hint', defaultMessage: 'At least {min} characters. A few unrelated words make a strong, memorable password.' },
                  { min: MIN_PASSWORD_LENGTH },
                )
              : undefined
          }
          {...form.field('password')}
        />
        <Checkbox className="show-password" isSelected={showPassword} onChange={setShowPassword}>
          <FormattedMessage id="invitation.showPassword" defaultMessage="Show password" />
        </Checkbox>
        <FormActions
          error={form.formError}
          pending={form.pending}
          submitLabel={intl.formatMessage({ id: 'invitation.submit', defaultMessage: 'Accept invitation' })}
        />
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
