// Starts the server for the Playwright run on a fresh SQLite database and the embedded mail
// catcher. Playwright waits for /healthz and stops this process (signals are forwarded).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const port = process.env.E2E_PORT ?? '3100';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'test-results', 'e2e-data');
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const child = spawn('npx', ['tsx', 'src/server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    DATABASE_URL: 'sqlite:test-results/e2e-data/liaison.db',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LIAISON_ADMIN_EMAIL: 'operator@liaison.test',
    LIAISON_ADMIN_PASSWORD: 'correct-horse-battery-staple',
    LIAISON_WORKER: 'embedded',
    // The help page offers it as the way to reach partner support.
    SUPPORT_EMAIL: 'partners@platform.test',
    // The webhook spec's receiver listens on this machine's loopback.
    WEBHOOK_ALLOW_PRIVATE: '1',
  },
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error('Could not start the server:', error);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1) : 1));
});
