import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { CONTACT_FIELDS, requiredFields, type ContactField } from '../../../domain/contact-fields';
import {
  DAYS,
  ENTRY_LIST_FIELDS,
  validateContactInfo,
  type ContactEntry,
  type ContactInfo,
  type Day,
} from '../../../domain/contact-info';
import type { ErrorDetail } from '../../../domain/errors';
import type { ContactInfoView } from '../../types';

/**
 * The contact-information form's state ("draft") and its translation to and from the API's
 * document. The draft keeps exactly what the person typed (strings, blank rows), so nothing is
 * lost on an error; `buildBody` turns it into the PUT body and remembers which draft row each
 * body row came from, so the errors of the server and of `validateContactInfo` (both by body
 * path) land on the inputs they concern.
 */

export type ListField = (typeof ENTRY_LIST_FIELDS)[number];
export const LIST_FIELDS: readonly ListField[] = ENTRY_LIST_FIELDS;

export interface EntryDraft {
  key: string;
  email: string;
  name: string;
  phone: string;
  locale: string;
}

export interface WindowDraft {
  key: string;
  timeZone: string;
  days: Day[];
  start: string;
  end: string;
}

export interface Draft {
  /** User ids, in the order they were picked. */
  alertContacts: string[];
  technicalEmergencyContacts: EntryDraft[];
  technicalNonEmergencyContacts: EntryDraft[];
  /** null: the account has no such field. */
  merchantIssueContacts: EntryDraft[] | null;
  operationalContactsForPlatform: EntryDraft[];
  operationalContactForUsers: { email: string; phone: string; url: string };
  alwaysOpen: boolean;
  windows: WindowDraft[];
}

let counter = 0;
/** A stable React key for a new row. */
export function newKey(): string {
  counter += 1;
  return `row${counter}`;
}

export function blankEntry(): EntryDraft {
  return { key: newKey(), email: '', name: '', phone: '', locale: '' };
}

export function isBlankEntry(entry: EntryDraft): boolean {
  return !entry.email.trim() && !entry.name.trim() && !entry.phone.trim();
}

/** The browser's own IANA zone (what a new window starts with). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function newWindow(timeZone: string, days: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'], start = '09:00', end = '17:00'): WindowDraft {
  return { key: newKey(), timeZone, days, start, end };
}

/** E.164 as people read it: "+48221234567" → "+48 22 123 45 67". */
export function displayPhone(phone: string | undefined): string {
  if (!phone) return '';
  try {
    return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
  } catch {
    return phone;
  }
}

function entryDraft(entry: ContactEntry): EntryDraft {
  return { key: newKey(), email: entry.email, name: entry.name ?? '', phone: displayPhone(entry.phone), locale: entry.locale ?? '' };
}

/** An empty list shows one blank row, so there is something to type into (blank rows are never sent). */
function listDraft(entries: ContactEntry[]): EntryDraft[] {
  return entries.length > 0 ? entries.map(entryDraft) : [blankEntry()];
}

export function draftFromView(view: ContactInfoView): Draft {
  const users = view.operationalContactForUsers;
  return {
    alertContacts: view.alertContacts.map((a) => a.userId),
    technicalEmergencyContacts: listDraft(view.technicalEmergencyContacts),
    technicalNonEmergencyContacts: listDraft(view.technicalNonEmergencyContacts),
    merchantIssueContacts: view.merchantIssueContacts === null ? null : listDraft(view.merchantIssueContacts),
    operationalContactsForPlatform: listDraft(view.operationalContactsForPlatform),
    operationalContactForUsers: { email: users?.email ?? '', phone: displayPhone(users?.phone), url: users?.url ?? '' },
    alwaysOpen: view.operationalSupport?.alwaysOpen ?? false,
    windows: (view.operationalSupport?.windows ?? []).map((w) => ({ key: newKey(), timeZone: w.timeZone, days: [...w.days], start: w.start, end: w.end })),
  };
}

/** The stored document as the domain's validation knows it (null before the first save). */
export function currentInfo(view: ContactInfoView): ContactInfo | null {
  if (view.version === 0) return null;
  return {
    alertContacts: view.alertContacts.map((a) => ({ userId: a.userId })),
    technicalEmergencyContacts: view.technicalEmergencyContacts,
    technicalNonEmergencyContacts: view.technicalNonEmergencyContacts,
    merchantIssueContacts: view.merchantIssueContacts,
    operationalContactsForPlatform: view.operationalContactsForPlatform,
    operationalContactForUsers: view.operationalContactForUsers,
    operationalSupport: view.operationalSupport,
  };
}

export interface BuiltBody {
  body: Record<string, unknown>;
  /** For each list field, the draft index of each body row (blank rows are left out). */
  rows: Record<ListField, number[]>;
}

function entryBody(entry: EntryDraft): Record<string, string> {
  const body: Record<string, string> = { email: entry.email };
  if (entry.name.trim()) body.name = entry.name;
  if (entry.phone.trim()) body.phone = entry.phone;
  if (entry.locale) body.locale = entry.locale;
  return body;
}

