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

/** Error codes whose message takes no values: the web's own catalogs can say them in any language. */
const CODES_WITH_VALUES = new Set(['payload_too_large', 'rate_limited']);

/**
 * Like errorText, but in the UI's current language even after a language switch: a known error
 * code is worded from the web's catalogs (which hold the API's messages too), so a message shown
 * before the switch is re-rendered in the new language.
 */
export function localizedErrorText(intl: IntlShape, error: unknown): string {
  if (error instanceof ApiError && !CODES_WITH_VALUES.has(error.code)) {
    const id = `error.${error.code}`;
    if (id in intl.messages) return intl.formatMessage({ id });
  }
  return errorText(intl, error);
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
