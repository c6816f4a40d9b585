import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { ApiError, api } from '../api';
import { paths } from '../apiPaths';
import { useDocumentTitle } from '../components/DocumentTitle';
import { ErrorAlert, LoadFailed, Loading } from '../components/Feedback';
import { PublicLayout } from '../components/PublicLayout';
import type { Acknowledgement } from '../types';

type PageState =
  | { status: 'loading' }
  | { status: 'ready'; ack: Acknowledgement }
  | { status: 'invalid' }
  | { status: 'error'; error: unknown };

/**
 * `/ack/{token}` (public): the Acknowledge link of an emergency email. Opening it only shows the
 * emergency (mail scanners and link previews open links too); the button acknowledges it.
 */
export function AcknowledgePage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [sendError, setSendError] = useState<unknown>();

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    api<Acknowledgement>(paths.acknowledgement(token)).then(
      (ack) => {
        if (!cancelled) setState({ status: 'ready', ack });
      },
      (error: unknown) => {
        if (cancelled) return;
        setState(error instanceof ApiError && error.status === 404 ? { status: 'invalid' } : { status: 'error', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, attempt]);

  const title = intl.formatMessage({ id: 'acknowledge.title', defaultMessage: 'Acknowledge an emergency' });
  useDocumentTitle(title);

  const acknowledge = async () => {
    setPending(true);
    setSendError(undefined);
    try {
      setState({ status: 'ready', ack: await api<Acknowledgement>(paths.acknowledgement(token), { method: 'POST' }) });
    } catch (error) {
      setSendError(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <PublicLayout>
      <h1 className="login-title">{title}</h1>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {state.status === 'invalid' ? (
        <p className="alert alert-error" role="alert">
          <FormattedMessage id="acknowledge.invalid" defaultMessage="This link is not valid." />
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <p className="login-intro">
            <FormattedMessage
              id="acknowledge.intro"
              defaultMessage="Emergency for {account}, raised {raisedAt}:"
              values={{ account: <strong>{state.ack.accountName}</strong>, raisedAt: intl.formatDate(state.ack.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) }}
            />
          </p>
          <p className="ack-title" dir="auto">
            <strong>{state.ack.title}</strong>
          </p>
          {state.ack.body ? (
            <p className="ack-body" dir="auto">
              {state.ack.body}
            </p>
          ) : null}
          {state.ack.acknowledgedAt ? (
            <div className={state.ack.acknowledgedNow ? 'alert alert-success' : 'alert alert-info'} role="status">
              {state.ack.acknowledgedNow ? (
                <FormattedMessage id="acknowledge.done" defaultMessage="Acknowledged. Thank you: the escalation has stopped." />
              ) : (
                <FormattedMessage
                  id="acknowledge.already"
                  defaultMessage="Already acknowledged by {email} on {at}."
                  values={{
                    email: <bdi>{state.ack.acknowledgedBy}</bdi>,
                    at: intl.formatDate(state.ack.acknowledgedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  }}
                />
              )}
            </div>
          ) : (
            <>
              <p>
                <FormattedMessage
                  id="acknowledge.explain"
                  defaultMessage="Acknowledge it to tell everyone it is being handled: it is then not sent again, nor escalated to the operators. You acknowledge as {email}."
                  values={{ email: <bdi>{state.ack.recipient}</bdi> }}
                />
              </p>
              {sendError ? <ErrorAlert error={sendError} /> : null}
              {/* Not React Aria's isPending: the button goes away on success, and its pending announcement would point at it (axe: role-img-alt). */}
              <Button className={pending ? 'button button-primary is-busy' : 'button button-primary'} isDisabled={pending} onPress={() => void acknowledge()}>
                <FormattedMessage id="acknowledge.button" defaultMessage="Acknowledge" />
              </Button>
            </>
          )}
        </>
      ) : null}
    </PublicLayout>
  );
}
