import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Form } from 'react-aria-components';
import { ApiError, api } from '../api';
import { paths } from '../apiPaths';
import { Badge } from '../components/Badge';
import { DataTable } from '../components/DataTable';
import { useDocumentTitle } from '../components/DocumentTitle';
import { ErrorAlert, LoadFailed, Loading } from '../components/Feedback';
import { FormActions } from '../components/FormActions';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useForm } from '../forms';
import { useLocale } from '../i18n/LocaleProvider';
import { SUPPORTED_LOCALES, endonym, isSupportedLocale } from '../i18n/locales';
import { useSession } from '../session';
import type { Profile, RecoveryCodes, SecurityLogPage, TwoStepSetup } from '../types';
import { useResource } from '../useResource';

/** /profile: the person's own account: two-step sign-in, name and language, password, sessions, security log. */
export function ProfilePage() {
  const intl = useIntl();
  const { state, reload } = useResource<Profile>(paths.profile());
  const { locale } = useLocale();
  const log = useResource<SecurityLogPage>(paths.securityLog({ limit: 20 }));
  useDocumentTitle(intl.formatMessage({ id: 'profile.title', defaultMessage: 'Your profile' }));
  const refresh = async () => {
    await Promise.all([reload(), log.reload()]);
  };

  return (
    <main className="page" id="main">
      <PageHeading
        title={<FormattedMessage id="profile.heading" defaultMessage="Your profile" />}
        description={state.status === 'ready' ? <bdi>{state.data.user.email}</bdi> : undefined}
      />
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' ? (
        <div className="profile-sections">
          <TwoStepSection profile={state.data} onChanged={refresh} />
          {/* Keyed by the language shown: a choice made in the header meanwhile shows here too. */}
          <DetailsSection key={locale} profile={state.data} onChanged={refresh} />
          <PasswordSection onChanged={refresh} />
          <SessionsSection profile={state.data} onChanged={refresh} />
          <SecurityLogSection state={log.state} />
        </div>
      ) : null}
    </main>
  );
}

function DetailsSection({ profile, onChanged }: { profile: Profile; onChanged: () => Promise<void> }) {
  const intl = useIntl();
  // The language shown (the user's choice once signed in; the header's picker changes it too).
  const { chooseLocale, locale: shownLocale } = useLocale();
  const { reload } = useSession();
  const form = useForm({ name: profile.user.name });
  const [locale, setLocale] = useState<string>(shownLocale);
  const [saved, setSaved] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ name }) => ({ name: name.trim() ? undefined : intl.formatMessage({ id: 'profile.name.required', defaultMessage: 'Enter your name.' }) }),
      send: async ({ name }) => {
        setSaved(false);
        await api(paths.profile(), { method: 'PATCH', body: { name: name.trim(), ...(isSupportedLocale(locale) ? { locale } : {}) } });
        if (isSupportedLocale(locale)) chooseLocale(locale);
        await Promise.all([onChanged(), reload()]);
        setSaved(true);
      },
    });
  return (
    <section className="profile-section" aria-labelledby="profile-details">
      <h2 id="profile-details">
        <FormattedMessage id="profile.details.heading" defaultMessage="Name and language" />
      </h2>
      <Form className="profile-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <TextField label={intl.formatMessage({ id: 'profile.name', defaultMessage: 'Name' })} autoComplete="name" isRequired {...form.field('name')} />
        <SelectField
          layout="stacked"
          label={intl.formatMessage({ id: 'profile.language', defaultMessage: 'Language' })}
          options={SUPPORTED_LOCALES.map((code) => ({ id: code, label: endonym(code) }))}
          value={locale}
          onChange={setLocale}
        />
        {saved ? (
          <p className="alert alert-info" role="status">
            <FormattedMessage id="profile.details.saved" defaultMessage="Saved." />
          </p>
        ) : null}
        <FormActions error={form.formError} pending={form.pending} submitLabel={intl.formatMessage({ id: 'profile.details.submit', defaultMessage: 'Save' })} />
      </Form>
    </section>
  );
}

