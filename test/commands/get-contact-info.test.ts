import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getContactInfo } from '../../src/commands/get-contact-info';
import { saveContactInfo } from '../../src/commands/save-contact-info';
import {
  addMember,
  completeContactInfo,
  completeDocument,
  createAccountWithAdmin,
  createCommandContext,
  scopeFor,
  snapshot,
  type AccountFixture,
  type CommandContext,
  type Person,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('getContactInfo on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  const read = async (account: AccountFixture, reader: Person = account.admin) =>
    getContactInfo(ctx.deps, reader.principal, { scope: await scopeFor(ctx, reader.principal, account.id, 'contactInfo.read') });

  it('shows an empty document at version 0 before the first save, merchant-issue contacts [] or null by integration', async () => {
    const merchant = await createAccountWithAdmin(ctx, { integrations: ['reservations_e2e'] });
    const state = await snapshot(ctx.db);
    expect(await read(merchant)).toEqual({
      version: 0,
      complete: false,
      missing: [
        'alertContacts',
        'technicalEmergencyContacts',
        'technicalNonEmergencyContacts',
        'merchantIssueContacts',
        'operationalContactsForPlatform',
        'operationalContactForUsers',
        'operationalSupport',
      ],
      alertContacts: [],
      technicalEmergencyContacts: [],
      technicalNonEmergencyContacts: [],
      merchantIssueContacts: [],
      operationalContactsForPlatform: [],
      operationalContactForUsers: null,
      operationalSupport: null,
      updatedAt: null,
      updatedBy: null,
      contactHealth: [],
      review: null,
    });
    // Reading writes nothing (no empty row is created on the way).
    expect(await snapshot(ctx.db)).toEqual(state);

    const plain = await createAccountWithAdmin(ctx, { integrations: ['ordering_redirect'] });
    const view = await read(plain);
    expect(view.merchantIssueContacts).toBeNull();
    expect(view.missing).not.toContain('merchantIssueContacts');
  });

  it('shows the saved document to every member, alert contacts with their current email and name', async () => {
    const account = await createAccountWithAdmin(ctx);
    const viewer = await addMember(ctx, account.id, 'viewer', { name: 'Vera' });
    const scope = await scopeFor(ctx, account.admin.principal, account.id, 'contactInfo.write');
    const saved = await saveContactInfo(ctx.deps, account.admin.principal, { scope, env: 'production', document: completeDocument([viewer.user.id, account.admin.user.id]) });

    const view = await read(account, viewer);
    expect(view).toEqual(saved);
    expect(view).toMatchObject({
      version: 1,
      complete: true,
      missing: [],
      alertContacts: [
        { userId: viewer.user.id, email: viewer.user.email, name: 'Vera' },
        { userId: account.admin.user.id, email: account.admin.user.email, name: 'First Admin' },
      ],
      technicalEmergencyContacts: [{ email: 'oncall@partner.example', name: 'Pager', phone: '+48221234567' }],
      merchantIssueContacts: [{ email: 'merchants@partner.example' }],
      operationalContactForUsers: { email: 'help@brand.example', url: 'https://brand.example/help' },
      updatedBy: { id: account.admin.user.id, name: 'First Admin' },
    });

    // A rename shows at once: the document holds user ids, not copies.
    await ctx.db.updateTable('users').set({ name: 'Vera Renamed', email: 'vera.renamed@partner.example' }).where('id', '=', viewer.user.id).execute();
    expect((await read(account, viewer)).alertContacts[0]).toEqual({ userId: viewer.user.id, email: 'vera.renamed@partner.example', name: 'Vera Renamed' });
  });

  it('shows no updatedBy when Liaison itself saved it', async () => {
    const account = await createAccountWithAdmin(ctx);
    await completeContactInfo(ctx, account.id, account.admin.user.id);
    expect(await read(account)).toMatchObject({ version: 1, complete: true, updatedBy: null, updatedAt: expect.stringMatching(/Z$/) });
  });
});
