import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Every case starts real processes (tsx compiles on start): give a busy machine room.
vi.setConfig({ testTimeout: 240_000 });
import { createTestStorage, DIALECTS, type TestStorage } from '../support/storage';

const BIN = new URL('../../bin/liaison.js', import.meta.url).pathname;

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the real binary, as a user would, with the server's configuration in the environment. */
function liaison(databaseUrl: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', LANG: 'en_US.UTF-8', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(DIALECTS)('the liaison CLI on %s', (dialect) => {
  let storage: TestStorage;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'liaison-cli-'));
  const run = (args: string[], env?: Record<string, string>) => liaison(url, args, env);

  beforeAll(async () => {
    // Unmigrated: `migrate` brings it up to date.
    storage = await createTestStorage(dialect, { migrate: false });
    url = storage.schema ? `${storage.databaseUrl}?schema=${storage.schema}` : storage.databaseUrl;
  });
  afterAll(async () => {
    await storage.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, then reports the database up to date', async () => {
    const first = await run(['migrate']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Success: 001_foundation');
    expect(first.stdout).toContain('Success: 008_operator');
    const again = await run(['migrate', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ applied: [] });
  });

  it('creates an operator once, with a generated password shown once; a second time is refused (exit 1)', async () => {
    const created = await run(['operator', 'create', 'ops@example.com', '--json']);
    expect(created.code, created.stderr).toBe(0);
    const body = JSON.parse(created.stdout) as { email: string; password: string };
    expect(body.email).toBe('ops@example.com');
    expect(body.password.length).toBeGreaterThanOrEqual(12);
    const again = await run(['operator', 'create', 'OPS@example.com']);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('Error: This conflicts with the current state.');
  });

  it('creates accounts, lists incomplete ones page by page and as JSON', async () => {
    for (const name of ['Beta', '=cmd|calc']) {
      const result = await run(['accounts', 'create', name, '--integration', 'reservations_e2e', '--admin', `${name.length}@example.com`]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/created/);
    }
    const page = await run(['accounts', 'list', '--incomplete', '--limit', '1']);
    expect(page.code).toBe(0);
    expect(page.stdout.trim().split('\n')).toHaveLength(1);
    expect(page.stderr).toContain('--cursor ');
    const all = await run(['accounts', 'list', '--incomplete', '--limit', '1', '--all', '--json']);
    const items = (JSON.parse(all.stdout) as { items: { name: string; contactInfoComplete: boolean }[] }).items;
    expect(items.map((a) => a.name)).toEqual(['=cmd|calc', 'Beta']);
    expect(await run(['accounts', 'list', '--complete', '--json']).then((r) => JSON.parse(r.stdout).items)).toEqual([]);
  });

  it('refuses bad input with one line in the user language (exit 1), and wrong usage with exit 2', async () => {
    const invalid = await run(['accounts', 'create', 'X', '--integration', 'reservations_e2e', '--admin', 'not-an-email']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr.trim().split('\n')).toHaveLength(1);
    expect(invalid.stderr).toContain('adminEmail: Enter a valid email address.');

    const hebrew = await run(['notify', 'a_missing', '--category', 'technical', '--title', 'x'], { LANG: 'he_IL.UTF-8' });
    expect(hebrew.code).toBe(1);
    expect(hebrew.stderr.trim()).toBe('שגיאה: לא נמצא.');
    const polish = await run(['notify', 'a_missing', '--category', 'technical', '--title', 'x'], { LC_ALL: 'pl_PL.UTF-8' });
    expect(polish.stderr.trim()).toBe('Błąd: Nie znaleziono.');

    const usage = await run(['accounts', 'frobnicate']);
    expect(usage.code).toBe(2);
    const badChoice = await run(['notify', 'a_x', '--category', 'nonsense', '--title', 'x']);
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toContain('Allowed choices');
    const help = await run(['notify', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--dedup-key');
  });

  it('raises a notification: 422-like refusals are exit 1 with the reason', async () => {
    const list = JSON.parse((await run(['accounts', 'list', '--json'])).stdout) as { items: { id: string }[] };
    const id = list.items[0]!.id;
    const noRoute = await run(['notify', id, '--category', 'technical', '--title', 'Maintenance']);
    expect(noRoute.code).toBe(1);
    expect(noRoute.stderr.trim()).toBe('Error: Nobody receives this category for this account.');
    const sandboxAlert = await run(['notify', id, '--category', 'alert', '--env', 'sandbox', '--title', 'x']);
    expect(sandboxAlert.stderr.trim()).toBe('Error: This is only possible in the Production environment.');
  });

  it('creates, lists and revokes service tokens', async () => {
    const created = JSON.parse((await run(['tokens', 'create', 'billing', '--json'])).stdout) as { id: string; token: string };
    expect(created.token).toMatch(/^lsn_/);
    const listed = JSON.parse((await run(['tokens', 'list', '--json'])).stdout) as { items: { id: string; revokedAt: string | null }[] };
    expect(listed.items.map((t) => t.id)).toContain(created.id);
    expect((await run(['tokens', 'revoke', created.id])).code).toBe(0);
    const again = await run(['tokens', 'revoke', created.id]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('Error: Not found.');
  });

  it('exports accounts.csv with formula-looking cells defused', async () => {
    const file = join(dir, 'accounts.csv');
    const result = await run(['export', 'accounts.csv', '--output', file, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ file, accounts: 2 });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,name,contactInfoComplete,integrations,/);
    expect(lines).toHaveLength(3);
    expect(lines.some((line) => line.includes(",'=cmd|calc,no,"))).toBe(true);
    const stdout = await run(['export', 'accounts.csv']);
    expect(stdout.stdout.split('\r\n')[0]).toBe(lines[0]);
    expect((await run(['export', 'people.csv'])).code).toBe(2);
  });

  it('stops with one line on bad configuration (exit 1)', async () => {
    const result = await liaison('mysql://nope', ['accounts', 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('DATABASE_URL');
  });
});
