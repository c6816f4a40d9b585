import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { Temporal } from 'temporal-polyfill';
import { requiredFields, type ContactField } from './contact-fields';
import type { ErrorDetail } from './errors';
import { isSupportedLocale } from './locales';
import { isValidTimeZone } from './support-hours';

/**
 * The contact information of one account: the rules of the product as pure functions, shared
 * by the server (which enforces them) and the web form (which shows the same errors early).
 */

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

export type ContactEntry = { email: string; name?: string; phone?: string; locale?: string };
export type AlertContactRef = { userId: string };
export type UserFacingContact = { email: string; phone?: string; url?: string };
export type SupportWindow = { timeZone: string; days: Day[]; start: string; end: string };
export type OperationalSupport = { alwaysOpen: boolean; windows: SupportWindow[] };

/** What is stored (alert contacts by user id); unset fields are [] or null. */
export type ContactInfo = {
  alertContacts: AlertContactRef[];
  technicalEmergencyContacts: ContactEntry[];
  technicalNonEmergencyContacts: ContactEntry[];
  merchantIssueContacts: ContactEntry[] | null;
  operationalContactsForPlatform: ContactEntry[];
  operationalContactForUsers: UserFacingContact | null;
  operationalSupport: OperationalSupport | null;
};

export const LIMITS = { entries: 20, windows: 20, email: 254, name: 200, phone: 32, url: 2048, timeZone: 64 };

export const ENTRY_LIST_FIELDS = [
  'technicalEmergencyContacts',
  'technicalNonEmergencyContacts',
  'merchantIssueContacts',
  'operationalContactsForPlatform',
] as const;

export function emptyContactInfo(hasMerchantIssueContacts: boolean): ContactInfo {
  return {
    alertContacts: [],
    technicalEmergencyContacts: [],
    technicalNonEmergencyContacts: [],
    merchantIssueContacts: hasMerchantIssueContacts ? [] : null,
    operationalContactsForPlatform: [],
    operationalContactForUsers: null,
    operationalSupport: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Normalization of single values. Each returns the normalized value or an error code.

const LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Email: trimmed, domain lower-cased and converted to ASCII (IDN → punycode). */
export function normalizeEmail(value: string): { ok: string } | { error: 'invalid_email' | 'too_long' } {
  const trimmed = value.trim();
  if (trimmed.length > LIMITS.email) return { error: 'too_long' };
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return { error: 'invalid_email' };
  const local = trimmed.slice(0, at);
  const domainInput = trimmed.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return { error: 'invalid_email' };
  }
  let domain: string;
  try {
    // The URL parser applies IDNA (UTS #46) in browsers and Node alike.
    if (/[\s/\\?#@:%[\]]/.test(domainInput)) return { error: 'invalid_email' };
    domain = new URL(`http://${domainInput}`).hostname;
  } catch {
    return { error: 'invalid_email' };
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) {
    return { error: 'invalid_email' };
  }
  const email = `${local}@${domain}`;
  return email.length > LIMITS.email ? { error: 'too_long' } : { ok: email };
}

/** Phone: any international notation, stored as E.164. */
export function normalizePhone(value: string): { ok: string } | { error: 'invalid_phone' | 'too_long' } {
  if (value.length > LIMITS.phone) return { error: 'too_long' };
  const parsed = parsePhoneNumberFromString(value.trim());
  return parsed?.isValid() ? { ok: parsed.number } : { error: 'invalid_phone' };
}

/** A web address people are sent to: https only (the form's hint says so; plain http is refused as invalid_url). */
export function normalizeUrl(value: string): { ok: string } | { error: 'invalid_url' | 'too_long' } {
  const trimmed = value.trim();
  if (trimmed.length > LIMITS.url) return { error: 'too_long' };
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'https:' || !url.hostname.includes('.') || url.username || url.password) {
      return { error: 'invalid_url' };
    }
    return { ok: url.href };
  } catch {
    return { error: 'invalid_url' };
  }
}

/** `HH:MM` from 00:00 to 23:59; `24:00` too where `allowEndOfDay` (a window's end). */
export function minutesOf(value: string, allowEndOfDay: boolean): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (match) return Number(match[1]) * 60 + Number(match[2]);
  return allowEndOfDay && value === '24:00' ? 24 * 60 : undefined;
}

// ---------------------------------------------------------------------------------------------
// Validation of a whole document, reporting every problem at once.

export type ValidationContext = {
  /** User ids of the account's members: only they can be alert contacts. */
  memberIds: ReadonlySet<string>;
  hasMerchantIssueContacts: boolean;
  env: 'production' | 'sandbox';
  /** What is stored now (null before the first save). */
  current: ContactInfo | null;
};

