import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAccount } from '../../src/commands/get-account';
import { saveContactInfo } from '../../src/commands/save-contact-info';
import { SYSTEM } from '../../src/domain/principal';
import {
  addMember,
  completeContactInfo,
  createAccountWithAdmin,
  createCommandContext,
  expectRefusal,
  scopeFor,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('getAccount on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  it('shows the account and the contact fields it still misses, shrinking as they are filled', async () => {
    const account = await createAccountWithAdmin(ctx, { name: 'Redirect Co', integrations: ['ordering_redirect', 'healthcare_appointments'] });
    const viewer = await addMember(ctx, account.id, 'viewer');
    const read = async () => getAccount(ctx.deps, viewer.principal, { scope: await scopeFor(ctx, viewer.principal, account.id, 'account.read') });

    expect(await read()).toEqual({
      id: account.id,
      name: 'Redirect Co',
      integrations: [
        { type: 'healthcare_appointments', status: 'enabled' },
        { type: 'ordering_redirect', status: 'enabled' },
      ],
      contactInfoComplete: false,
      language: 'en',
      // Neither integration has merchant-issue contacts.
      missing: [
        'alertContacts',
        'technicalEmergencyContacts',
        'technicalNonEmergencyContacts',
        'operationalContactsForPlatform',
        'operationalContactForUsers',
        'operationalSupport',
      ],
    });

    const scope = await scopeFor(ctx, SYSTEM, account.id, 'contactInfo.write');
    await saveContactInfo(ctx.deps, SYSTEM, { scope, env: 'production', document: { technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }] } });
    expect((await read()).missing).toEqual([
      'alertContacts',
      'technicalEmergencyContacts',
      'operationalContactsForPlatform',
      'operationalContactForUsers',
      'operationalSupport',
    ]);

    await completeContactInfo(ctx, account.id, account.admin.user.id, { merchant: false });
    expect(await read()).toMatchObject({ contactInfoComplete: true, missing: [] });
  });

  it('includes merchant-issue contacts in what is missing when an integration has them', async () => {
    const account = await createAccountWithAdmin(ctx, { integrations: ['ordering_redirect', 'appointments_e2e'] });
    const detail = await getAccount(ctx.deps, account.admin.principal, { scope: await scopeFor(ctx, account.admin.principal, account.id, 'account.read') });
    expect(detail.missing).toContain('merchantIssueContacts');
  });

  it('is reached only through a scope: an outsider finds nothing', async () => {
    const account = await createAccountWithAdmin(ctx);
    const other = await createAccountWithAdmin(ctx);
    await expectRefusal(scopeFor(ctx, other.admin.principal, account.id, 'account.read'), 'not_found');
  });
});
