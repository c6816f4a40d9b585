import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ProgressBar, Label } from 'react-aria-components';
import { paths } from '../../apiPaths';
import { useIntegrationTypes } from '../../integrations';
import type { Broadcast } from '../../types';
import { useResource } from '../../useResource';
import { Badge } from '../Badge';
import { LoadFailed, Loading } from '../Feedback';
import { categoryLabel } from '../notifications/names';

/** How often a list with a running broadcast asks again: progress moves a batch at a time. */
const POLL_MS = 2000;

/** One broadcast: what, to whom, and how far its fan-out has come. */
function BroadcastItem({ broadcast }: { broadcast: Broadcast }) {
  const intl = useIntl();
  const { nameOf } = useIntegrationTypes();
  const running = broadcast.status === 'running';
  return (
    <li className="broadcast-item">
      <div className="broadcast-head">
        <bdi className="broadcast-title">{broadcast.title}</bdi>{' '}
        {running ? (
          <Badge tone="neutral"><FormattedMessage id="broadcast.status.running" defaultMessage="Sending" /></Badge>
        ) : (
          <Badge tone="success"><FormattedMessage id="broadcast.status.done" defaultMessage="Done" /></Badge>
        )}
      </div>
      <p className="muted broadcast-scope">
        {categoryLabel(intl, broadcast.category)} · {envLabel(intl, broadcast.env)} ·{' '}
        {broadcast.integrationType === null ? (
          <FormattedMessage id="broadcast.audience.all" defaultMessage="every account" />
        ) : (
          <FormattedMessage
            id="broadcast.audience.integration"
            defaultMessage="the accounts with {integration}"
            values={{ integration: <bdi>{nameOf(broadcast.integrationType)}</bdi> }}
          />
        )}{' '}
        · <time dateTime={broadcast.createdAt}>{intl.formatDate(broadcast.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      </p>
      <ProgressBar
        className="progress"
        // No account to reach is a finished fan-out, not an empty one.
        value={broadcast.accountsTotal === 0 ? 1 : broadcast.accountsDone}
        maxValue={Math.max(broadcast.accountsTotal, 1)}
        valueLabel={intl.formatMessage(
          { id: 'broadcast.progress.value', defaultMessage: '{done} of {total} accounts' },
          { done: intl.formatNumber(broadcast.accountsDone), total: intl.formatNumber(broadcast.accountsTotal) },
        )}
      >
        {({ percentage, valueText }) => (
          <>
            <div className="progress-labels">
              <Label><FormattedMessage id="broadcast.progress.label" defaultMessage="Accounts done" /></Label>
              <span className="progress-value">{valueText}</span>
            </div>
            <div className="progress-track">
              <div className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
            </div>
          </>
        )}
      </ProgressBar>
      <p className="broadcast-figures">
        <FormattedMessage
          id="broadcast.figures"
          defaultMessage="{queued, plural, one {# delivery queued} other {# deliveries queued}}; {skipped, plural, =0 {every account had someone to receive it} one {# account had nobody to receive it} other {# accounts had nobody to receive it}}."
          values={{ queued: broadcast.deliveriesQueued, skipped: broadcast.accountsSkipped }}
        />
      </p>
    </li>
  );
}

function envLabel(intl: ReturnType<typeof useIntl>, env: Broadcast['env']): string {
  return env === 'production'
    ? intl.formatMessage({ id: 'environment.production', defaultMessage: 'Production' })
    : intl.formatMessage({ id: 'environment.sandbox', defaultMessage: 'Sandbox' });
}

/**
 * The latest broadcasts with their progress, read again every two seconds while one is running.
 * `limit` shows only the newest few (the dashboard); `version` reloads at once (after a new one).
 */
export function BroadcastList({ limit, version = 0 }: { limit?: number; version?: number }) {
  const { state, reload } = useResource<{ items: Broadcast[] }>(paths.broadcasts());
  const running = state.status === 'ready' && state.data.items.some((b) => b.status === 'running');
  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadFailed error={state.error} onRetry={reload} />;
  const items = limit === undefined ? state.data.items : state.data.items.slice(0, limit);
  if (items.length === 0) {
    return (
      <p className="muted">
        <FormattedMessage id="broadcast.none" defaultMessage="No broadcast yet." />
      </p>
    );
  }
  return (
    <ul className="broadcast-list">
      {items.map((b) => (
        <BroadcastItem key={b.id} broadcast={b} />
      ))}
    </ul>
  );
}
