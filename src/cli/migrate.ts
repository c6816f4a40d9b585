import { bootstrap, exitOnStartFailure } from '../app/bootstrap';
import { migrateToLatest } from '../storage/migrations';

/** `npm run migrate`: brings the configured database up to date (the server also does this at start). */
async function main() {
  const runtime = await bootstrap({ name: 'migrate' });
  try {
    const { results = [] } = await migrateToLatest(runtime.storage);
    for (const result of results) process.stdout.write(`${result.status}: ${result.migrationName}\n`);
    process.stdout.write(results.length === 0 ? 'The database is up to date.\n' : `Applied ${results.length} migration(s).\n`);
  } finally {
    await runtime.close();
  }
}

main().catch(exitOnStartFailure('Migration failed'));
