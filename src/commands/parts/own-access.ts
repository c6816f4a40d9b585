import { randomInt } from 'node:crypto';
import Bowser from 'bowser';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { isSupportedLocale, DEFAULT_LOCALE, type Locale } from '../../domain/locales';
import type { Actor } from '../../domain/principal';
import { securityNoticeEmail, type SecurityNotice } from '../../mail/security-emails';
import type { Db } from '../../storage/db';
import { enqueueEmails } from '../../storage/deliveries';
import { recordSecurity, rememberDevice, sha256 } from '../../storage/own-access';
import { createSession } from '../../storage/sessions';
import type { User } from '../../storage/users';
import type { Deps } from '../deps';

/** Where a request came from: the browser's User-Agent and the client address. */
export type Client = { userAgent?: string | null; address?: string | null };

/** A User-Agent in words ("Chrome 131 · Linux": no English word, so it reads in every language), or null when it says nothing useful. */
export function describeDevice(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowserName();
  const major = parser.getBrowserVersion()?.split('.')[0];
  const os = parser.getOSName();
  const osVersion = parser.getOS().versionName ?? parser.getOSVersion();
  const browserPart = browser ? [browser, major].filter(Boolean).join(' ') : '';
  const osPart = os ? [os, osVersion && osVersion !== 'undefined' ? osVersion : ''].filter(Boolean).join(' ') : '';
  if (browserPart && osPart) return `${browserPart} · ${osPart}`;
  return browserPart || osPart || null;
}

export function localeOf(user: { locale: string | null }, fallback: Locale = DEFAULT_LOCALE): Locale {
  return isSupportedLocale(user.locale) ? user.locale : fallback;
}

/** Queues a notice about a change to the person's own access, in their language. */
export async function queueSecurityNotice(tx: Db, deps: Pick<Deps, 'config'>, user: User, notice: SecurityNotice): Promise<void> {
  await enqueueEmails(tx, [securityNoticeEmail({ to: user.email, locale: localeOf(user), publicUrl: deps.config.publicUrl, notice })]);
}

/**
 * Opens a full session for a person whose sign-in is complete. A device (User-Agent) never seen
 * for them before gets a notice email and a line in their security log.
 */
export async function openSession(tx: Db, deps: Pick<Deps, 'config'>, user: User, client: Client, via: 'password' | 'code' | 'recovery_code' | 'invitation' | 'reset' = 'password') {
  const { token, session } = await createSession(tx, user.id, client);
  const device = describeDevice(client.userAgent);
  const actor: Actor = { kind: 'user', id: user.id, name: user.name || user.email };
  if (client.userAgent && (await rememberDevice(tx, user.id, sha256(client.userAgent)))) {
    await recordSecurity(tx, { userId: user.id, actor, action: 'sign_in.new_device', device, address: client.address });
    await queueSecurityNotice(tx, deps, user, { kind: 'new_device', device, address: client.address ?? null });
  }
  if (via === 'recovery_code') await recordSecurity(tx, { userId: user.id, actor, action: 'sign_in.recovery_code', device, address: client.address });
  return { user, token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

// --- TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of drift either way) ---

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'Liaison') {
  return new TOTP({ issuer: 'Liaison', label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The time step (Unix time / 30 s) of a right code, or null: callers accept each step once. */
export function verifyTotp(secret: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / 30) + delta;
}

/** The otpauth URI as a QR code, an SVG data URL the page shows as an image. */
export async function qrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes such as `k7m2p-xq9rt`; each signs in once in place of an authenticator code. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The stored form of a recovery code: case, spaces and dashes do not matter. */
export function hashRecoveryCode(code: string): string {
  return sha256(code.toLowerCase().replace(/[\s-]/g, ''));
}