export type ValidationResult = { ok: true; value: ContactInfo } | { ok: false; details: ErrorDetail[] };

type Problems = ErrorDetail[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], path: string, problems: Problems) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push({ path: join(path, key), code: 'unknown_field' });
  }
}

const join = (...parts: (string | number)[]) => parts.filter((p) => p !== '').join('.');

function optionalString(value: unknown, path: string, max: number, problems: Problems): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push({ path, code: 'invalid_type' });
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length > max) {
    problems.push({ path, code: 'too_long', params: { max } });
    return undefined;
  }
  return trimmed === '' ? undefined : trimmed;
}

function emailAt(value: unknown, path: string, problems: Problems): string | undefined {
  if (value === undefined || value === null || value === '') {
    problems.push({ path, code: 'required' });
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push({ path, code: 'invalid_type' });
    return undefined;
  }
  const result = normalizeEmail(value);
  if ('error' in result) {
    problems.push(result.error === 'too_long' ? { path, code: 'too_long', params: { max: LIMITS.email } } : { path, code: result.error });
    return undefined;
  }
  return result.ok;
}

function phoneAt(value: unknown, path: string, problems: Problems): string | undefined {
  const raw = optionalString(value, path, LIMITS.phone, problems);
  if (raw === undefined) return undefined;
  const result = normalizePhone(raw);
  if ('error' in result) {
    problems.push({ path, code: result.error });
    return undefined;
  }
  return result.ok;
}

function listAt(value: unknown, path: string, max: number, problems: Problems): unknown[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ path, code: 'invalid_type' });
    return undefined;
  }
  if (value.length > max) {
    problems.push({ path, code: 'too_many', params: { max } });
    return undefined;
  }
  return value;
}

function contactEntries(value: unknown, field: string, problems: Problems): ContactEntry[] | undefined {
  const list = listAt(value, field, LIMITS.entries, problems);
  if (!list) return undefined;
  const entries: ContactEntry[] = [];
  const seen = new Set<string>();
  let valid = true;
  list.forEach((item, index) => {
    const path = join(field, index);
    if (!isObject(item)) {
      problems.push({ path, code: 'invalid_type' });
      valid = false;
      return;
    }
    const before = problems.length;
    checkKeys(item, ['email', 'name', 'phone', 'locale'], path, problems);
    const email = emailAt(item.email, join(path, 'email'), problems);
    const name = optionalString(item.name, join(path, 'name'), LIMITS.name, problems);
    const phone = phoneAt(item.phone, join(path, 'phone'), problems);
    let locale: string | undefined;
    if (item.locale !== undefined && item.locale !== null && item.locale !== '') {
      if (isSupportedLocale(item.locale)) locale = item.locale;
      else problems.push({ path: join(path, 'locale'), code: 'invalid_value' });
    }
    if (email !== undefined) {
      const key = email.toLowerCase();
      if (seen.has(key)) problems.push({ path: join(path, 'email'), code: 'duplicate' });
      seen.add(key);
    }
    if (problems.length > before) {
      valid = false;
      return;
    }
    entries.push({ email: email!, ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(locale ? { locale } : {}) });
  });
  return valid ? entries : undefined;
}

function alertContacts(value: unknown, context: ValidationContext, problems: Problems): AlertContactRef[] | undefined {
  const field = 'alertContacts';
  const list = listAt(value, field, LIMITS.entries, problems);
  if (!list) return undefined;
  const refs: AlertContactRef[] = [];
  const seen = new Set<string>();
  const before = problems.length;
  list.forEach((item, index) => {
    const path = join(field, index);
    if (!isObject(item)) {
      problems.push({ path, code: 'invalid_type' });
      return;
    }
    // Reading a document back and saving it sends email and name too: accept and ignore them.
    checkKeys(item, ['userId', 'email', 'name'], path, problems);
    const userId = item.userId;
    if (typeof userId !== 'string' || userId === '') {
      problems.push({ path: join(path, 'userId'), code: userId === undefined || userId === '' ? 'required' : 'invalid_type' });
      return;
    }
    if (seen.has(userId)) problems.push({ path: join(path, 'userId'), code: 'duplicate' });
    else if (!context.memberIds.has(userId)) problems.push({ path: join(path, 'userId'), code: 'not_a_member' });
    seen.add(userId);
    refs.push({ userId });
  });
  if (problems.length > before) return undefined;
  // Alert contacts can only be changed while Production is selected.
  const current = (context.current?.alertContacts ?? []).map((r) => r.userId);
  const changed = current.length !== refs.length || refs.some((r, i) => r.userId !== current[i]);
  if (changed && context.env !== 'production') {
    problems.push({ path: field, code: 'production_only' });
    return undefined;
  }
  return refs;
}

