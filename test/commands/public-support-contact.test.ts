import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { publicSupportContacts } from '../../src/commands/public-support-contact';
import { saveContactInfo } from '../../src/commands/save-contact-info';
import { SYSTEM } from '../../src/domain/principal';
import { completeContactInfo, completeDocument, createAccountWithAdmin, createCommandContext, scopeFor, type CommandContext } from '../support/commands';
import { DIALECTS } from '../support/storage';

// Monday 2026-11-23, 10:00 in Warsaw (UTC+1): inside the fixture's Mon–Fri 09:00–17:00 window.
const MONDAY_MORNING = Date.parse('2026-11-23T09:00:00Z');
// Saturday 2026-11-28, noon in Warsaw.
const SATURDAY = Date.parse('2026-11-28T11:00:00Z');

describe.each(DIALECTS)('publicSupportContacts on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  it('knows nothing of unknown accounts, nor of accounts whose contact information is incomplete', async () => {
    const { find, close } = await publicSupportContacts(ctx.storage);
    onTestFinished(close);
    expect(await find('a_doesnotexist')).toBeUndefined();
    const account = await createAccountWithAdmin(ctx);
    expect(await find(account.id)).toBeUndefined();
    // Even with the user-facing contact and hours already saved in a draft.
    const scope = await scopeFor(ctx, SYSTEM, account.id, 'contactInfo.write');
    const { operationalContactForUsers, operationalSupport } = completeDocument(account.admin.user.id);
    await saveContactInfo(ctx.deps, SYSTEM, { scope, env: 'production', document: { operationalContactForUsers, operationalSupport } });
    expect(await find(account.id, MONDAY_MORNING)).toBeUndefined();
  });

  it('gives the user-facing contact and hours of a complete account, with whether support is open at that moment', async () => {
    const account = await createAccountWithAdmin(ctx);
    await completeContactInfo(ctx, account.id, account.admin.user.id);
    const { find, close } = await publicSupportContacts(ctx.storage);
    onTestFinished(close);
    const open = await find(account.id, MONDAY_MORNING);
    expect(open).toEqual({
      email: 'help@brand.example',
      url: 'https://brand.example/help',
      operationalSupport: { alwaysOpen: false, windows: [{ timeZone: 'Europe/Warsaw', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] },
      openNow: true,
      nextChangeAt: '2026-11-23T16:00:00.000Z',
    });
    expect(await find(account.id, SATURDAY)).toMatchObject({ openNow: false, nextChangeAt: '2026-11-30T08:00:00.000Z' });
  });
});
