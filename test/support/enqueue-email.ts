// Run as a separate process by the worker tests: queues one email in a transaction of its own,
// as a web process of a scale-out would, then exits.
import { openStorage, writeTransaction } from '../../src/storage/db';
import { enqueueEmails } from '../../src/storage/deliveries';

const [databaseUrl, schema, to] = process.argv.slice(2) as [string, string, string];
const storage = openStorage(databaseUrl, schema ? { schema, poolSize: 1 } : {});
await writeTransaction(storage, (tx) => enqueueEmails(tx, [{ to, subject: 'From another process', text: 'Body' }]));
// Give the NOTIFY sent after the commit time to leave before the pool closes.
await new Promise((resolve) => setTimeout(resolve, 200));
await storage.close();
