import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccounts } from '../../src/commands/list-accounts';
import { ANONYMOUS, SYSTEM, type Principal } from '../../src/domain/principal';
import { insertMembership } from '../../src/storage/memberships';
import {
  completeContactInfo,
  createAccountWithAdmin,
  createCommandContext,
  createPerson,
  expectRefusal,
  type AccountFixture,
  type CommandContext,
  type Person,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('listAccounts on %s', (dialect) => {
  let ctx: CommandContext;
  let acme: AccountFixture;
  let bistro: AccountFixture;
  let cafe: AccountFixture;
  let operator: Person;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
    // Created out of name order: lists are by name.
    cafe = await createAccountWithAdmin(ctx, { name: 'Cafe Co', integrations: ['ordering_redirect'] });
    acme = await createAccountWithAdmin(ctx, { name: 'Acme Bookings' });
    bistro = await createAccountWithAdmin(ctx, { name: 'Bistro Group' });
    await completeContactInfo(ctx, bistro.id, bistro.admin.user.id);
    operator = await createPerson(ctx.db, { isOperator: true });
  });
  afterAll(() => ctx.storage.destroy());

  const names = (page: { items: { name: string }[] }) => page.items.map((a) => a.name);

  it('shows operators and Liaison itself every account by name, and filters on completeness', async () => {
    for (const principal of [operator.principal, SYSTEM]) {
      const all = await listAccounts(ctx.deps, principal, { limit: 50 });
      expect(names(all)).toEqual(['Acme Bookings', 'Bistro Group', 'Cafe Co']);
      expect(all.nextCursor).toBeNull();
      expect(all.items[1]).toEqual({ id: bistro.id, name: 'Bistro Group', integrations: [{ type: 'reservations_e2e', status: 'enabled' }], contactInfoComplete: true, language: 'en', failingDeliveries: 0, contactHealth: { bouncing: 0, unconfirmed: 4, stale: false } });
      expect(names(await listAccounts(ctx.deps, principal, { limit: 50, complete: true }))).toEqual(['Bistro Group']);
      expect(names(await listAccounts(ctx.deps, principal, { limit: 50, complete: false }))).toEqual(['Acme Bookings', 'Cafe Co']);
    }
  });

  it('pages with an opaque cursor', async () => {
    const first = await listAccounts(ctx.deps, operator.principal, { limit: 2 });
    expect(names(first)).toEqual(['Acme Bookings', 'Bistro Group']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listAccounts(ctx.deps, operator.principal, { limit: 2, cursor: first.nextCursor! });
    expect(names(second)).toEqual(['Cafe Co']);
    expect(second.nextCursor).toBeNull();
    await expectRefusal(listAccounts(ctx.deps, operator.principal, { limit: 2, cursor: 'not-a-cursor' }), 'validation_failed');
  });

  it('shows a partner user only the accounts they belong to, with the same filter', async () => {
    await insertMembership(ctx.db, { accountId: bistro.id, userId: cafe.admin.user.id, role: 'viewer' });
    expect(names(await listAccounts(ctx.deps, cafe.admin.principal, { limit: 50 }))).toEqual(['Bistro Group', 'Cafe Co']);
    expect(names(await listAccounts(ctx.deps, cafe.admin.principal, { limit: 50, complete: false }))).toEqual(['Cafe Co']);
    expect(names(await listAccounts(ctx.deps, acme.admin.principal, { limit: 50 }))).toEqual(['Acme Bookings']);
    const loner = await createPerson(ctx.db);
    expect(await listAccounts(ctx.deps, loner.principal, { limit: 50 })).toEqual({ items: [], nextCursor: null });
  });

  it('is forbidden to service tokens (even one bound to an account) and to anonymous callers', async () => {
    const callers: Principal[] = [
      { kind: 'service', token: { id: 't_1', name: 'Monitoring', accountId: null } },
      { kind: 'service', token: { id: 't_2', name: 'Orders', accountId: acme.id } },
      ANONYMOUS,
    ];
    for (const principal of callers) await expectRefusal(listAccounts(ctx.deps, principal, { limit: 50 }), 'forbidden');
  });
});
