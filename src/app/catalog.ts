import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { IntegrationCatalog, IntegrationType } from '../domain/integrations';
import { ConfigError } from './config';

export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL('../../config/integration-types.json', import.meta.url));

const catalogFile = z.strictObject({
  items: z
    .array(
      z.strictObject({
        type: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'type must be lower_snake_case'),
        // One name for every language, or one per language: {"en": …, "he": …, "pl": …} (English required).
        name: z.union([
          z.string().min(1).max(200),
          z.strictObject({ en: z.string().min(1).max(200), he: z.string().min(1).max(200).optional(), pl: z.string().min(1).max(200).optional() }),
        ]),
        merchantIssueContacts: z.boolean(),
      }),
    )
    .min(1),
});

/** Reads and checks the integration catalog; a broken file stops the start with one clear line. */
export function loadCatalog(path: string): IntegrationCatalog {
  let parsed: z.infer<typeof catalogFile>;
  try {
    parsed = catalogFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    const reason = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(error);
    throw new ConfigError(`Invalid configuration: LIAISON_INTEGRATIONS_FILE ${path} is not a valid catalog (${reason})`);
  }
  const catalog = new Map<string, IntegrationType>();
  for (const item of parsed.items) {
    if (catalog.has(item.type)) throw new ConfigError(`Invalid configuration: LIAISON_INTEGRATIONS_FILE lists "${item.type}" twice`);
    const names = typeof item.name === 'string' ? { en: item.name } : item.name;
    catalog.set(item.type, { type: item.type, name: names.en, names, merchantIssueContacts: item.merchantIssueContacts });
  }
  return catalog;
}