/** The PUT body for a draft: blank rows left out, an all-empty user-facing contact as null. */
export function buildBody(draft: Draft): BuiltBody {
  const rows = {} as Record<ListField, number[]>;
  const body: Record<string, unknown> = { alertContacts: draft.alertContacts.map((userId) => ({ userId })) };
  for (const field of LIST_FIELDS) {
    const list = draft[field];
    if (list === null) {
      body[field] = null;
      rows[field] = [];
      continue;
    }
    const kept: number[] = [];
    list.forEach((entry, index) => {
      if (!isBlankEntry(entry)) kept.push(index);
    });
    rows[field] = kept;
    body[field] = kept.map((index) => entryBody(list[index]!));
  }
  const users = draft.operationalContactForUsers;
  body.operationalContactForUsers =
    users.email.trim() || users.phone.trim() || users.url.trim()
      ? { email: users.email, ...(users.phone.trim() ? { phone: users.phone } : {}), ...(users.url.trim() ? { url: users.url } : {}) }
      : null;
  body.operationalSupport =
    draft.alwaysOpen || draft.windows.length > 0
      ? { alwaysOpen: draft.alwaysOpen, windows: draft.windows.map(({ timeZone, days, start, end }) => ({ timeZone, days, start, end })) }
      : null;
  return { body, rows };
}

/** A body path (`technicalEmergencyContacts.0.email`) as a draft path (the row's index in the draft). */
export function toDraftPath(path: string, rows: BuiltBody['rows']): string {
  const [field, index, ...rest] = path.split('.');
  if (field && (LIST_FIELDS as readonly string[]).includes(field) && index !== undefined && /^\d+$/.test(index)) {
    const draftIndex = rows[field as ListField]?.[Number(index)];
    if (draftIndex !== undefined) return [field, String(draftIndex), ...rest].join('.');
  }
  return path;
}

/**
 * Every place of the form an error can be shown at, in the order they appear on screen: each
 * field's group, then its inputs. An error's path is shown at its nearest listed ancestor.
 */
export function formPlaces(draft: Draft): string[] {
  const places: string[] = [];
  for (const field of CONTACT_FIELDS) {
    if (field === 'merchantIssueContacts' && draft.merchantIssueContacts === null) continue;
    places.push(field);
    if ((LIST_FIELDS as readonly string[]).includes(field)) {
      (draft[field as ListField] ?? []).forEach((_entry, index) => {
        for (const part of ['email', 'name', 'phone', 'locale']) places.push(`${field}.${index}.${part}`);
      });
    } else if (field === 'operationalContactForUsers') {
      for (const part of ['email', 'phone', 'url']) places.push(`${field}.${part}`);
    } else if (field === 'operationalSupport') {
      draft.windows.forEach((_window, index) => {
        for (const part of ['days', 'start', 'end', 'timeZone']) places.push(`${field}.windows.${index}.${part}`);
      });
    }
  }
  return places;
}

/** The nearest place of `path` ('' for the form itself). */
export function placeOf(path: string, places: ReadonlySet<string>): string {
  const parts = path.split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    if (places.has(candidate)) return candidate;
    parts.pop();
  }
  return '';
}

/** The field (group) a place belongs to. */
export function fieldOfPlace(place: string): ContactField | null {
  const field = place.split('.')[0];
  return (CONTACT_FIELDS as readonly string[]).includes(field ?? '') ? (field as ContactField) : null;
}

export interface PlacedError {
  /** Where it is shown: a draft path from `formPlaces`, or '' for the form. */
  place: string;
  code: string;
  params?: Record<string, string | number>;
  /** The path as reported (draft indices), for messages that depend on the exact part. */
  path: string;
}

/** Errors by body path → errors by place (first one per place wins). */
export function placeErrors(details: readonly ErrorDetail[], rows: BuiltBody['rows'], places: ReadonlySet<string>): Map<string, PlacedError> {
  const placed = new Map<string, PlacedError>();
  for (const detail of details) {
    const path = toDraftPath(detail.path, rows);
    const place = placeOf(path, places);
    if (!placed.has(place)) placed.set(place, { place, code: detail.code, params: detail.params, path });
  }
  return placed;
}

export interface ValidationInputs {
  memberIds: ReadonlySet<string>;
  hasMerchantIssueContacts: boolean;
  env: 'production' | 'sandbox';
  current: ContactInfo | null;
}

/** The domain's own validation, run on the draft: every problem, by place. */
export function validateDraft(draft: Draft, inputs: ValidationInputs): Map<string, PlacedError> {
  const { body, rows } = buildBody(draft);
  const result = validateContactInfo(body, inputs);
  if (result.ok) return new Map();
  return placeErrors(result.details, rows, new Set(formPlaces(draft)));
}

/**
 * The required fields the draft leaves empty, as the person types (the "Not filled in yet"
 * badges follow this, not the saved document): a list needs a row with an email, the contact
 * to share with users an email, the support hours "24/7" or a window.
 */
export function draftMissing(draft: Draft): ContactField[] {
  const hasEmail = (rows: readonly EntryDraft[] | null) => (rows ?? []).some((row) => row.email.trim() !== '');
  const filled: Record<ContactField, boolean> = {
    alertContacts: draft.alertContacts.length > 0,
    technicalEmergencyContacts: hasEmail(draft.technicalEmergencyContacts),
    technicalNonEmergencyContacts: hasEmail(draft.technicalNonEmergencyContacts),
    merchantIssueContacts: hasEmail(draft.merchantIssueContacts),
    operationalContactsForPlatform: hasEmail(draft.operationalContactsForPlatform),
    operationalContactForUsers: draft.operationalContactForUsers.email.trim() !== '',
    operationalSupport: draft.alwaysOpen || draft.windows.length > 0,
  };
  return requiredFields(draft.merchantIssueContacts !== null).filter((field) => !filled[field]);
}

/** Whether two drafts say the same (row keys aside): is there anything unsaved? */
export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(buildBody(a).body) === JSON.stringify(buildBody(b).body);
}

export { DAYS };
export type { Day };
