import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { Completeness } from '../../components/AccountFacts';
import { Checkbox } from '../../components/Checkbox';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { LoadFailed, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { PagedListFooter } from '../../components/PagedListFooter';
import { TwoStepRequirement } from '../../components/TwoStepRequirement';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { EnvLink, useEnvNavigate } from '../../environment';
import { useIntegrationTypes } from '../../integrations';
import type { AccountListItem, AccountsPage as AccountsPageBody } from '../../types';
import { appendNew, usePagedList } from '../../usePagedList';
import { NewAccountDialog } from './NewAccountDialog';

const PAGE_SIZE = 50;

const byId = appendNew<AccountListItem>((account) => account.id);

/** `/operator`: every partner account with its completeness; "Incomplete only" is kept in the URL. */
export function AccountsPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'accounts.title', defaultMessage: 'Accounts' }));
  const navigate = useEnvNavigate();
  const [params, setParams] = useSearchParams();
  const incompleteOnly = params.get('contactInfo') === 'incomplete';
  const search = params.get('q') ?? '';
  const sort = params.get('sort') === '-name' ? '-name' : 'name';
  const { nameOf } = useIntegrationTypes();
  // What is typed goes to the URL (and the query) once typing pauses.
  const [typed, setTyped] = useState(search);

  const list = usePagedList<AccountListItem>(
    (cursor) =>
      api<AccountsPageBody>(
        paths.accounts({ contactInfo: incompleteOnly ? 'incomplete' : undefined, q: search || undefined, sort: sort === '-name' ? '-name' : undefined, limit: PAGE_SIZE, cursor }),
      ),
    [incompleteOnly, search, sort],
    { merge: byId },
  );
  const accounts = list.items;

  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (value) updated.set(name, value);
        else updated.delete(name);
        return updated;
      },
      { replace: true },
    );
  const setIncompleteOnly = (value: boolean) => setParam('contactInfo', value ? 'incomplete' : null);

  useEffect(() => {
    if (typed.trim() === search) return;
    const timer = setTimeout(() => setParam('q', typed.trim() || null), 300);
    return () => clearTimeout(timer);
  }, [typed, search]);

  return (
    <>
      <PageHeading
        title={<FormattedMessage id="accounts.title" defaultMessage="Accounts" />}
        description={<FormattedMessage id="accounts.description" defaultMessage="Every partner account, and whether it has told you whom to contact." />}
        actions={
          <NewAccountDialog
            onCreated={(account, adminEmail) =>
              navigate(`/operator/accounts/${encodeURIComponent(account.id)}`, { state: { createdWithAdmin: adminEmail } })
            }
          />
        }
      />

      <div className="filter-bar">
        <TextField
          type="search"
          name="q"
          label={intl.formatMessage({ id: 'accounts.search', defaultMessage: 'Search by name' })}
          value={typed}
          onChange={setTyped}
        />
        <SelectField
          name="sort"
          label={intl.formatMessage({ id: 'accounts.sort', defaultMessage: 'Sort' })}
          options={[
            { id: 'name', label: intl.formatMessage({ id: 'accounts.sort.nameAscending', defaultMessage: 'Name, A to Z' }) },
            { id: '-name', label: intl.formatMessage({ id: 'accounts.sort.nameDescending', defaultMessage: 'Name, Z to A' }) },
          ]}
          value={sort}
          onChange={(value) => setParam('sort', value === '-name' ? '-name' : null)}
        />
        <Checkbox isSelected={incompleteOnly} onChange={setIncompleteOnly}>
          {intl.formatMessage({ id: 'accounts.filter.incomplete', defaultMessage: 'Incomplete only' })}
        </Checkbox>
        <a className="button" href={paths.accountsCsv()} download="accounts.csv">
          <FormattedMessage id="accounts.downloadCsv" defaultMessage="Download CSV" />
        </a>
      </div>

      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.refresh} /> : null}

      {list.status === 'ready' && accounts.length === 0 ? (
        <div className="empty-state">
          <h2>
            {search ? (
              <FormattedMessage id="accounts.empty.search.title" defaultMessage="No account matches" />
            ) : incompleteOnly ? (
              <FormattedMessage id="accounts.empty.incomplete.title" defaultMessage="Every account is complete" />
            ) : (
              <FormattedMessage id="accounts.empty.title" defaultMessage="No accounts yet" />
            )}
          </h2>
          <p>
            {incompleteOnly ? (
              <FormattedMessage id="accounts.empty.incomplete.body" defaultMessage="No account is missing contact information." />
            ) : (
              <FormattedMessage
                id="accounts.empty.body"
                defaultMessage="Create an account for each partner with New account; its first admin gets an invitation by email."
              />
            )}
          </p>
        </div>
      ) : null}

      {list.status === 'ready' && accounts.length > 0 ? (
        <DataTable
          caption={
            incompleteOnly ? (
              <FormattedMessage id="accounts.table.captionIncomplete" defaultMessage="Accounts with incomplete contact information" />
            ) : (
              <FormattedMessage id="accounts.table.caption" defaultMessage="All accounts" />
            )
          }
          columns={[
            { key: 'name', header: <FormattedMessage id="accounts.column.name" defaultMessage="Name" /> },
            { key: 'integrations', header: <FormattedMessage id="accounts.column.integrations" defaultMessage="Integrations" /> },
            { key: 'contactInfo', header: <FormattedMessage id="accounts.column.contactInfo" defaultMessage="Contact information" /> },
            { key: 'failing', header: <FormattedMessage id="accounts.column.failingDeliveries" defaultMessage="Failing deliveries (14 days)" /> },
            { key: 'health', header: <FormattedMessage id="accounts.column.health" defaultMessage="Contact health" /> },
          ]}
          rows={accounts}
        >
          {(account) => (
            <tr key={account.id}>
              <td>
                <EnvLink className="cell-link" to={`/operator/accounts/${encodeURIComponent(account.id)}`}>
                  {account.name}
                </EnvLink>
              </td>
              <td>
                {intl.formatList(
                  account.integrations.map((integration) =>
                    integration.status === 'enabled'
                      ? nameOf(integration.type)
                      : intl.formatMessage({ id: 'accounts.integration.disabled', defaultMessage: '{name} (disabled)' }, { name: nameOf(integration.type) }),
                  ),
                  { type: 'unit', style: 'short' },
                )}
              </td>
              <td>
                <Completeness account={account} />
              </td>
              <td className="cell-number">
                {account.failingDeliveries > 0 ? (
                  <Badge tone="danger">{intl.formatNumber(account.failingDeliveries)}</Badge>
                ) : (
                  <span className="muted">{intl.formatNumber(0)}</span>
                )}
              </td>
              <td>
                <HealthBadges health={account.contactHealth} />
              </td>
            </tr>
          )}
        </DataTable>
      ) : null}

      <PagedListFooter list={list} className="load-more" label={intl.formatMessage({ id: 'accounts.loadMore', defaultMessage: 'Load more' })} />

      <TwoStepRequirement path={paths.operatorTwoStepRequirement()} scope="operators" headingId="operators-two-step" />
    </>
  );
}