function PasswordSection({ onChanged }: { onChanged: () => Promise<void> }) {
  const intl = useIntl();
  const form = useForm({ currentPassword: '', newPassword: '' }, { invalid_credentials: 'currentPassword' });
  const [saved, setSaved] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ currentPassword, newPassword }) => ({
        currentPassword: currentPassword ? undefined : intl.formatMessage({ id: 'login.password.required', defaultMessage: 'Enter your password.' }),
        newPassword: newPassword.length >= 12 ? undefined : intl.formatMessage({ id: 'reset.password.short', defaultMessage: 'Use at least 12 characters.' }),
      }),
      send: async (values) => {
        setSaved(false);
        await api(paths.profilePassword(), { method: 'POST', body: values });
        form.set('currentPassword', '');
        form.set('newPassword', '');
        setSaved(true);
        await onChanged();
      },
    });
  return (
    <section className="profile-section" aria-labelledby="profile-password">
      <h2 id="profile-password">
        <FormattedMessage id="profile.password.heading" defaultMessage="Password" />
      </h2>
      <Form className="profile-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <TextField
          label={intl.formatMessage({ id: 'profile.password.current', defaultMessage: 'Current password' })}
          type="password"
          autoComplete="current-password"
          isRequired
          {...form.field('currentPassword')}
        />
        <TextField
          label={intl.formatMessage({ id: 'reset.password', defaultMessage: 'New password' })}
          description={intl.formatMessage({ id: 'profile.password.hint', defaultMessage: 'At least 12 characters. Your other sessions are signed out.' })}
          type="password"
          autoComplete="new-password"
          isRequired
          {...form.field('newPassword')}
        />
        {saved ? (
          <p className="alert alert-info" role="status">
            <FormattedMessage id="profile.password.saved" defaultMessage="Your password is changed. Your other sessions were signed out." />
          </p>
        ) : null}
        <FormActions error={form.formError} pending={form.pending} submitLabel={intl.formatMessage({ id: 'profile.password.submit', defaultMessage: 'Change password' })} />
      </Form>
    </section>
  );
}

