import type { ReactNode } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
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
