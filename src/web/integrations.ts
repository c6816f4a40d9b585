import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from './api';
import { paths } from './apiPaths';
import type { IntegrationType } from './types';

/**
 * The integration catalog hardly ever changes: one request per page load and language (the
 * names come in the UI language), shared by every page.
 */
const catalogs = new Map<string, Promise<IntegrationType[]>>();

function loadCatalog(locale: string): Promise<IntegrationType[]> {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    // The language asked for explicitly: a switch re-renders this before the API client hears of it.
    catalog = api<{ items: IntegrationType[] }>(paths.integrationTypes(), { headers: { 'Accept-Language': locale } }).then(
      (body) => body.items,
      (error: unknown) => {
        catalogs.delete(locale); // let the next caller try again
        throw error;
      },
    );
    catalogs.set(locale, catalog);
  }
  return catalog;
}

export interface IntegrationCatalog {
  types: IntegrationType[] | null;
  error: unknown;
  /** The display name of an integration type (the type itself until the catalog arrives or when unknown). */
  nameOf: (type: string) => string;
  retry: () => void;
}

export function useIntegrationTypes(): IntegrationCatalog {
  const { locale } = useIntl();
  const [types, setTypes] = useState<IntegrationType[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    loadCatalog(locale).then(
      (items) => {
        if (!cancelled) {
          setTypes(items);
          setError(null);
        }
      },
      (failure: unknown) => {
        if (!cancelled) setError(failure);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt, locale]);

  const nameOf = useCallback((type: string) => types?.find((t) => t.type === type)?.name ?? type, [types]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { types, error, nameOf, retry };
}