function TwoStepSection({ profile, onChanged }: { profile: Profile; onChanged: () => Promise<void> }) {
  const intl = useIntl();
  const { reload } = useSession();
  const [setup, setSetup] = useState<TwoStepSetup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { enabled, required, recoveryCodesLeft } = profile.twoStep;

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      setSetup(await api<TwoStepSetup>(paths.twoStepSetup(), { method: 'POST' }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const confirm = useForm({ code: '' }, { invalid_code: 'code' });
  const onConfirm = (event: FormEvent<HTMLFormElement>) =>
    confirm.submit(event, {
      check: ({ code }) => ({ code: code.trim() ? undefined : intl.formatMessage({ id: 'login.code.required', defaultMessage: 'Enter the code.' }) }),
      send: async ({ code }) => {
        const answer = await api<RecoveryCodes>(paths.twoStepConfirm(), { method: 'POST', body: { code: code.trim() } });
        setSetup(null);
        setRecoveryCodes(answer.recoveryCodes);
      },
    });

  const turnOff = useForm({ password: '' }, { invalid_credentials: 'password' });
  const onTurnOff = (event: FormEvent<HTMLFormElement>) =>
    turnOff.submit(event, {
      check: ({ password }) => ({ password: password ? undefined : intl.formatMessage({ id: 'login.password.required', defaultMessage: 'Enter your password.' }) }),
      send: async ({ password }) => {
        await api(paths.twoStepDisable(), { method: 'POST', body: { password } });
        turnOff.set('password', '');
        await onChanged();
      },
    });

  return (
    <section className="profile-section" aria-labelledby="profile-two-step">
      <h2 id="profile-two-step">
        <FormattedMessage id="profile.twoStep.heading" defaultMessage="Two-step sign-in" />{' '}
        {enabled ? (
          <Badge tone="success">
            <FormattedMessage id="profile.twoStep.on" defaultMessage="On" />
          </Badge>
        ) : (
          <Badge tone={required ? 'warning' : 'neutral'}>
            <FormattedMessage id="profile.twoStep.off" defaultMessage="Off" />
          </Badge>
        )}
      </h2>
      {required && !enabled ? (
        <p className="alert alert-info" role="status">
          <FormattedMessage
            id="profile.twoStep.requiredNotice"
            defaultMessage="Two-step sign-in is required for your account. Set it up to continue to the portal."
          />
        </p>
      ) : null}
      <p>
        <FormattedMessage
          id="profile.twoStep.intro"
          defaultMessage="Signing in then needs a code from an authenticator app on your phone as well as your password."
        />
      </p>
      {error ? <ErrorAlert error={error} /> : null}

      {recoveryCodes ? (
        <div className="stack">
          <p className="alert alert-info" role="status">
            <FormattedMessage
              id="profile.twoStep.recoveryIntro"
              defaultMessage="Two-step sign-in is on. Save these recovery codes somewhere safe: each one signs you in once if you lose your phone. They are shown only now."
            />
          </p>
          <ul className="recovery-codes" aria-label={intl.formatMessage({ id: 'profile.twoStep.recoveryCodes', defaultMessage: 'Recovery codes' })}>
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code dir="ltr">{code}</code>
              </li>
            ))}
          </ul>
          <div>
            <Button
              className="button button-primary"
              onPress={() => {
                setRecoveryCodes(null);
                void Promise.all([onChanged(), reload()]);
              }}
            >
              <FormattedMessage id="profile.twoStep.savedCodes" defaultMessage="I saved the codes" />
            </Button>
          </div>
        </div>
      ) : enabled ? (
        <>
          <p>
            <FormattedMessage
              id="profile.twoStep.codesLeft"
              defaultMessage="{count, plural, one {# recovery code left} other {# recovery codes left}}."
              values={{ count: recoveryCodesLeft }}
            />
          </p>
          <Form className="profile-form" validationBehavior="aria" onSubmit={(event) => void onTurnOff(event)}>
            <TextField
              label={intl.formatMessage({ id: 'profile.twoStep.offPassword', defaultMessage: 'Password (to turn two-step sign-in off)' })}
              type="password"
              autoComplete="current-password"
              isRequired
              {...turnOff.field('password')}
            />
            <FormActions error={turnOff.formError} pending={turnOff.pending} submitLabel={intl.formatMessage({ id: 'profile.twoStep.turnOff', defaultMessage: 'Turn off two-step sign-in' })} />
          </Form>
        </>
      ) : setup ? (
        <div className="stack">
          <p>
            <FormattedMessage
              id="profile.twoStep.scan"
              defaultMessage="Scan this QR code with your authenticator app, or type the key into it. Then enter the 6-digit code the app shows."
            />
          </p>
          <img className="two-step-qr" src={setup.qrCode} alt={intl.formatMessage({ id: 'profile.twoStep.qrAlt', defaultMessage: 'QR code for your authenticator app' })} />
          <p>
            <FormattedMessage
              id="profile.twoStep.key"
              defaultMessage="Key: {key}"
              values={{
                key: (
                  <code className="two-step-secret" dir="ltr" data-testid="two-step-secret">
                    {setup.secret}
                  </code>
                ),
              }}
            />
          </p>
          <Form className="profile-form" validationBehavior="aria" onSubmit={(event) => void onConfirm(event)}>
            <TextField
              label={intl.formatMessage({ id: 'profile.twoStep.code', defaultMessage: 'Code from the app' })}
              autoComplete="one-time-code"
              inputMode="numeric"
              isRequired
              {...confirm.field('code')}
            />
            <FormActions error={confirm.formError} pending={confirm.pending} submitLabel={intl.formatMessage({ id: 'profile.twoStep.turnOn', defaultMessage: 'Turn on two-step sign-in' })} />
          </Form>
        </div>
      ) : (
        <div>
          <Button className={`button button-primary${busy ? ' is-busy' : ''}`} onPress={() => void start()}>
            <FormattedMessage id="profile.twoStep.setUp" defaultMessage="Set up two-step sign-in" />
          </Button>
        </div>
      )}
    </section>
  );
}

