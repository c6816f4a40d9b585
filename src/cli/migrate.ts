import { ConfigError, loadConfig } from '../server/config';
import { openStorage } from '../storage/db';
import { migrateToLatest } from '../storage/migrations';

/** `npm run migrate`: brings the configured database up to date (the server also does this at start). */
async function main() {
  const config = loadConfig();
  const storage = openStorage(config.databaseUrl);
  try {
    const { results = [] } = await migrateToLatest(storage);
    for (const result of results) process.stdout.write(`${result.status}: ${result.migrationName}\n`);
    process.stdout.write(results.length === 0 ? 'The database is up to date.\n' : `Applied ${results.length} migration(s).\n`);
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Migration failed: ${String(error)}`}\n`);
  process.exit(1);
});
