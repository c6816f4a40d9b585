import { FormattedMessage, useIntl } from 'react-intl';
import { paths } from '../../apiPaths';
import type { ContactInfoView } from '../../types';
import { useResource } from '../../useResource';
import { ContactStateBadge } from '../contact-info/ContactStateBadge';
import { CONTACT_FIELD_NAMES } from '../contactFields';
import { DataTable } from '../DataTable';
import { Badge } from '../Badge';
import { LoadFailed, Loading } from '../Feedback';

/** For operators: every email contact of an account with its state, and whether the account is stale. */
export function ContactHealthSection({ accountId }: { accountId: string }) {
  const intl = useIntl();
  const { state, reload } = useResource<ContactInfoView>(paths.contactInfo(accountId, 'production'));
  return (
    <section className="page-section" aria-labelledby="account-health-heading">
      <h2 className="page-section-title" id="account-health-heading">
        <FormattedMessage id="contactHealth.title" defaultMessage="Contact health" />{' '}
        {state.status === 'ready' && state.data.review?.stale ? (
          <Badge tone="danger">
            <FormattedMessage id="contactHealth.stale" defaultMessage="Stale" />
          </Badge>
        ) : null}
      </h2>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' ? (
        <DataTable
          caption={<FormattedMessage id="contactHealth.caption" defaultMessage="Email contacts and their state" />}
          columns={[
            { key: 'email', header: <FormattedMessage id="contactHealth.column.email" defaultMessage="Address" /> },
            { key: 'field', header: <FormattedMessage id="contactHealth.column.field" defaultMessage="Listed under" /> },
            { key: 'state', header: <FormattedMessage id="contactHealth.column.state" defaultMessage="State" /> },
            { key: 'since', header: <FormattedMessage id="contactHealth.column.since" defaultMessage="Since" /> },
          ]}
          rows={state.data.contactHealth}
          empty={<FormattedMessage id="contactHealth.empty" defaultMessage="No email contacts yet." />}
        >
          {(item) => {
            const since = item.state === 'bouncing' ? item.bouncingSince : item.state === 'confirmed' ? item.confirmedAt : null;
            return (
              <tr key={`${item.field}:${item.email}`}>
                <td>
                  <bdi>{item.email}</bdi>
                </td>
                <td>{intl.formatMessage(CONTACT_FIELD_NAMES[item.field])}</td>
                <td>
                  <ContactStateBadge state={item.state} />
                </td>
                <td>{since ? intl.formatDate(since, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}</td>
              </tr>
            );
          }}
        </DataTable>
      ) : null}
    </section>
  );
}
