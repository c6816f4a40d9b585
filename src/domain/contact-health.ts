import { ENTRY_LIST_FIELDS, type ContactInfo } from './contact-info';

/**
 * Contact health: every email contact of the contact information is `unconfirmed` (listed, nobody
 * has shown they read it), `confirmed` (someone used its confirmation link, or mail reaches it
 * again after bouncing) or `bouncing` (the last delivery to it failed for good: SMTP 5xx). Pure
 * rules: storage records the answers, commands ask them.
 */
export const CONTACT_STATES = ['unconfirmed', 'confirmed', 'bouncing'] as const;
export type ContactState = (typeof CONTACT_STATES)[number];

/** The contact fields whose addresses Liaison writes to, each address confirmed per field. */
export const HEALTH_FIELDS = ENTRY_LIST_FIELDS;
export type HealthField = (typeof HEALTH_FIELDS)[number];

export function isHealthField(value: string): value is HealthField {
  return (HEALTH_FIELDS as readonly string[]).includes(value);
}

export type HealthEvent =
  /** Someone used the address's confirmation link. */
  | { kind: 'confirmed' }
  /** A delivery to the address failed permanently (SMTP 5xx). */
  | { kind: 'bounced' }
  /** A delivery to the address was accepted by the receiving server. */
  | { kind: 'delivered' };

export type Transition = {
  state: ContactState;
  /** The address just started bouncing: its account's admins and the operators are told (once, not on every failure). */
  announceBounce: boolean;
};

/** The state after an event. A delivery proves the mailbox exists, not that anyone reads it: it only ends bouncing. */
export function nextContactState(current: ContactState, event: HealthEvent): Transition {
  switch (event.kind) {
    case 'confirmed':
      return { state: 'confirmed', announceBounce: false };
    case 'bounced':
      return { state: 'bouncing', announceBounce: current !== 'bouncing' };
    case 'delivered':
      return { state: current === 'bouncing' ? 'confirmed' : current, announceBounce: false };
  }
}

export type ListedAddress = { address: string; purpose: HealthField; locale: string | null };

/** Every address the document lists in a health field (lower-cased, once per field). */
export function listedAddresses(info: ContactInfo): ListedAddress[] {
  const out: ListedAddress[] = [];
  for (const purpose of HEALTH_FIELDS) {
    const seen = new Set<string>();
    for (const entry of info[purpose] ?? []) {
      const address = entry.email.toLowerCase();
      if (seen.has(address)) continue;
      seen.add(address);
      out.push({ address, purpose, locale: entry.locale ?? null });
    }
  }
  return out;
}

const keyOf = (a: { address: string; purpose: string }) => `${a.purpose}\u0000${a.address}`;

/**
 * What a save changes in the health rows: addresses new to a field (or changed, which is a new
 * address) get a row and a confirmation email; addresses no longer listed lose theirs.
 */
export function healthChanges(before: ContactInfo | null, after: ContactInfo): { added: ListedAddress[]; removed: ListedAddress[] } {
  const old = before ? listedAddresses(before) : [];
  const next = listedAddresses(after);
  const oldKeys = new Set(old.map(keyOf));
  const nextKeys = new Set(next.map(keyOf));
  return { added: next.filter((a) => !oldKeys.has(keyOf(a))), removed: old.filter((a) => !nextKeys.has(keyOf(a))) };
}

/**
 * Emergency fallback: when every emergency contact is bouncing, emergencies also go to the
 * account's admins. False when there is no emergency contact at all (that is `no_route`).
 */
export function emergencyContactsAllBouncing(info: ContactInfo, bouncing: ReadonlySet<string>): boolean {
  const addresses = info.technicalEmergencyContacts.map((entry) => entry.email.toLowerCase());
  return addresses.length > 0 && addresses.every((address) => bouncing.has(address));
}

/** The periodic review of the whole contact information (defaults; the configuration may change the interval). */
export const DEFAULT_REVIEW_INTERVAL_MS = 365 * 24 * 60 * 60 * 1000;
export const STALE_GRACE_MS = 30 * 24 * 60 * 60 * 1000;

export type ReviewStage = 'remind' | 'stale' | 'done';

/** The review timer's next step once the current one ran: remind, then (`graceMs` later) stale, then nothing. */
export function nextReviewStep(stage: ReviewStage, graceMs: number = STALE_GRACE_MS): { stage: ReviewStage; afterMs: number } {
  if (stage === 'remind') return { stage: 'stale', afterMs: graceMs };
  return { stage: 'done', afterMs: 0 };
}
