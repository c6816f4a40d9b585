import { FormattedMessage, useIntl } from 'react-intl';
import type { Notification } from '../../types';
import { Badge } from '../Badge';

/**
 * What became of a notification beyond its deliveries: an emergency's acknowledgement and how far
 * its escalation went; a user escalation's support hours when it was raised.
 */
export function EmergencyStatus({ notification }: { notification: Notification }) {
  const intl = useIntl();
  const at = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const { escalation, supportStatus } = notification;
  const lines = [];
  if (notification.acknowledgedAt) {
    lines.push(
      <p key="ack" className="notification-ack">
        <Badge tone="success">
          <FormattedMessage id="notifications.acknowledged" defaultMessage="Acknowledged" />
        </Badge>{' '}
        <FormattedMessage
          id="notifications.acknowledgedBy"
          defaultMessage="by {email} on {at}"
          values={{ email: <bdi>{notification.acknowledgedBy}</bdi>, at: <time dateTime={notification.acknowledgedAt}>{at(notification.acknowledgedAt)}</time> }}
        />
      </p>,
    );
  } else if (escalation) {
    lines.push(
      <p key="ack" className="notification-ack">
        <Badge tone="warning">
          <FormattedMessage id="notifications.notAcknowledged" defaultMessage="Not acknowledged yet" />
        </Badge>
      </p>,
    );
  }
  if (escalation?.resentAt) {
    lines.push(
      <p key="resent" className="notification-meta">
        <FormattedMessage
          id="notifications.escalation.resent"
          defaultMessage="Sent again to the emergency contacts and admins on {at}"
          values={{ at: <time dateTime={escalation.resentAt}>{at(escalation.resentAt)}</time> }}
        />
      </p>,
    );
  }
  if (escalation?.operatorsAlertedAt) {
    lines.push(
      <p key="operators" className="notification-meta">
        <FormattedMessage
          id="notifications.escalation.operators"
          defaultMessage="Operators alerted on {at}"
          values={{ at: <time dateTime={escalation.operatorsAlertedAt}>{at(escalation.operatorsAlertedAt)}</time> }}
        />
      </p>,
    );
  }
  if (supportStatus) {
    const opensAt = supportStatus.nextChangeAt;
    lines.push(
      <p key="support" className="notification-meta">
        {supportStatus.openNow ? (
          <FormattedMessage id="notifications.support.open" defaultMessage="User support was open when this was raised." />
        ) : opensAt ? (
          <FormattedMessage
            id="notifications.support.closed"
            defaultMessage="User support was closed when this was raised; it opened {at} ({timeZone})."
            values={{
              at: (
                <time dateTime={opensAt}>
                  {intl.formatDate(opensAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: supportStatus.timeZone ?? 'UTC' })}
                </time>
              ),
              timeZone: <bdi>{supportStatus.timeZone ?? 'UTC'}</bdi>,
            }}
          />
        ) : (
          <FormattedMessage id="notifications.support.noHours" defaultMessage="User support was closed when this was raised, and no support hours are set." />
        )}
      </p>,
    );
  }
  return <>{lines}</>;
}
