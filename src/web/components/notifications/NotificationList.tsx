import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { notificationText } from '../../../i18n/names';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import type { Notification, NotificationsPage } from '../../types';
import { usePagedList } from '../../usePagedList';
import { Badge } from '../Badge';
import { CONTACT_FIELD_NAMES } from '../contactFields';
import { DataTable } from '../DataTable';
import { EmergencyStatus } from './EmergencyStatus';
import { LoadFailed, Loading } from '../Feedback';
import { PagedListFooter } from '../PagedListFooter';
import { SelectField } from '../SelectField';
import { CATEGORIES, categoryLabel, DELIVERY_STATUSES, STATUS_NAMES, STATUS_TONE, type Category, type DeliveryStatus } from './names';

const PAGE_SIZE = 20;
const ALL = 'all';

/** The filters live in the URL (`?category=&status=`), so a filtered list can be shared. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const category = CATEGORIES.find((c) => c === params.get('category'));
  const status = DELIVERY_STATUSES.find((s) => s === params.get('status'));
  const set = (key: 'category' | 'status', value: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (value === ALL) updated.delete(key);
        else updated.set(key, value);
        return updated;
      },
      { replace: true },
    );
  return { category, status, set };
}

function Deliveries({ notification, title }: { notification: Notification; title: string }) {
  const intl = useIntl();
  return (
    <DataTable
      className="delivery-table"
      wrapClassName="delivery-table-wrap"
      caption={<FormattedMessage id="notifications.deliveries.caption" defaultMessage="Deliveries of {title}" values={{ title }} />}
      columns={[
        { key: 'recipient', header: <FormattedMessage id="notifications.column.recipient" defaultMessage="Recipient" /> },
        { key: 'status', header: <FormattedMessage id="notifications.column.status" defaultMessage="Status" /> },
        { key: 'attempts', header: <FormattedMessage id="notifications.column.attempts" defaultMessage="Attempts" /> },
        { key: 'sentAt', header: <FormattedMessage id="notifications.column.sentAt" defaultMessage="Sent" /> },
      ]}
      rows={notification.deliveries}
      empty={<FormattedMessage id="notifications.deliveries.none" defaultMessage="No deliveries: this was counted as a repeat." />}
    >
      {(delivery) => (
        <tr key={`${delivery.email}${delivery.escalated ? ' again' : ''}`}>
          <td>
            <bdi className="delivery-email">{delivery.email}</bdi>
            {delivery.field ? <span className="delivery-field">{intl.formatMessage(CONTACT_FIELD_NAMES[delivery.field])}</span> : null}
            {delivery.escalated ? (
              <span className="delivery-field">
                <FormattedMessage id="notifications.delivery.escalated" defaultMessage="Sent again: not acknowledged in time" />
              </span>
            ) : null}
          </td>
          <td>
            <Badge tone={STATUS_TONE[delivery.status]}>{intl.formatMessage(STATUS_NAMES[delivery.status])}</Badge>
            {delivery.lastError ? (
              <span className="delivery-error">
                <bdi dir="ltr">{delivery.lastError}</bdi>
              </span>
            ) : null}
          </td>
          <td>{intl.formatNumber(delivery.attempts)}</td>
          <td>{delivery.sentAt ? <time dateTime={delivery.sentAt}>{intl.formatDate(delivery.sentAt, { dateStyle: 'medium', timeStyle: 'medium' })}</time> : '—'}</td>
        </tr>
      )}
    </DataTable>
  );
}

function NotificationItem({ notification, headingLevel }: { notification: Notification; headingLevel: 2 | 3 }) {
  const Title = headingLevel === 2 ? 'h2' : 'h3';
  const intl = useIntl();
  const { title, body } = notificationText((message, values) => intl.formatMessage(message, values), notification, intl.locale);
  return (
    <li className="notification" id={notification.id}>
      <div className="notification-head">
        <div className="notification-badges">
          <Badge tone={notification.category === 'emergency' ? 'danger' : 'neutral'}>{categoryLabel(intl, notification.category)}</Badge>
          {notification.env === 'sandbox' ? (
            <Badge tone="warning">
              <FormattedMessage id="notifications.env.sandbox" defaultMessage="Sandbox" />
            </Badge>
          ) : null}
          {notification.test ? (
            <Badge tone="neutral">
              <FormattedMessage id="notifications.test" defaultMessage="Test" />
            </Badge>
          ) : null}
          {notification.hold?.status === 'held' ? (
            <Badge tone="warning">
              <FormattedMessage id="notifications.hold.held" defaultMessage="Held during maintenance" />
            </Badge>
          ) : notification.hold?.status === 'released' ? (
            <Badge tone="neutral">
              <FormattedMessage id="notifications.hold.released" defaultMessage="Sent after maintenance" />
            </Badge>
          ) : notification.hold?.status === 'dropped' ? (
            <Badge tone="neutral">
              <FormattedMessage id="notifications.hold.dropped" defaultMessage="Dropped after maintenance" />
            </Badge>
          ) : null}
        </div>
        <time className="notification-time" dateTime={notification.createdAt}>
          {intl.formatDate(notification.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
      </div>
      <Title className="notification-title" dir="auto">
        {title}
      </Title>
      {body ? (
        <p className="notification-body" dir="auto">
          {body}
        </p>
      ) : null}
      <p className="notification-meta">
        <FormattedMessage id="notifications.raisedBy" defaultMessage="Raised by {who}" values={{ who: <bdi>{notification.createdBy.name}</bdi> }} />
        {notification.occurrences > 1 ? (
          <>
            {' · '}
            <FormattedMessage
              id="notifications.occurrences"
              defaultMessage="{count, plural, one {# occurrence} other {# occurrences}}: repeats within 4 hours are counted, not sent again"
              values={{ count: notification.occurrences }}
            />
          </>
        ) : null}
      </p>
      <EmergencyStatus notification={notification} />
      <Deliveries notification={notification} title={title} />
    </li>
  );
}

/** An account's notifications, newest first, each with its per-recipient deliveries; filtered by category and status. */
export function NotificationList({ accountId, headingLevel = 2 }: { accountId: string; headingLevel?: 2 | 3 }) {
  const intl = useIntl();
  const filters = useFilters();
  const list = usePagedList<Notification>(
    (cursor) =>
      api<NotificationsPage>(paths.notifications(accountId, { category: filters.category, status: filters.status, limit: PAGE_SIZE, cursor })),
    [accountId, filters.category, filters.status],
  );
  const any = intl.formatMessage({ id: 'notifications.filter.any', defaultMessage: 'All' });

  return (
    <>
      <div className="filter-bar">
        <SelectField
          label={intl.formatMessage({ id: 'notifications.filter.category', defaultMessage: 'Category' })}
          options={[{ id: ALL, label: any }, ...CATEGORIES.map((c: Category) => ({ id: c, label: categoryLabel(intl, c) }))]}
          value={filters.category ?? ALL}
          onChange={(value) => filters.set('category', value)}
        />
        <SelectField
          label={intl.formatMessage({ id: 'notifications.filter.status', defaultMessage: 'Delivery status' })}
          options={[{ id: ALL, label: any }, ...DELIVERY_STATUSES.map((s: DeliveryStatus) => ({ id: s, label: intl.formatMessage(STATUS_NAMES[s]) }))]}
          value={filters.status ?? ALL}
          onChange={(value) => filters.set('status', value)}
        />
      </div>
      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.refresh} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <p className="muted">
          {filters.category || filters.status ? (
            <FormattedMessage id="notifications.empty.filtered" defaultMessage="No notification matches these filters." />
          ) : (
            <FormattedMessage id="notifications.empty" defaultMessage="No notifications yet. They appear here as soon as the platform raises one, or when you send a test." />
          )}
        </p>
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <ol className="notification-list">
          {list.items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} headingLevel={headingLevel} />
          ))}
        </ol>
      ) : null}
      <PagedListFooter list={list} className="load-more" label={intl.formatMessage({ id: 'notifications.loadMore', defaultMessage: 'Load more' })} />
    </>
  );
}
