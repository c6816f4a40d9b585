import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from './api';
import { paths } from './apiPaths';
import type { Meta } from './types';

/** The installation's facts hardly ever change: one request per page load, shared by every component. */
let pending: Promise<Meta> | null = null;
let loaded: Meta | null = null;

function loadMeta(): Promise<Meta> {
  pending ??= api<Meta>(paths.meta()).then(
    (meta) => {
      loaded = meta;
      return meta;
    },
    (error: unknown) => {
      pending = null; // let the next caller try again
      throw error;
    },
  );
  return pending;
}

/** Where "Contact support" goes when the installation names no support URL. */
export const BUILT_IN_HELP_PATH = '/help';

/**
 * The installation's facts, or null until it arrives (or when it failed: callers fall back to
 * neutral wording such as "the platform" and the built-in help page).
 */
export function useMeta(): Meta | null {
  const [meta, setMeta] = useState<Meta | null>(loaded);
  useEffect(() => {
    if (loaded) return;
    let cancelled = false;
    loadMeta().then(
      (value) => {
        if (!cancelled) setMeta(value);
      },
      (error: unknown) => console.warn(`Could not load ${paths.meta()}`, error),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return meta;
}

/** How the platform is named to partners: PLATFORM_NAME, else "the platform" in the reader's language. */
export function usePlatformName(): string {
  const intl = useIntl();
  const meta = useMeta();
  return meta?.platformName ?? intl.formatMessage({ id: 'contactInfo.platformFallback', defaultMessage: 'the platform' });
}