function SessionsSection({ profile, onChanged }: { profile: Profile; onChanged: () => Promise<void> }) {
  const intl = useIntl();
  const [error, setError] = useState<unknown>(null);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      // A session already gone is what was wanted.
      if (!(failure instanceof ApiError && failure.code === 'not_found')) setError(failure);
    }
    await onChanged();
  };
  const others = profile.sessions.filter((s) => !s.current).length;
  return (
    <section className="profile-section" aria-labelledby="profile-sessions">
      <h2 id="profile-sessions">
        <FormattedMessage id="profile.sessions.heading" defaultMessage="Active sessions" />
      </h2>
      {error ? <ErrorAlert error={error} /> : null}
      <DataTable
        caption={<FormattedMessage id="profile.sessions.heading" defaultMessage="Active sessions" />}
        columns={[
          { key: 'device', header: <FormattedMessage id="profile.sessions.device" defaultMessage="Device" /> },
          { key: 'address', header: <FormattedMessage id="profile.sessions.address" defaultMessage="Address" /> },
          { key: 'lastSeen', header: <FormattedMessage id="profile.sessions.lastSeen" defaultMessage="Last seen" /> },
          { key: 'actions', header: <FormattedMessage id="profile.sessions.actions" defaultMessage="Actions" />, hideHeader: true },
        ]}
        rows={profile.sessions}
      >
        {(session) => (
          <tr key={session.id}>
            <td>
              <bdi>{session.device ?? intl.formatMessage({ id: 'profile.sessions.unknownDevice', defaultMessage: 'Unknown device' })}</bdi>
            </td>
            <td>
              <bdi>{session.address ?? '—'}</bdi>
            </td>
            <td>{intl.formatDate(session.lastSeenAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
            <td>
              {session.current ? (
                <Badge tone="success">
                  <FormattedMessage id="profile.sessions.current" defaultMessage="This session" />
                </Badge>
              ) : (
                <Button className="button button-quiet" onPress={() => void run(() => api(paths.profileSession(session.id), { method: 'DELETE' }))}>
                  <FormattedMessage id="profile.sessions.signOut" defaultMessage="Sign out" />
                </Button>
              )}
            </td>
          </tr>
        )}
      </DataTable>
      {others > 0 ? (
        <div className="profile-actions">
          <Button className="button" onPress={() => void run(() => api(paths.profileSessions(), { method: 'DELETE' }))}>
            <FormattedMessage id="profile.sessions.signOutOthers" defaultMessage="Sign out everywhere else" />
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function SecurityLogSection({ state }: { state: ReturnType<typeof useResource<SecurityLogPage>>['state'] }) {
  const intl = useIntl();
  const actionText = (action: string) => {
    switch (action) {
      case 'password.changed':
        return intl.formatMessage({ id: 'security.action.passwordChanged', defaultMessage: 'Password changed' });
      case 'password.reset':
        return intl.formatMessage({ id: 'security.action.passwordReset', defaultMessage: 'Password reset by email link' });
      case 'two_step.enabled':
        return intl.formatMessage({ id: 'security.action.twoStepEnabled', defaultMessage: 'Two-step sign-in turned on' });
      case 'two_step.disabled':
        return intl.formatMessage({ id: 'security.action.twoStepDisabled', defaultMessage: 'Two-step sign-in turned off' });
      case 'sign_in.new_device':
        return intl.formatMessage({ id: 'security.action.newDevice', defaultMessage: 'Sign-in from a new device' });
      case 'sign_in.recovery_code':
        return intl.formatMessage({ id: 'security.action.recoveryCode', defaultMessage: 'Sign-in with a recovery code' });
      case 'session.ended':
        return intl.formatMessage({ id: 'security.action.sessionEnded', defaultMessage: 'A session signed out' });
      case 'session.ended_others':
        return intl.formatMessage({ id: 'security.action.otherSessionsEnded', defaultMessage: 'Signed out everywhere else' });
      default:
        return action;
    }
  };
  return (
    <section className="profile-section" aria-labelledby="profile-security-log">
      <h2 id="profile-security-log">
        <FormattedMessage id="profile.securityLog.heading" defaultMessage="Security log" />
      </h2>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorAlert error={state.error} /> : null}
      {state.status === 'ready' ? (
        <DataTable
          caption={<FormattedMessage id="profile.securityLog.heading" defaultMessage="Security log" />}
          columns={[
            { key: 'at', header: <FormattedMessage id="profile.securityLog.when" defaultMessage="When" /> },
            { key: 'action', header: <FormattedMessage id="profile.securityLog.what" defaultMessage="What" /> },
            { key: 'device', header: <FormattedMessage id="profile.sessions.device" defaultMessage="Device" /> },
            { key: 'address', header: <FormattedMessage id="profile.sessions.address" defaultMessage="Address" /> },
          ]}
          rows={state.data.items}
          empty={<FormattedMessage id="profile.securityLog.empty" defaultMessage="Nothing yet." />}
        >
          {(entry) => (
            <tr key={entry.id}>
              <td>{intl.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td>{actionText(entry.action)}</td>
              <td>
                <bdi>{entry.device ?? '—'}</bdi>
              </td>
              <td>
                <bdi>{entry.address ?? '—'}</bdi>
              </td>
            </tr>
          )}
        </DataTable>
      ) : null}
    </section>
  );
}
