import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseNotification } from '../../src/commands/raise-notification';
import { setAccountLanguage } from '../../src/commands/set-account-language';
import { SYSTEM } from '../../src/domain/principal';
import { findAccount } from '../../src/storage/accounts';
import {
  addMember,
  auditOf,
  completeContactInfo,
  createAccountWithAdmin,
  createCommandContext,
  deliveriesTo,
  expectRefusal,
  scopeFor,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('setAccountLanguage on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  it('starts in English, changes for admins, is audited, and writes emails to contacts without a language in it', async () => {
    const account = await createAccountWithAdmin(ctx);
    expect((await findAccount(ctx.db, account.id))?.language).toBe('en');
    await completeContactInfo(ctx, account.id, account.admin.user.id);

    const raise = async (title: string) =>
      raiseNotification(ctx.deps, SYSTEM, {
        scope: await scopeFor(ctx, SYSTEM, account.id, 'notifications.send'),
        category: 'technical',
        env: 'production',
        title,
        body: 'Body',
      });
    await raise('Before');
    const scope = await scopeFor(ctx, account.admin.principal, account.id, 'users.manage');
    const detail = await setAccountLanguage(ctx.deps, account.admin.principal, { scope, language: 'pl' });
    expect(detail).toMatchObject({ id: account.id, language: 'pl' });
    expect((await findAccount(ctx.db, account.id))?.language).toBe('pl');
    expect((await auditOf(ctx.db, account.id)).at(-1)).toMatchObject({
      action: 'account.language_changed',
      changes: [{ field: 'language', before: 'en', after: 'pl' }],
    });
    await raise('After');

    // dev@partner.example has no language of its own: first English, then the account's Polish.
    const [before, after] = await deliveriesTo(ctx.db, 'dev@partner.example');
    expect(before!.text).not.toEqual(after!.text.replace('After', 'Before'));
  });

  it('is refused to editors (users.manage)', async () => {
    const account = await createAccountWithAdmin(ctx);
    const editor = await addMember(ctx, account.id, 'editor');
    await expectRefusal(scopeFor(ctx, editor.principal, account.id, 'users.manage'), 'forbidden');
  });
});
