import { describe, expect, it } from 'vitest';
import { emptyContactInfo, type ContactInfo } from '../../src/domain/contact-info';
import { CATEGORIES, FIELD_OF_CATEGORY, recipientsFor, routeNotification } from '../../src/domain/routing';

type Users = Map<string, { email: string; name: string; locale: string | null }>;

const users: Users = new Map([
  ['u_1', { email: 'ana@partner.example', name: 'Ana', locale: 'pl' }],
  ['u_2', { email: 'bob@partner.example', name: 'Bob', locale: null }],
  ['u_3', { email: 'ANA@Partner.example', name: 'Ana again', locale: 'en' }],
  ['u_4', { email: 'nameless@partner.example', name: '', locale: 'he' }],
]);

const info: ContactInfo = {
  alertContacts: [{ userId: 'u_1' }, { userId: 'u_2' }],
  technicalEmergencyContacts: [{ email: 'oncall@partner.example', name: 'Pager', locale: 'pl' }, { email: 'cto@partner.example' }],
  technicalNonEmergencyContacts: [{ email: 'dev@partner.example', name: 'Dev team' }],
  merchantIssueContacts: [{ email: 'merchants@partner.example', locale: 'he' }],
  operationalContactsForPlatform: [{ email: 'ops@partner.example' }],
  operationalContactForUsers: { email: 'help@brand.example' },
  operationalSupport: { alwaysOpen: true, windows: [] },
};

describe('categories', () => {
  it('are the five of the product, each routed to its field', () => {
    expect(CATEGORIES).toEqual(['alert', 'emergency', 'technical', 'merchant_issue', 'user_escalation']);
    expect(FIELD_OF_CATEGORY).toEqual({
      alert: 'alertContacts',
      emergency: 'technicalEmergencyContacts',
      technical: 'technicalNonEmergencyContacts',
      merchant_issue: 'merchantIssueContacts',
      user_escalation: 'operationalContactsForPlatform',
    });
  });

  it('never route to the contact shown to end users', () => {
    for (const category of CATEGORIES) {
      expect(recipientsFor(info, category, users).map((r) => r.email)).not.toContain('help@brand.example');
    }
  });
});

