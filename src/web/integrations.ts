import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import { paths } from './apiPaths';
import type { IntegrationType } from './types';

/** The integration catalog hardly ever changes: one request per page load, shared by every page. */
let catalog: Promise<IntegrationType[]> | null = null;

function loadCatalog(): Promise<IntegrationType[]> {
  catalog ??= api<{ items: IntegrationType[] }>(paths.integrationTypes()).then(
    (body) => body.items,
    (error: unknown) => {
      catalog = null; // let the next caller try again
      throw error;
    },
  );
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
  const [types, setTypes] = useState<IntegrationType[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    loadCatalog().then(
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
  }, [attempt]);

  const nameOf = useCallback((type: string) => types?.find((t) => t.type === type)?.name ?? type, [types]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { types, error, nameOf, retry };
}
