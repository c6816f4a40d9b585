import type { ContactField } from './contact-fields';
import type { ContactInfo } from './contact-info';

/** Notification categories and the contact field each one goes to (PRODUCT.md, routing). */
export const CATEGORIES = ['alert', 'emergency', 'technical', 'merchant_issue', 'user_escalation'] as const;
export type Category = (typeof CATEGORIES)[number];

export const FIELD_OF_CATEGORY: Record<Category, ContactField> = {
  alert: 'alertContacts',
  emergency: 'technicalEmergencyContacts',
  technical: 'technicalNonEmergencyContacts',
  merchant_issue: 'merchantIssueContacts',
  user_escalation: 'operationalContactsForPlatform',
};

export type Recipient = { email: string; field: ContactField; locale?: string; name?: string };

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
