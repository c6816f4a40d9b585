import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Unsubscribe links: `<publicUrl>/unsubscribe/<token>?category=<category>`, the token naming an
 * account and an address and signed with the installation's key (HMAC-SHA256). The category is
 * in the clear: the address's owner may opt out of any optional category of that account.
 */
function mac(secret: string, accountId: string, email: string): string {
  return createHmac('sha256', secret).update(`${accountId}\n${email.toLowerCase()}`).digest('base64url').slice(0, 32);
}

export function unsubscribeToken(secret: string, accountId: string, email: string): string {
  return `${Buffer.from(JSON.stringify([accountId, email.toLowerCase()])).toString('base64url')}.${mac(secret, accountId, email)}`;
}

/** The account and address of a genuine token; undefined for anything else. */
export function readUnsubscribeToken(secret: string, token: string): { accountId: string; email: string } | undefined {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return undefined;
  try {
    const [accountId, email] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
    if (typeof accountId !== 'string' || typeof email !== 'string') return undefined;
    const expected = Buffer.from(mac(secret, accountId, email));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? { accountId, email } : undefined;
  } catch {
    return undefined;
  }
}

export function unsubscribeUrl(publicUrl: string, token: string, category: string): string {
  return `${publicUrl}/unsubscribe/${token}?category=${encodeURIComponent(category)}`;
}

/** RFC 8058: the URL to POST to, and the one-click marker. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
