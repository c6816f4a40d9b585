import { useId, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { paths } from '../../apiPaths';
import { DataTable } from '../../components/DataTable';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { LoadFailed, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { BroadcastList } from '../../components/operator/BroadcastList';
import { EnvLink } from '../../environment';
import type { Dashboard } from '../../types';
import { useResource } from '../../useResource';

const SERIES = ['sent', 'retrying', 'failed'] as const;

/** Stacked bars of deliveries per day, drawn as plain SVG; the table after it says the same in text. */
function DeliveriesChart({ days, labelledBy }: { days: Dashboard['days']; labelledBy: string }) {
  const intl = useIntl();
  const width = 700;
  const height = 200;
  const max = Math.max(1, ...days.map((d) => d.sent + d.retrying + d.failed));
  const slot = width / days.length;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height + 24}`} role="img" aria-labelledby={labelledBy}>
      {days.map((day, i) => {
        let y = height;
        return (
          <g key={day.day}>
            {SERIES.map((series) => {
              const h = (day[series] / max) * (height - 8);
              y -= h;
              return h > 0 ? <rect key={series} className={`chart-${series}`} x={i * slot + 6} y={y} width={slot - 12} height={h} /> : null;
            })}
            <text className="chart-label" x={i * slot + slot / 2} y={height + 16} textAnchor="middle">
              {intl.formatDate(`${day.day}T12:00:00Z`, { day: 'numeric', month: 'numeric', timeZone: 'UTC' })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** An account's name, isolated, linking to its page in the console. */
function AccountLink({ id, name }: { id: string; name: string }) {
  return (
    <EnvLink to={`/operator/accounts/${encodeURIComponent(id)}`}>
      <bdi>{name}</bdi>
    </EnvLink>
  );
}

/** One figure of the dashboard: what it counts and the count. */
function Figure({ label, value }: { label: ReactNode; value: number }) {
  const intl = useIntl();
  return (
    <div>
      <dt>{label}</dt>
      <dd className="figure">{intl.formatNumber(value)}</dd>
    </div>
  );
}

/** `/operator/dashboard`: readiness and delivery health at a glance, from the server's aggregates. */
export function DashboardPage() {
  const intl = useIntl();
  const chartTitle = useId();
  useDocumentTitle(intl.formatMessage({ id: 'dashboard.title', defaultMessage: 'Dashboard' }));
  const { state, reload } = useResource<Dashboard>(paths.dashboard());
  const seriesName = {
    sent: intl.formatMessage({ id: 'dashboard.series.sent', defaultMessage: 'Sent' }),
    retrying: intl.formatMessage({ id: 'dashboard.series.retrying', defaultMessage: 'Retrying' }),
    failed: intl.formatMessage({ id: 'dashboard.series.failed', defaultMessage: 'Failed' }),
  };

  return (
    <>
      <PageHeading title={<FormattedMessage id="dashboard.title" defaultMessage="Dashboard" />} />
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' ? (
        <>
          <dl className="summary-list dashboard-figures">
            <Figure label={<FormattedMessage id="dashboard.complete" defaultMessage="Accounts with complete contact information" />} value={state.data.accounts.complete} />
            <div>
              <dt><FormattedMessage id="dashboard.incomplete" defaultMessage="Accounts with incomplete contact information" /></dt>
              <dd className="figure">
                <EnvLink to="/operator?contactInfo=incomplete">{intl.formatNumber(state.data.accounts.incomplete)}</EnvLink>
              </dd>
            </div>
          </dl>

          <section className="page-section" aria-labelledby={chartTitle}>
            <h2 className="page-section-title" id={chartTitle}>
              <FormattedMessage id="dashboard.deliveries" defaultMessage="Deliveries per day, last 14 days" />
            </h2>
            <ul className="chart-legend">
              {SERIES.map((series) => (
                <li key={series}>
                  <span className={`chart-swatch chart-${series}`} aria-hidden="true" /> {seriesName[series]}
                </li>
              ))}
            </ul>
            <DeliveriesChart days={state.data.days} labelledBy={chartTitle} />
            <DataTable
              caption={<FormattedMessage id="dashboard.deliveries.table" defaultMessage="Deliveries per day (the chart as a table)" />}
              columns={[
                { key: 'day', header: <FormattedMessage id="dashboard.day" defaultMessage="Day" /> },
                ...SERIES.map((series) => ({ key: series, header: seriesName[series] })),
              ]}
              rows={state.data.days}
            >
              {(day) => (
                <tr key={day.day}>
                  <td>{intl.formatDate(`${day.day}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}</td>
                  <td>{intl.formatNumber(day.sent)}</td>
                  <td>{intl.formatNumber(day.retrying)}</td>
                  <td>{intl.formatNumber(day.failed)}</td>
                </tr>
              )}
            </DataTable>
          </section>

          <section className="page-section" aria-labelledby="failing-heading">
            <h2 className="page-section-title" id="failing-heading">
              <FormattedMessage id="dashboard.failing" defaultMessage="Accounts with failing deliveries (14 days)" />
            </h2>
            {state.data.failingAccounts.length === 0 ? (
              <p className="muted"><FormattedMessage id="dashboard.failing.none" defaultMessage="No account has failing deliveries." /></p>
            ) : (
              <ul>
                {state.data.failingAccounts.map((a) => (
                  <li key={a.id}>
                    <AccountLink id={a.id} name={a.name} />{' '}
                    <FormattedMessage id="dashboard.failing.count" defaultMessage="({count, plural, one {# failed or retrying} other {# failed or retrying}})" values={{ count: a.failed }} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="page-section" aria-labelledby="health-heading">
            <h2 className="page-section-title" id="health-heading">
              <FormattedMessage id="dashboard.health" defaultMessage="Contact health" />
            </h2>
            <dl className="summary-list dashboard-figures">
              <Figure label={<FormattedMessage id="dashboard.health.bouncing" defaultMessage="Accounts with a bouncing address" />} value={state.data.contactHealth.bouncingAccounts} />
              <Figure label={<FormattedMessage id="dashboard.health.unconfirmed" defaultMessage="Accounts with an unconfirmed address" />} value={state.data.contactHealth.unconfirmedAccounts} />
              <Figure label={<FormattedMessage id="dashboard.health.stale" defaultMessage="Stale accounts" />} value={state.data.contactHealth.staleAccounts} />
            </dl>
            {state.data.contactHealth.stale.length > 0 ? (
              <ul aria-label={intl.formatMessage({ id: 'dashboard.health.staleList', defaultMessage: 'Stale accounts' })}>
                {state.data.contactHealth.stale.map((a) => (
                  <li key={a.accountId}>
                    <AccountLink id={a.accountId} name={a.accountName} />{' '}
                    <FormattedMessage
                      id="dashboard.health.staleSince"
                      defaultMessage="(stale since {date})"
                      values={{ date: intl.formatDate(a.staleSince, { dateStyle: 'medium' }) }}
                    />
                  </li>
                ))}
              </ul>
            ) : null}
          </section>

          <section className="page-section" aria-labelledby="broadcasts-heading">
            <h2 className="page-section-title" id="broadcasts-heading">
              <FormattedMessage id="dashboard.broadcasts" defaultMessage="Latest broadcasts" />
            </h2>
            <BroadcastList limit={3} />
            <p>
              <EnvLink to="/operator/broadcasts">
                <FormattedMessage id="dashboard.broadcasts.all" defaultMessage="All broadcasts, or a new one" />
              </EnvLink>
            </p>
          </section>

          <section className="page-section" aria-labelledby="oldest-heading">
            <h2 className="page-section-title" id="oldest-heading">
              <FormattedMessage id="dashboard.oldest" defaultMessage="Oldest undelivered notification" />
            </h2>
            {state.data.oldestUndelivered ? (
              <p>
                <AccountLink id={state.data.oldestUndelivered.accountId} name={state.data.oldestUndelivered.accountName} />
                {': '}
                <bdi>{state.data.oldestUndelivered.title}</bdi>{' '}
                <time dateTime={state.data.oldestUndelivered.createdAt}>
                  ({intl.formatDate(state.data.oldestUndelivered.createdAt, { dateStyle: 'medium', timeStyle: 'short' })})
                </time>
              </p>
            ) : (
              <p className="muted"><FormattedMessage id="dashboard.oldest.none" defaultMessage="Every notification has been delivered." /></p>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