/** Bouncing and unconfirmed addresses, and staleness, of one account (nothing when all is well). */
function HealthBadges({ health }: { health: { bouncing: number; unconfirmed: number; stale: boolean } | undefined }) {
  if (!health) return null;
  if (!health.stale && health.bouncing === 0 && health.unconfirmed === 0) {
    return (
      <Badge tone="success">
        <FormattedMessage id="accounts.health.ok" defaultMessage="All confirmed" />
      </Badge>
    );
  }
  return (
    <span className="health-badges">
      {health.stale ? (
        <Badge tone="danger">
          <FormattedMessage id="contactHealth.stale" defaultMessage="Stale" />
        </Badge>
      ) : null}
      {health.bouncing > 0 ? (
        <Badge tone="danger">
          <FormattedMessage id="accounts.health.bouncing" defaultMessage="{count, plural, one {# bouncing} other {# bouncing}}" values={{ count: health.bouncing }} />
        </Badge>
      ) : null}
      {health.unconfirmed > 0 ? (
        <Badge tone="warning">
          <FormattedMessage id="accounts.health.unconfirmed" defaultMessage="{count, plural, one {# unconfirmed} other {# unconfirmed}}" values={{ count: health.unconfirmed }} />
        </Badge>
      ) : null}
    </span>
  );
}
