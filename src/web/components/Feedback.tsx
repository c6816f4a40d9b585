import type { ReactNode } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { Button } from 'react-aria-components';
import { ApiError } from '../api';

/** The text to show for a failed request: the server's localized message, else a generic one. */
export function errorText(intl: IntlShape, error: unknown): string {
  if (error instanceof ApiError && error.message) return error.message;
  if (error instanceof ApiError) {
    return intl.formatMessage({ id: 'error.generic', defaultMessage: 'Something went wrong. Try again in a moment.' });
  }
  return intl.formatMessage({
    id: 'error.network',
    defaultMessage: 'The server could not be reached. Check your connection and try again.',
  });
}

/** A busy indicator for a region that is loading. */
export function Loading({ label }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label ?? <FormattedMessage id="common.loading" defaultMessage="Loading…" />}
    </p>
  );
}

/** An announced error message (role="alert"). */
export function ErrorAlert({ error, children }: { error?: unknown; children?: ReactNode }) {
  const intl = useIntl();
  return (
    <div className="alert alert-error" role="alert">
      {children ?? errorText(intl, error)}
    </div>
  );
}

/** What failed to load, with a "Try again" button. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  return (
    <div className="stack">
      <ErrorAlert error={error} />
      <div>
        <Button className="button" onPress={() => void onRetry()}>
          <FormattedMessage id="common.retry" defaultMessage="Try again" />
        </Button>
      </div>
    </div>
  );
}
