import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { paths } from '../apiPaths';
import { useEmailedLink } from '../useEmailedLink';
import { useDocumentTitle } from '../components/DocumentTitle';
import { ErrorAlert, LoadFailed, Loading } from '../components/Feedback';
import { PublicLayout } from '../components/PublicLayout';
import type { Acknowledgement } from '../types';

/**
 * `/ack/{token}` (public): the Acknowledge link of an emergency email. Opening it only shows the
 * emergency (mail scanners and link previews open links too); the button acknowledges it.
 */
export function AcknowledgePage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const { state, retry, act: acknowledge, pending, actError: sendError } = useEmailedLink<Acknowledgement>(paths.acknowledgement(token));

  const title = intl.formatMessage({ id: 'acknowledge.title', defaultMessage: 'Acknowledge an emergency' });
  useDocumentTitle(title);

  return (
    <PublicLayout>
      <h1 className="login-title">{title}</h1>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={retry} /> : null}
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
              values={{ account: <strong>{state.item.accountName}</strong>, raisedAt: intl.formatDate(state.item.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) }}
            />
          </p>
          <p className="ack-title" dir="auto">
            <strong>{state.item.title}</strong>
          </p>
          {state.item.body ? (
            <p className="ack-body" dir="auto">
              {state.item.body}
            </p>
          ) : null}
          {state.item.acknowledgedAt ? (
            <div className={state.item.acknowledgedNow ? 'alert alert-success' : 'alert alert-info'} role="status">
              {state.item.acknowledgedNow ? (
                <FormattedMessage id="acknowledge.done" defaultMessage="Acknowledged. Thank you: the escalation has stopped." />
              ) : (
                <FormattedMessage
                  id="acknowledge.already"
                  defaultMessage="Already acknowledged by {email} on {at}."
                  values={{
                    email: <bdi>{state.item.acknowledgedBy}</bdi>,
                    at: intl.formatDate(state.item.acknowledgedAt, { dateStyle: 'medium', timeStyle: 'short' }),
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
                  values={{ email: <bdi>{state.item.recipient}</bdi> }}
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