function userFacingContact(value: unknown, problems: Problems): UserFacingContact | null | undefined {
  const field = 'operationalContactForUsers';
  if (value === undefined || value === null) return null;
  if (!isObject(value)) {
    problems.push({ path: field, code: 'invalid_type' });
    return undefined;
  }
  const before = problems.length;
  checkKeys(value, ['email', 'phone', 'url'], field, problems);
  const email = emailAt(value.email, join(field, 'email'), problems);
  const phone = phoneAt(value.phone, join(field, 'phone'), problems);
  let url: string | undefined;
  const rawUrl = optionalString(value.url, join(field, 'url'), LIMITS.url, problems);
  if (rawUrl !== undefined) {
    const result = normalizeUrl(rawUrl);
    if ('error' in result) problems.push({ path: join(field, 'url'), code: result.error });
    else url = result.ok;
  }
  if (problems.length > before) return undefined;
  return { email: email!, ...(phone ? { phone } : {}), ...(url ? { url } : {}) };
}

function supportWindow(value: unknown, path: string, problems: Problems): SupportWindow | undefined {
  if (!isObject(value)) {
    problems.push({ path, code: 'invalid_type' });
    return undefined;
  }
  const before = problems.length;
  checkKeys(value, ['timeZone', 'days', 'start', 'end'], path, problems);

  const timeZone = value.timeZone;
  let zone: string | undefined;
  if (timeZone === undefined || timeZone === null || timeZone === '') problems.push({ path: join(path, 'timeZone'), code: 'required' });
  else if (typeof timeZone !== 'string') problems.push({ path: join(path, 'timeZone'), code: 'invalid_type' });
  else if (timeZone.length > LIMITS.timeZone || !isValidTimeZone(timeZone)) {
    problems.push({ path: join(path, 'timeZone'), code: 'invalid_time_zone' });
  } else {
    // Zone names match case-insensitively: store the name's own spelling (europe/warsaw → Europe/Warsaw).
    zone = new Temporal.ZonedDateTime(0n, timeZone).timeZoneId;
  }

  const days: Day[] = [];
  if (!Array.isArray(value.days) || value.days.length === 0) {
    problems.push({ path: join(path, 'days'), code: Array.isArray(value.days) || value.days === undefined ? 'required' : 'invalid_type' });
  } else if (value.days.length > DAYS.length) {
    problems.push({ path: join(path, 'days'), code: 'too_many', params: { max: DAYS.length } });
  } else {
    value.days.forEach((day, index) => {
      if (!DAYS.includes(day as Day)) problems.push({ path: join(path, 'days', index), code: 'invalid_day' });
      else if (days.includes(day as Day)) problems.push({ path: join(path, 'days', index), code: 'duplicate' });
      else days.push(day as Day);
    });
  }

  const timeAt = (key: 'start' | 'end'): number | undefined => {
    const raw = value[key];
    if (raw === undefined || raw === null || raw === '') problems.push({ path: join(path, key), code: 'required' });
    else if (typeof raw !== 'string') problems.push({ path: join(path, key), code: 'invalid_type' });
    else {
      const minutes = minutesOf(raw, key === 'end');
      if (minutes === undefined) problems.push({ path: join(path, key), code: 'invalid_time' });
      return minutes;
    }
    return undefined;
  };
  const start = timeAt('start');
  const end = timeAt('end');
  if (start !== undefined && end !== undefined && start >= end) problems.push({ path: join(path, 'end'), code: 'invalid_window' });

  if (problems.length > before) return undefined;
  // Days in week order, so equal windows compare equal.
  const ordered = DAYS.filter((d) => days.includes(d));
  return { timeZone: zone!, days: ordered, start: value.start as string, end: value.end as string };
}

function operationalSupport(value: unknown, problems: Problems): OperationalSupport | null | undefined {
  const field = 'operationalSupport';
  if (value === undefined || value === null) return null;
  if (!isObject(value)) {
    problems.push({ path: field, code: 'invalid_type' });
    return undefined;
  }
  const before = problems.length;
  checkKeys(value, ['alwaysOpen', 'windows'], field, problems);
  if (value.alwaysOpen !== undefined && typeof value.alwaysOpen !== 'boolean') {
    problems.push({ path: join(field, 'alwaysOpen'), code: 'invalid_type' });
  }
  const list = listAt(value.windows, join(field, 'windows'), LIMITS.windows, problems);
  const windows = (list ?? []).map((w, i) => supportWindow(w, join(field, 'windows', i), problems));
  if (problems.length > before) return undefined;
  return { alwaysOpen: value.alwaysOpen === true, windows: windows as SupportWindow[] };
}

