import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PORT = 3217;

/** The real process: `npm start`'s entry point, on SQLite, with the embedded mail catcher. */
describe('the server process', () => {
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let exit: Promise<number | null>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-process-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: String(PORT), DATABASE_URL: `sqlite:${join(dir, 'liaison.db')}`, LOG_LEVEL: 'warn', SMTP_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 100 && !output.includes('Sign in with'); i++) await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints generated operator credentials that sign in', async () => {
    const match = /Sign in with: (\S+) \/ (\S+)/.exec(output);
    expect(match, output).not.toBeNull();
    const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: match![1], password: match![2] }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).isOperator).toBe(true);
  });

  it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
    // A sign-in spends real time hashing; SIGTERM arrives while it runs.
    const inFlight = fetch(`http://127.0.0.1:${PORT}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'whatever-password' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(401);
    expect(await exit).toBe(0);
  });
});

describe('npm run migrate', () => {
  it('migrates a new database, then finds it up to date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-migrate-'));
    try {
      const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'x.db')}` };
      const first = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], { env, encoding: 'utf8' });
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).toContain('Success: 001_foundation');
      const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], { env, encoding: 'utf8' });
      expect(second.stdout).toContain('The database is up to date.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
