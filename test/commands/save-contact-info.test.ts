import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveContactInfo, type Environment } from '../../src/commands/save-contact-info';
import { SYSTEM, type Principal } from '../../src/domain/principal';
import { findAccount } from '../../src/storage/accounts';
import {
  addMember,
  auditOf,
  completeDocument,
  createAccountWithAdmin,
  createCommandContext,
  expectRefusal,
  expectRefusedWithoutChange,
  scopeFor,
  type AccountFixture,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('saveContactInfo on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  const save = async (
    account: AccountFixture,
    document: unknown,
    options: { principal?: Principal; env?: Environment; expectedVersion?: number | '*' } = {},
  ) => {
    const principal = options.principal ?? account.admin.principal;
    const scope = await scopeFor(ctx, principal, account.id, 'contactInfo.write');
    return saveContactInfo(ctx.deps, principal, {
      scope,
      env: options.env ?? 'production',
      document,
      ...(options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion }),
    });
  };

  it('saves a draft as version 1, then the complete document as version 2, normalized and audited field by field', async () => {
    const account = await createAccountWithAdmin(ctx);
    const editor = await addMember(ctx, account.id, 'editor', { name: 'Eddie' });

    const draft = await save(account, { technicalEmergencyContacts: [{ email: ' OnCall@Partner.EXAMPLE ', phone: '+48 22 123 45 67', name: ' Pager ' }] }, { principal: editor.principal, expectedVersion: 0 });
    expect(draft).toMatchObject({
      version: 1,
      complete: false,
      technicalEmergencyContacts: [{ email: 'OnCall@partner.example', phone: '+48221234567', name: 'Pager' }],
      updatedBy: { id: editor.user.id, name: 'Eddie' },
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(draft.missing).not.toContain('technicalEmergencyContacts');
    expect((await findAccount(ctx.db, account.id))?.contactInfoComplete).toBe(false);

    const complete = await save(account, completeDocument(editor.user.id), { expectedVersion: 1 });
    expect(complete).toMatchObject({
      version: 2,
      complete: true,
      missing: [],
      alertContacts: [{ userId: editor.user.id, email: editor.user.email, name: 'Eddie' }],
      updatedBy: { id: account.admin.user.id, name: 'First Admin' },
    });
    expect((await findAccount(ctx.db, account.id))?.contactInfoComplete).toBe(true);

    const [first, second] = (await auditOf(ctx.db, account.id)).filter((e) => e.action === 'contact_info.updated');
    expect(first).toMatchObject({
      actor: { kind: 'user', id: editor.user.id, name: 'Eddie' },
      changes: [{ field: 'technicalEmergencyContacts', before: [], after: [{ email: 'OnCall@partner.example', phone: '+48221234567', name: 'Pager' }] }],
    });
    expect(second!.actor).toEqual({ kind: 'user', id: account.admin.user.id, name: 'First Admin' });
    // Only what changed, alert contacts as people rather than ids.
    expect(second!.changes.map((c) => c.field)).toEqual([
      'alertContacts',
      'technicalEmergencyContacts',
      'technicalNonEmergencyContacts',
      'merchantIssueContacts',
      'operationalContactsForPlatform',
      'operationalContactForUsers',
      'operationalSupport',
    ]);
    expect(second!.changes[0]).toEqual({ field: 'alertContacts', before: [], after: [{ userId: editor.user.id, email: editor.user.email, name: 'Eddie' }] });
  });

  it('audits Liaison itself as the actor, with no updatedBy', async () => {
    const account = await createAccountWithAdmin(ctx);
    const view = await save(account, completeDocument(account.admin.user.id), { principal: SYSTEM });
    expect(view).toMatchObject({ version: 1, complete: true, updatedBy: null });
    expect((await auditOf(ctx.db, account.id)).at(-1)).toMatchObject({ actor: { kind: 'system', id: null, name: 'Liaison' }, action: 'contact_info.updated' });
  });

  it('writes nothing new when nothing changed', async () => {
    const account = await createAccountWithAdmin(ctx);
    const saved = await save(account, completeDocument(account.admin.user.id));
    const entries = (await auditOf(ctx.db, account.id)).length;
    // What a client read, sent back as is (read-only fields and all).
    const again = await save(account, saved, { expectedVersion: saved.version });
    expect(again.version).toBe(saved.version);
    expect(await auditOf(ctx.db, account.id)).toHaveLength(entries);
  });

  it('refuses a stale expected version, and "*" before any version exists, with version_conflict and no write', async () => {
    const account = await createAccountWithAdmin(ctx);
    const document = completeDocument(account.admin.user.id);
    await expectRefusedWithoutChange(ctx.db, () => save(account, document, { expectedVersion: '*' }), 'version_conflict');
    await expectRefusedWithoutChange(ctx.db, () => save(account, document, { expectedVersion: 1 }), 'version_conflict');
    expect((await save(account, { technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }] }, { expectedVersion: 0 })).version).toBe(1);
    expect((await save(account, { technicalNonEmergencyContacts: [{ email: 'dev2@partner.example' }] }, { expectedVersion: '*' })).version).toBe(2);
    await expectRefusedWithoutChange(ctx.db, () => save(account, document, { expectedVersion: 1 }), 'version_conflict');
    await expectRefusedWithoutChange(ctx.db, () => save(account, document, { expectedVersion: 0 }), 'version_conflict');
    await expectRefusedWithoutChange(ctx.db, () => save(account, document, { expectedVersion: 3 }), 'version_conflict');
    expect((await save(account, document, { expectedVersion: 2 })).version).toBe(3);
  });

  it('reports every problem of a document at once with its path and code, writing nothing', async () => {
    const account = await createAccountWithAdmin(ctx, { integrations: ['ordering_redirect'] });
    const error = await expectRefusedWithoutChange(
      ctx.db,
      () =>
        save(account, {
          alertContacts: [{ userId: 'u_stranger' }],
          technicalEmergencyContacts: [{ email: 'not-an-email', phone: '123' }, { email: 'ok@partner.example' }, { email: 'OK@Partner.example' }],
          merchantIssueContacts: [{ email: 'merchants@partner.example' }],
          operationalContactForUsers: { email: 'help@brand.example', url: 'ftp://brand.example' },
          operationalSupport: { alwaysOpen: false, windows: [{ timeZone: 'Mars/Base', days: ['mon', 'funday'], start: '10:00', end: '09:00' }] },
          colour: 'blue',
        }),
      'validation_failed',
    );
    expect(error.details).toEqual([
      { path: 'colour', code: 'unknown_field' },
      { path: 'alertContacts.0.userId', code: 'not_a_member' },
      { path: 'technicalEmergencyContacts.0.email', code: 'invalid_email' },
      { path: 'technicalEmergencyContacts.0.phone', code: 'invalid_phone' },
      { path: 'technicalEmergencyContacts.2.email', code: 'duplicate' },
      { path: 'merchantIssueContacts', code: 'not_available' },
      { path: 'operationalContactForUsers.url', code: 'invalid_url' },
      { path: 'operationalSupport.windows.0.timeZone', code: 'invalid_time_zone' },
      { path: 'operationalSupport.windows.0.days.1', code: 'invalid_day' },
      { path: 'operationalSupport.windows.0.end', code: 'invalid_window' },
    ]);
    const notAnObject = await expectRefusedWithoutChange(ctx.db, () => save(account, ['a list']), 'validation_failed');
    expect(notAnObject.details).toEqual([{ path: '', code: 'invalid_type' }]);
  });

  it('changes alert contacts only in production (production_only in sandbox), other fields in either', async () => {
    const account = await createAccountWithAdmin(ctx);
    const error = await expectRefusedWithoutChange(
      ctx.db,
      () => save(account, { alertContacts: [{ userId: account.admin.user.id }] }, { env: 'sandbox' }),
      'validation_failed',
    );
    expect(error.details).toEqual([{ path: 'alertContacts', code: 'production_only' }]);
    const sandbox = await save(account, { technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }] }, { env: 'sandbox' });
    expect(sandbox.version).toBe(1);
    const production = await save(account, { ...sandbox, alertContacts: [{ userId: account.admin.user.id }] });
    expect(production.alertContacts.map((c) => c.userId)).toEqual([account.admin.user.id]);
    // Sending the alert contacts back unchanged from sandbox is fine.
    expect((await save(account, { ...production, technicalNonEmergencyContacts: [{ email: 'dev2@partner.example' }] }, { env: 'sandbox' })).version).toBe(3);
  });

  it('once complete, never incomplete again: emptying a required field is refused as required', async () => {
    const account = await createAccountWithAdmin(ctx, { integrations: ['ordering_redirect'] });
    const complete = completeDocument(account.admin.user.id, { merchant: false });
    await save(account, complete);
    const error = await expectRefusedWithoutChange(
      ctx.db,
      () =>
        save(account, {
          ...complete,
          technicalEmergencyContacts: [],
          operationalContactForUsers: null,
          operationalSupport: { alwaysOpen: false, windows: [] },
        }),
      'validation_failed',
    );
    expect(error.details).toEqual([
      { path: 'technicalEmergencyContacts', code: 'required' },
      { path: 'operationalContactForUsers', code: 'required' },
      { path: 'operationalSupport', code: 'required' },
    ]);
    const withoutAlerts: Record<string, unknown> = { ...complete };
    delete withoutAlerts.alertContacts;
    const missingAlerts = await expectRefusal(save(account, withoutAlerts), 'validation_failed');
    expect(missingAlerts.details).toEqual([{ path: 'alertContacts', code: 'required' }]);
    expect((await findAccount(ctx.db, account.id))?.contactInfoComplete).toBe(true);
  });

  it('lets only one of two concurrent saves from the same version win; the other gets version_conflict', async () => {
    const account = await createAccountWithAdmin(ctx);
    const editor = await addMember(ctx, account.id, 'editor');
    await save(account, { technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }] });
    const outcomes = await Promise.allSettled([
      save(account, { technicalNonEmergencyContacts: [{ email: 'first@partner.example' }] }, { expectedVersion: 1 }),
      save(account, { technicalNonEmergencyContacts: [{ email: 'second@partner.example' }] }, { principal: editor.principal, expectedVersion: 1 }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(['version_conflict']);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof save>>>).value;
    expect(winner.version).toBe(2);
    expect((await auditOf(ctx.db, account.id)).filter((e) => e.action === 'contact_info.updated')).toHaveLength(2);
  });
});
