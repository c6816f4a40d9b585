import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { paths } from '../apiPaths';
import { useEmailedLink } from '../useEmailedLink';
import { ErrorAlert } from '../components/Feedback';
import { EmailedLinkPage } from '../components/EmailedLinkPage';
import type { Acknowledgement } from '../types';

/**
 * `/ack/{token}` (public): the Acknowledge link of an emergency email. Opening it only shows the
 * emergency (mail scanners and link previews open links too); the button acknowledges it.
 */
export function AcknowledgePage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const { state, retry, act: acknowledge, pending, actError: sendError } = useEmailedLink<Acknowledgement>(paths.acknowledgement(token));

  return (
    <EmailedLinkPage
      title={intl.formatMessage({ id: 'acknowledge.title', defaultMessage: 'Acknowledge an emergency' })}
      state={state}
      onRetry={retry}
      invalid={<FormattedMessage id="acknowledge.invalid" defaultMessage="This link is not valid." />}
    >
      {(item) => (
        <>
          <p className="login-intro">
            <FormattedMessage
              id="acknowledge.intro"
              defaultMessage="Emergency for {account}, raised {raisedAt}:"
              values={{ account: <strong>{item.accountName}</strong>, raisedAt: intl.formatDate(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) }}
            />
          </p>
          <p className="ack-title" dir="auto">
            <strong>{item.title}</strong>
          </p>
          {item.body ? (
            <p className="ack-body" dir="auto">
              {item.body}
            </p>
          ) : null}
          {item.acknowledgedAt ? (
            <div className={item.acknowledgedNow ? 'alert alert-success' : 'alert alert-info'} role="status">
              {item.acknowledgedNow ? (
                <FormattedMessage id="acknowledge.done" defaultMessage="Acknowledged. Thank you: the escalation has stopped." />
              ) : (
                <FormattedMessage
                  id="acknowledge.already"
                  defaultMessage="Already acknowledged by {email} on {at}."
                  values={{
                    email: <bdi>{item.acknowledgedBy}</bdi>,
                    at: intl.formatDate(item.acknowledgedAt, { dateStyle: 'medium', timeStyle: 'short' }),
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
                  values={{ email: <bdi>{item.recipient}</bdi> }}
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
      )}
    </EmailedLinkPage>
  );
}
