import { describe, expect, it } from 'vitest';
import { invitationEmail, layout } from '../../src/mail/templates';

const RLM = '\u200f';

describe('plain-text emails carry their direction', () => {
  it('in Hebrew, every line of Liaison\'s own wording opens with a right-to-left mark; the caller\'s text keeps its own', () => {
    const { text } = layout('he', ['שורה ראשונה\nשורה שנייה', { quote: 'Disk full on db-1\nsecond line' }], { label: 'פתיחה', url: 'https://x.example/a' }, 'הערה');
    const lines = text.split('\n').filter(Boolean);
    expect(lines).toEqual([`${RLM}שורה ראשונה`, `${RLM}שורה שנייה`, 'Disk full on db-1', 'second line', `${RLM}פתיחה: https://x.example/a`, `${RLM}הערה`]);
  });

  it('a Hebrew invitation whose first word is a Latin name still reads right to left', () => {
    const email = invitationEmail({
      to: 'dana@partner.test',
      locale: 'he',
      inviterName: 'Nadia Novak',
      accountName: 'Acme Inc.',
      role: 'editor',
      url: 'https://liaison.example/invitations/t',
      expiresAt: '2026-12-01T10:00:00Z',
    });
    for (const line of email.text.split('\n').filter(Boolean)) expect(line.startsWith(RLM), line).toBe(true);
    expect(email.html).toContain('dir="rtl"');
  });

  it('in English and Polish, no marks are added', () => {
    for (const locale of ['en', 'pl'] as const) {
      const { text } = layout(locale, ['First line'], { label: 'Open', url: 'https://x.example' }, 'Footer');
      expect(text).not.toContain(RLM);
    }
  });
});
