import { useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import type { UnsubscribesList } from '../../types';
import { DataTable } from '../DataTable';
import { LoadFailed, Loading } from '../Feedback';
import { categoryLabel } from '../notifications/names';

/** Who unsubscribed from which optional category of the account (admins and operators). */
export function OptOutsPanel({ accountId }: { accountId: string }) {
  const intl = useIntl();
  const headingId = useId();
  const [items, setItems] = useState<UnsubscribesList['items'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setError(null);
    api<UnsubscribesList>(paths.unsubscribes(accountId)).then((list) => setItems(list.items), setError);
  }, [accountId, attempt]);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 className="panel-title" id={headingId}>
        <FormattedMessage id="optOuts.heading" defaultMessage="Unsubscribed addresses" />
      </h2>
      <p className="field-description">
        <FormattedMessage
          id="optOuts.hint"
          defaultMessage="Emails of optional categories carry an unsubscribe link. Emergency notifications and disabled integrations always reach everyone."
        />
      </p>
      {error ? <LoadFailed error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items ? (
        <DataTable
          caption={<FormattedMessage id="optOuts.caption" defaultMessage="Unsubscribed addresses" />}
          columns={[
            { key: 'email', header: <FormattedMessage id="optOuts.column.email" defaultMessage="Email" /> },
            { key: 'category', header: <FormattedMessage id="optOuts.column.category" defaultMessage="Category" /> },
            { key: 'at', header: <FormattedMessage id="optOuts.column.at" defaultMessage="Since" /> },
          ]}
          rows={items}
          empty={<FormattedMessage id="optOuts.empty" defaultMessage="Nobody has unsubscribed." />}
        >
          {(item) => (
            <tr key={`${item.email} ${item.category}`}>
              <td className="cell-email">
                <bdi>{item.email}</bdi>
              </td>
              <td>{categoryLabel(intl, item.category)}</td>
              <td>
                <time dateTime={item.at}>{intl.formatDate(item.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
              </td>
            </tr>
          )}
        </DataTable>
      ) : null}
    </section>
  );
}
