import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/storage/db';
import { migrateToLatest } from '../../src/storage/migrations';
import { insertUser } from '../../src/storage/users';

/** An ANALYZE from outside, as an operator's sqlite3 shell would run it (no analysis limit: samples too). */
function analyzeFromOutside(file: string): void {
  const raw = new SQLite(file);
  raw.exec('analyze');
  raw.close();
}

/** Rows of the planner's statistics tables, read over a connection of its own. */
function statistics(file: string): { tables: number; samples: number } {
  const raw = new SQLite(file, { readonly: true });
  try {
    const count = (table: string) => raw.prepare(`select count(*) from ${table}`).pluck().get() as number;
    return { tables: count('sqlite_stat1'), samples: count('sqlite_stat4') };
  } finally {
    raw.close();
  }
}

describe('the query planner statistics on SQLite', () => {
  let dir: string;
  let file: string;
  let storage: Storage;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-statistics-'));
    file = join(dir, 'statistics.db');
    storage = openStorage(`sqlite:${file}`);
    await migrateToLatest(storage);
    for (let i = 0; i < 50; i++) await insertUser(storage.db, { email: `person${i}@example.com`, name: `Person ${i}`, passwordHash: null });
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps per-table statistics and drops per-value samples, at open and when refreshed', async () => {
    // What a full ANALYZE leaves behind with this build of SQLite: both kinds.
    analyzeFromOutside(file);
    expect(statistics(file).tables).toBeGreaterThan(0);
    expect(statistics(file).samples).toBeGreaterThan(0);

    await storage.refreshStatistics!();
    expect(statistics(file)).toEqual({ tables: expect.any(Number), samples: 0 });
    expect(statistics(file).tables).toBeGreaterThan(0);

    // Another one while this process is down: the next open drops the samples again.
    await storage.close();
    analyzeFromOutside(file);
    expect(statistics(file).samples).toBeGreaterThan(0);
    storage = openStorage(`sqlite:${file}`);
    expect(statistics(file).samples).toBe(0);
    expect(statistics(file).tables).toBeGreaterThan(0);
    // Reads still work and use the unique index (the plan is unchanged by the samples going).
    const plan = await sql<{ detail: string }>`explain query plan select name from users where email = ${'person7@example.com'}`.execute(storage.db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/USING INDEX/);
  });
});
