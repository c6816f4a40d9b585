import { bootstrap, exitOnStartFailure } from '../app/bootstrap';
import { runWorker } from './run-worker';

/** `npm run worker`: a standalone delivery worker (see run-worker.ts). */
async function main() {
  await runWorker(await bootstrap({ name: 'worker', migrate: true }));
}

main().catch(exitOnStartFailure('Worker could not start'));
