import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainRouting } from '../../src/commands/explain-routing';
import { CATEGORIES, type Category } from '../../src/domain/routing';
import {
  addMember,
  completeContactInfo,
  createAccountWithAdmin,
  createCommandContext,
  scopeFor,
  type AccountFixture,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('explainRouting on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  const explain = async (account: AccountFixture, category: Category) =>
    explainRouting(ctx.deps, account.admin.principal, { scope: await scopeFor(ctx, account.admin.principal, account.id, 'contactInfo.read'), category });

  it('routes nothing before the contact information is saved', async () => {
    const account = await createAccountWithAdmin(ctx);
    for (const category of CATEGORIES) expect(await explain(account, category)).toEqual({ category, recipients: [] });
  });

  it('names who receives each category and from which field; alert contacts by their current email', async () => {
    const account = await createAccountWithAdmin(ctx);
    const editor = await addMember(ctx, account.id, 'editor');
    await completeContactInfo(ctx, account.id, [editor.user.id, account.admin.user.id]);

    expect(await explain(account, 'alert')).toEqual({
      category: 'alert',
      recipients: [
        { email: editor.user.email, field: 'alertContacts' },
        { email: account.admin.user.email, field: 'alertContacts' },
      ],
    });
    expect((await explain(account, 'emergency')).recipients).toEqual([{ email: 'oncall@partner.example', field: 'technicalEmergencyContacts' }]);
    expect((await explain(account, 'technical')).recipients).toEqual([{ email: 'dev@partner.example', field: 'technicalNonEmergencyContacts' }]);
    expect((await explain(account, 'merchant_issue')).recipients).toEqual([{ email: 'merchants@partner.example', field: 'merchantIssueContacts' }]);
    expect((await explain(account, 'user_escalation')).recipients).toEqual([{ email: 'ops@partner.example', field: 'operationalContactsForPlatform' }]);

    await ctx.db.updateTable('users').set({ email: 'editor.moved@partner.example' }).where('id', '=', editor.user.id).execute();
    expect((await explain(account, 'alert')).recipients[0]).toEqual({ email: 'editor.moved@partner.example', field: 'alertContacts' });
  });

  it('routes merchant issues nowhere for an account whose integrations have no such field', async () => {
    const account = await createAccountWithAdmin(ctx, { integrations: ['ordering_redirect'] });
    await completeContactInfo(ctx, account.id, account.admin.user.id, { merchant: false });
    expect(await explain(account, 'merchant_issue')).toEqual({ category: 'merchant_issue', recipients: [] });
    expect((await explain(account, 'emergency')).recipients).toHaveLength(1);
  });
});