/** The required fields without a valid entry (in the order of CONTACT_FIELDS). */
export function missingFields(info: ContactInfo, hasMerchantIssueContacts: boolean): ContactField[] {
  const filled: Record<ContactField, boolean> = {
    alertContacts: info.alertContacts.length > 0,
    technicalEmergencyContacts: info.technicalEmergencyContacts.length > 0,
    technicalNonEmergencyContacts: info.technicalNonEmergencyContacts.length > 0,
    merchantIssueContacts: (info.merchantIssueContacts ?? []).length > 0,
    operationalContactsForPlatform: info.operationalContactsForPlatform.length > 0,
    operationalContactForUsers: info.operationalContactForUsers !== null,
    operationalSupport: info.operationalSupport !== null && (info.operationalSupport.alwaysOpen || info.operationalSupport.windows.length > 0),
  };
  return requiredFields(hasMerchantIssueContacts).filter((field) => !filled[field]);
}

const TOP_LEVEL = ['version', 'complete', 'missing', 'updatedAt', 'updatedBy', 'contactHealth', 'review', ...ENTRY_LIST_FIELDS, 'alertContacts', 'operationalContactForUsers', 'operationalSupport'];

/**
 * Validates and normalizes a whole document (as PUT receives it). Every problem is reported
 * with its path; a document that was complete may not become incomplete (`required`).
 * Read-only fields of a GET (version, complete, missing, updatedAt, updatedBy, contactHealth, review) are accepted
 * and ignored, so a client can send back what it read.
 */
export function validateContactInfo(input: unknown, context: ValidationContext): ValidationResult {
  const problems: Problems = [];
  if (!isObject(input)) return { ok: false, details: [{ path: '', code: 'invalid_type' }] };
  checkKeys(input, TOP_LEVEL, '', problems);

  const alerts = alertContacts(input.alertContacts, context, problems);
  const emergency = contactEntries(input.technicalEmergencyContacts, 'technicalEmergencyContacts', problems);
  const nonEmergency = contactEntries(input.technicalNonEmergencyContacts, 'technicalNonEmergencyContacts', problems);
  let merchant: ContactEntry[] | null | undefined = null;
  if (context.hasMerchantIssueContacts) {
    merchant = contactEntries(input.merchantIssueContacts, 'merchantIssueContacts', problems);
  } else if (Array.isArray(input.merchantIssueContacts) ? input.merchantIssueContacts.length > 0 : input.merchantIssueContacts != null) {
    problems.push({ path: 'merchantIssueContacts', code: 'not_available' });
  }
  const platform = contactEntries(input.operationalContactsForPlatform, 'operationalContactsForPlatform', problems);
  const forUsers = userFacingContact(input.operationalContactForUsers, problems);
  const support = operationalSupport(input.operationalSupport, problems);

  // Once complete, never incomplete again: a required field left empty is reported with the rest.
  if (context.current && missingFields(context.current, context.hasMerchantIssueContacts).length === 0) {
    for (const field of requiredFields(context.hasMerchantIssueContacts)) {
      if (isEmptyField(field, input[field])) problems.push({ path: field, code: 'required' });
    }
  }

  if (problems.length > 0) return { ok: false, details: problems };
  const value: ContactInfo = {
    alertContacts: alerts!,
    technicalEmergencyContacts: emergency!,
    technicalNonEmergencyContacts: nonEmergency!,
    merchantIssueContacts: merchant ?? null,
    operationalContactsForPlatform: platform!,
    operationalContactForUsers: forUsers ?? null,
    operationalSupport: support ?? null,
  };
  return { ok: true, value };
}

/** Whether a field of an incoming document holds nothing at all (as opposed to something invalid). */
function isEmptyField(field: ContactField, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (field === 'operationalSupport') {
    return isObject(value) && value.alwaysOpen !== true && Array.isArray(value.windows ?? []) && ((value.windows as unknown[] | undefined) ?? []).length === 0;
  }
  return Array.isArray(value) && value.length === 0;
}

/** Field-by-field differences, for the audit log (compare with `emptyContactInfo` before a first save). */
export function changedFields(before: ContactInfo, after: ContactInfo): { field: ContactField; before: unknown; after: unknown }[] {
  const fields = Object.keys(after) as ContactField[];
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}
