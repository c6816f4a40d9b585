import type { ContactField } from './contact-fields';
import type { ContactInfo } from './contact-info';
import { emergencyContactsAllBouncing } from './contact-health';
import { DEFAULT_LOCALE, isSupportedLocale, type Locale } from './locales';

/** Notification categories and the contact field each one goes to (the product's routing table). */
export const CATEGORIES = ['alert', 'emergency', 'technical', 'merchant_issue', 'user_escalation'] as const;
export type Category = (typeof CATEGORIES)[number];

export const FIELD_OF_CATEGORY: Record<Category, ContactField> = {
  alert: 'alertContacts',
  emergency: 'technicalEmergencyContacts',
  technical: 'technicalNonEmergencyContacts',
  merchant_issue: 'merchantIssueContacts',
  user_escalation: 'operationalContactsForPlatform',
};

export type Recipient = {
  email: string;
  field: ContactField;
  locale?: string;
  name?: string;
  /** Not from the field itself: an admin of the account, because every emergency contact bounces. */
  reason?: RecipientReason;
};
export const RECIPIENT_REASONS = ['emergencyContactsBouncing'] as const;
export type RecipientReason = (typeof RECIPIENT_REASONS)[number];

/**
 * Who receives a category now. Alert contacts are users: `users` resolves their current email
 * (and language). Nobody is listed twice.
 */
export function recipientsFor(
  info: ContactInfo,
  category: Category,
  users: ReadonlyMap<string, { email: string; name: string; locale: string | null }>,
): Recipient[] {
  const field = FIELD_OF_CATEGORY[category];
  const recipients: Recipient[] =
    category === 'alert'
      ? info.alertContacts.flatMap((ref) => {
          const user = users.get(ref.userId);
          return user ? [{ email: user.email, field, ...(user.name ? { name: user.name } : {}), ...(user.locale ? { locale: user.locale } : {}) }] : [];
        })
      : ((category === 'merchant_issue' ? info.merchantIssueContacts : info[field as Exclude<ContactField, 'alertContacts' | 'merchantIssueContacts' | 'operationalContactForUsers' | 'operationalSupport'>]) ?? []).map(
          (entry) => ({ email: entry.email, field, ...(entry.name ? { name: entry.name } : {}), ...(entry.locale ? { locale: entry.locale } : {}) }),
        );
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = r.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const ENVIRONMENTS = ['production', 'sandbox'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** A recipient with the language its email is written in. */
export type RoutedRecipient = Recipient & { language: Locale };

export type RouteDecision =
  | { ok: true; recipients: RoutedRecipient[] }
  | { ok: false; code: 'production_only' | 'no_route' };

/**
 * Where a notification goes (the product's routing table): alerts only for Production;
 * each category to its field's recipients, each in their own language (the contact's, else the
 * account's, else English; alert contacts are users and read in their own choice); nobody to
 * send to is `no_route`. An emergency whose emergency contacts all bounce also goes to the
 * account's admins (reason `emergencyContactsBouncing`).
 */
export function routeNotification(
  info: ContactInfo,
  input: {
    category: Category;
    env: Environment;
    accountLanguage?: Locale | null;
    /** Contact health: the account's bouncing addresses, and its active admins (the emergency fallback). */
    health?: { bouncing: ReadonlySet<string>; admins: { email: string; name: string; locale: string | null }[] };
  },
  users: ReadonlyMap<string, { email: string; name: string; locale: string | null }>,
): RouteDecision {
  if (input.category === 'alert' && input.env !== 'production') return { ok: false, code: 'production_only' };
  const recipients = recipientsFor(info, input.category, users);
  // Emergencies whose every emergency contact bounces also go to the account's admins.
  if (input.category === 'emergency' && input.health && emergencyContactsAllBouncing(info, input.health.bouncing)) {
    for (const admin of input.health.admins) {
      if (recipients.some((r) => r.email.toLowerCase() === admin.email.toLowerCase())) continue;
      recipients.push({
        email: admin.email,
        field: 'technicalEmergencyContacts',
        reason: 'emergencyContactsBouncing',
        ...(admin.name ? { name: admin.name } : {}),
        ...(admin.locale ? { locale: admin.locale } : {}),
      });
    }
  }
  if (recipients.length === 0) return { ok: false, code: 'no_route' };
  const fallback = input.accountLanguage ?? DEFAULT_LOCALE;
  return {
    ok: true,
    recipients: recipients.map((r) => ({ ...r, language: isSupportedLocale(r.locale) ? r.locale : fallback })),
  };
}

/**
 * Mandatory notifications cannot be unsubscribed from: emergencies and an integration being
 * disabled. Every other category is optional: its emails carry RFC 8058 one-click unsubscribe.
 */
export function isMandatory(category: Category, templateId?: string | null): boolean {
  return category === 'emergency' || templateId === 'integration_disabled';
}