describe('recipientsFor', () => {
  it('sends alerts to the alert contacts’ current user emails, with their name and locale', () => {
    expect(recipientsFor(info, 'alert', users)).toEqual([
      { email: 'ana@partner.example', field: 'alertContacts', name: 'Ana', locale: 'pl' },
      { email: 'bob@partner.example', field: 'alertContacts', name: 'Bob' },
    ]);
  });

  it('leaves out a user without a name or locale only those attributes', () => {
    expect(recipientsFor({ ...info, alertContacts: [{ userId: 'u_4' }] }, 'alert', users)).toEqual([
      { email: 'nameless@partner.example', field: 'alertContacts', locale: 'he' },
    ]);
  });

  it('drops alert contacts whose user is unknown', () => {
    expect(recipientsFor({ ...info, alertContacts: [{ userId: 'gone' }, { userId: 'u_2' }] }, 'alert', users)).toEqual([
      { email: 'bob@partner.example', field: 'alertContacts', name: 'Bob' },
    ]);
    expect(recipientsFor({ ...info, alertContacts: [{ userId: 'gone' }] }, 'alert', users)).toEqual([]);
  });

  it('sends emergencies to the technical emergency contacts, in order, with name and locale', () => {
    expect(recipientsFor(info, 'emergency', users)).toEqual([
      { email: 'oncall@partner.example', field: 'technicalEmergencyContacts', name: 'Pager', locale: 'pl' },
      { email: 'cto@partner.example', field: 'technicalEmergencyContacts' },
    ]);
  });

  it('sends technical notifications to the technical non-emergency contacts', () => {
    expect(recipientsFor(info, 'technical', users)).toEqual([
      { email: 'dev@partner.example', field: 'technicalNonEmergencyContacts', name: 'Dev team' },
    ]);
  });

  it('sends merchant issues to the merchant-issue contacts', () => {
    expect(recipientsFor(info, 'merchant_issue', users)).toEqual([
      { email: 'merchants@partner.example', field: 'merchantIssueContacts', locale: 'he' },
    ]);
  });

  it('has nobody for merchant issues where the field is null or empty', () => {
    expect(recipientsFor({ ...info, merchantIssueContacts: null }, 'merchant_issue', users)).toEqual([]);
    expect(recipientsFor({ ...info, merchantIssueContacts: [] }, 'merchant_issue', users)).toEqual([]);
  });

  it('sends user escalations to the operational contacts for the platform', () => {
    expect(recipientsFor(info, 'user_escalation', users)).toEqual([{ email: 'ops@partner.example', field: 'operationalContactsForPlatform' }]);
  });

  it('has nobody for any category of an empty document', () => {
    for (const category of CATEGORIES) {
      expect(recipientsFor(emptyContactInfo(true), category, users)).toEqual([]);
      expect(recipientsFor(emptyContactInfo(false), category, users)).toEqual([]);
    }
  });

  it('lists nobody twice, comparing emails case-insensitively and keeping the first', () => {
    expect(recipientsFor({ ...info, alertContacts: [{ userId: 'u_1' }, { userId: 'u_3' }, { userId: 'u_1' }] }, 'alert', users)).toEqual([
      { email: 'ana@partner.example', field: 'alertContacts', name: 'Ana', locale: 'pl' },
    ]);
    const twice: ContactInfo = {
      ...info,
      technicalEmergencyContacts: [{ email: 'Oncall@Partner.example', name: 'First' }, { email: 'cto@partner.example' }, { email: 'oncall@partner.example', name: 'Second' }],
    };
    expect(recipientsFor(twice, 'emergency', users)).toEqual([
      { email: 'Oncall@Partner.example', field: 'technicalEmergencyContacts', name: 'First' },
      { email: 'cto@partner.example', field: 'technicalEmergencyContacts' },
    ]);
  });

  it('does not look at the users map except for alerts', () => {
    expect(recipientsFor(info, 'emergency', new Map())).toEqual(recipientsFor(info, 'emergency', users));
    expect(recipientsFor(info, 'alert', new Map())).toEqual([]);
  });
});

describe('routeNotification', () => {
  it('sends alerts for Production only', () => {
    expect(routeNotification(info, { category: 'alert', env: 'sandbox' }, users)).toEqual({ ok: false, code: 'production_only' });
    const routed = routeNotification(info, { category: 'alert', env: 'production' }, users);
    expect(routed.ok && routed.recipients.map((r) => [r.email, r.language])).toEqual([
      ['ana@partner.example', 'pl'],
      ['bob@partner.example', 'en'],
    ]);
  });

  it("writes to each contact in its language, else the account's, else English", () => {
    const routed = routeNotification(info, { category: 'emergency', env: 'sandbox', accountLanguage: 'he' }, users);
    expect(routed.ok && routed.recipients.map((r) => [r.email, r.field, r.language])).toEqual([
      ['oncall@partner.example', 'technicalEmergencyContacts', 'pl'],
      ['cto@partner.example', 'technicalEmergencyContacts', 'he'],
    ]);
  });

  it('is no_route when nobody is listed for the category', () => {
    const none = { ...info, merchantIssueContacts: null, operationalContactsForPlatform: [] };
    expect(routeNotification(none, { category: 'merchant_issue', env: 'production' }, users)).toEqual({ ok: false, code: 'no_route' });
    expect(routeNotification(none, { category: 'user_escalation', env: 'production' }, users)).toEqual({ ok: false, code: 'no_route' });
    expect(routeNotification(emptyContactInfo(false), { category: 'alert', env: 'production' }, users)).toEqual({ ok: false, code: 'no_route' });
  });

  it.each(CATEGORIES)('sends %s to exactly the recipients of its field', (category) => {
    const routed = routeNotification(info, { category, env: 'production' }, users);
    expect(routed.ok && routed.recipients.map((r) => r.email)).toEqual(recipientsFor(info, category, users).map((r) => r.email));
    expect(routed.ok && routed.recipients.every((r) => r.field === FIELD_OF_CATEGORY[category])).toBe(true);
  });
});
