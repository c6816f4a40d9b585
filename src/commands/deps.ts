import type { Config } from '../app/config';
import type { IntegrationCatalog } from '../domain/integrations';
import type { Storage } from '../storage/db';

/** What every use case may use: `(deps, principal, input)` is the one signature of src/commands. */
export type Deps = {
  storage: Storage;
  catalog: IntegrationCatalog;
  config: Pick<Config, 'publicUrl' | 'platformName'> & Partial<Pick<Config, 'escalateAfterMs' | 'escalateOperatorsAfterMs' | 'contactReviewIntervalMs' | 'webhooks'>>;
};
