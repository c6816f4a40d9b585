import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS, requiredFields } from '../../src/domain/contact-fields';
import {
  DAYS,
  LIMITS,
  changedFields,
  emptyContactInfo,
  minutesOf,
  missingFields,
  normalizeEmail,
  normalizePhone,
  normalizeUrl,
  validateContactInfo,
  type ContactInfo,
  type ValidationContext,
} from '../../src/domain/contact-info';
import type { ErrorDetail } from '../../src/domain/errors';
import { hasMerchantIssueContacts, type IntegrationCatalog, type IntegrationType } from '../../src/domain/integrations';

// ---------------------------------------------------------------------------------------------
// Fixtures

const MEMBERS = new Set(['u_1', 'u_2', 'u_3']);

function context(overrides: Partial<ValidationContext> = {}): ValidationContext {
  return { memberIds: MEMBERS, hasMerchantIssueContacts: false, env: 'production', current: null, ...overrides };
}

/** A complete document as a client sends it (no merchant-issue field). */
function completeInput(): Record<string, unknown> {
  return {
    alertContacts: [{ userId: 'u_1' }],
    technicalEmergencyContacts: [{ email: 'oncall@partner.example', name: 'Pager' }],
    technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }],
    operationalContactsForPlatform: [{ email: 'ops@partner.example' }],
    operationalContactForUsers: { email: 'help@brand.example' },
    operationalSupport: { alwaysOpen: true, windows: [] },
  };
}

/** The same document as it is stored. */
function completeInfo(merchant: boolean = false): ContactInfo {
  return {
    alertContacts: [{ userId: 'u_1' }],
    technicalEmergencyContacts: [{ email: 'oncall@partner.example', name: 'Pager' }],
    technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }],
    merchantIssueContacts: merchant ? [{ email: 'merchants@partner.example' }] : null,
    operationalContactsForPlatform: [{ email: 'ops@partner.example' }],
    operationalContactForUsers: { email: 'help@brand.example' },
    operationalSupport: { alwaysOpen: true, windows: [] },
  };
}

function valid(input: unknown, ctx: ValidationContext = context()): ContactInfo {
  const result = validateContactInfo(input, ctx);
  if (!result.ok) throw new Error(`expected a valid document, got ${JSON.stringify(result.details)}`);
  return result.value;
}

function problems(input: unknown, ctx: ValidationContext = context()): ErrorDetail[] {
  const result = validateContactInfo(input, ctx);
  if (result.ok) throw new Error(`expected validation problems, got ${JSON.stringify(result.value)}`);
  return result.details;
}

const window = (overrides: Record<string, unknown> = {}) => ({
  timeZone: 'Europe/Warsaw',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start: '09:00',
  end: '17:00',
  ...overrides,
});

const withWindow = (overrides: Record<string, unknown>) => ({ operationalSupport: { alwaysOpen: false, windows: [window(overrides)] } });

const W0 = 'operationalSupport.windows.0';

// ---------------------------------------------------------------------------------------------

describe('constants', () => {
  it('has the limits and the Monday-first week', () => {
    expect(LIMITS).toEqual({ entries: 20, windows: 20, email: 254, name: 200, phone: 32, url: 2048, timeZone: 64 });
    expect(DAYS).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });

  it('lists the seven fields in UI order, merchant issues required only where available', () => {
    expect(CONTACT_FIELDS).toEqual([
      'alertContacts',
      'technicalEmergencyContacts',
      'technicalNonEmergencyContacts',
      'merchantIssueContacts',
      'operationalContactsForPlatform',
      'operationalContactForUsers',
      'operationalSupport',
    ]);
    expect(requiredFields(true)).toEqual(CONTACT_FIELDS);
    expect(requiredFields(false)).toEqual(CONTACT_FIELDS.filter((f) => f !== 'merchantIssueContacts'));
  });

  it('builds an empty document, with [] or null for merchant issues', () => {
    expect(emptyContactInfo(true)).toEqual({
      alertContacts: [],
      technicalEmergencyContacts: [],
      technicalNonEmergencyContacts: [],
      merchantIssueContacts: [],
      operationalContactsForPlatform: [],
      operationalContactForUsers: null,
      operationalSupport: null,
    });
    expect(emptyContactInfo(false).merchantIssueContacts).toBeNull();
  });
});

describe('hasMerchantIssueContacts (integration catalog)', () => {
  const entries: IntegrationType[] = [
    { type: 'booking', name: 'Booking', merchantIssueContacts: false },
    { type: 'ordering', name: 'Ordering', merchantIssueContacts: true },
  ];
  const catalog: IntegrationCatalog = new Map(entries.map((e) => [e.type, e]));

  it('is true when any of the account integration types enables the field', () => {
    expect(hasMerchantIssueContacts(catalog, ['booking', 'ordering'])).toBe(true);
    expect(hasMerchantIssueContacts(catalog, ['ordering'])).toBe(true);
  });

  it('is false without such a type, for unknown types and for no integrations', () => {
    expect(hasMerchantIssueContacts(catalog, ['booking'])).toBe(false);
    expect(hasMerchantIssueContacts(catalog, ['unknown'])).toBe(false);
    expect(hasMerchantIssueContacts(catalog, [])).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

describe('normalizeEmail', () => {
  it.each([
    ['  ana@partner.example  ', 'ana@partner.example'],
    ['\tana@partner.example\n', 'ana@partner.example'],
    ['Ana.Kowalska@Partner.EXAMPLE', 'Ana.Kowalska@partner.example'],
    ['ANA@X.COM', 'ANA@x.com'],
    ['ana@Bücher.example', 'ana@xn--bcher-kva.example'],
    ['ana@BÜCHER.example', 'ana@xn--bcher-kva.example'],
    ['ana@xn--bcher-kva.example', 'ana@xn--bcher-kva.example'],
    ['kontakt@münchen.DE', 'kontakt@xn--mnchen-3ya.de'],
    ["o'brien+alerts@sub.partner.example", "o'brien+alerts@sub.partner.example"],
    ['first.last@partner-name.example', 'first.last@partner-name.example'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeEmail(input)).toEqual({ ok: expected });
  });

  it.each([
    ['a@b'],
    ['@x.com'],
    ['a@'],
    ['a'],
    [''],
    ['   '],
    ['a b@x.com'],
    ['a@x .com'],
    ['a@b@x.com'],
    ['a..b@x.com'],
    ['.a@x.com'],
    ['a.@x.com'],
    ['a@b.c\r\nBcc: x@y.z'],
    ['a@b.c\nBcc:x@y.z'],
    ['<script>@x.com'],
    ['a@x.com<script>'],
    ['"quoted"@x.com'],
    ['a@x.123'],
    ['a@1.2.3.4'],
    ['a@[1.2.3.4]'],
    ['a@x..com'],
    ['a@-x.com'],
    ['a@x-.com'],
    ['a@x.com.'],
    ['a@x_y.com'],
    ['a@x/y.com'],
    ['a@x.com:25'],
    ['a@x%41.com'],
    ['a@localhost'],
    ['Ω@x.com'],
    ['a'.repeat(65) + '@x.com'],
    ['a@' + 'b'.repeat(64) + '.com'],
  ])('refuses %j as invalid_email', (input) => {
    expect(normalizeEmail(input)).toEqual({ error: 'invalid_email' });
  });

  it('accepts the longest local part (64) and label (63)', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.com`;
    expect(normalizeEmail(email)).toEqual({ ok: email });
  });

  it('accepts 254 characters and refuses 255 as too_long', () => {
    const at254 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(at254).toHaveLength(254);
    expect(normalizeEmail(at254)).toEqual({ ok: at254 });
    const at255 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`;
    expect(at255).toHaveLength(255);
    expect(normalizeEmail(at255)).toEqual({ error: 'too_long' });
  });

  it('checks the length after trimming', () => {
    const at254 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(normalizeEmail(`   ${at254}   `)).toEqual({ ok: at254 });
  });

  it('refuses as too_long an IDN address that grows past 254 characters in punycode', () => {
    const input = `${'a'.repeat(64)}@${Array.from({ length: 4 }, () => 'ü'.repeat(40)).join('.')}.example`;
    expect(input.length).toBeLessThanOrEqual(254);
    expect(normalizeEmail(input)).toEqual({ error: 'too_long' });
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+48 22 123 45 67', '+48221234567'],
    ['+48221234567', '+48221234567'],
    ['  +48 22 123 45 67  ', '+48221234567'],
    ['+1 (650) 253-0000', '+16502530000'],
    ['+1-650-253-0000', '+16502530000'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('stores %j as E.164 %j', (input, expected) => {
    expect(normalizePhone(input)).toEqual({ ok: expected });
  });

  it.each([
    ['12345'],
    ['+48 abc'],
    ['phone'],
    ['+1-800-FLOWERS'],
    ['022 123 45 67'],
    ['221234567'],
    ['6502530000'],
    ['+48 22 123 45 678'],
    ['+999 123 456 789'],
    [''],
  ])('refuses %j as invalid_phone', (input) => {
    expect(normalizePhone(input)).toEqual({ error: 'invalid_phone' });
  });

  it('refuses more than 32 characters as too_long', () => {
    expect(normalizePhone('+' + '1'.repeat(32))).toEqual({ error: 'too_long' });
    expect(normalizePhone('+48 22 123 45 67' + ' '.repeat(16))).toEqual({ ok: '+48221234567' });
  });
});

describe('normalizeUrl', () => {
  it.each([
    ['https://brand.example/help', 'https://brand.example/help'],
    ['https://brand.example', 'https://brand.example/'],
    ['  https://Brand.EXAMPLE/Help?q=1#top  ', 'https://brand.example/Help?q=1#top'],
    ['https://bücher.example/hilfe', 'https://xn--bcher-kva.example/hilfe'],
  ])('accepts %j as %j', (input, expected) => {
    expect(normalizeUrl(input)).toEqual({ ok: expected });
  });

  it.each([
    ['http://brand.example'],
    ['HTTP://brand.example/help'],
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['ftp://x.y'],
    ['data:text/html,<script>alert(1)</script>'],
    ['mailto:help@brand.example'],
    ['not a url'],
    ['brand.example/help'],
    ['//brand.example'],
    [''],
    ['https://user:secret@brand.example/'],
    ['https://user@brand.example/'],
    ['https://localhost/'],
  ])('refuses %j as invalid_url', (input) => {
    expect(normalizeUrl(input)).toEqual({ error: 'invalid_url' });
  });

  it('refuses more than 2048 characters as too_long', () => {
    const base = 'https://brand.example/';
    expect(normalizeUrl(base + 'a'.repeat(2048 - base.length))).toEqual({ ok: base + 'a'.repeat(2048 - base.length) });
    expect(normalizeUrl(base + 'a'.repeat(2049 - base.length))).toEqual({ error: 'too_long' });
  });
});

describe('minutesOf', () => {
  it.each([
    ['00:00', false, 0],
    ['09:00', false, 540],
    ['17:30', false, 1050],
    ['23:59', false, 1439],
    ['24:00', true, 1440],
    ['23:59', true, 1439],
  ] as const)('reads %j (end of day allowed: %s) as %i', (value, allow, minutes) => {
    expect(minutesOf(value, allow)).toBe(minutes);
  });

  it.each([['24:00'], ['9:00'], ['24:01'], ['25:00'], ['12:60'], ['09:00:00'], [' 09:00'], ['09.00'], ['0900'], ['']])(
    'refuses %j as a start',
    (value) => {
      expect(minutesOf(value, false)).toBeUndefined();
    },
  );

  it.each([['24:01'], ['24:30'], ['25:00'], ['9:00']])('refuses %j even as an end', (value) => {
    expect(minutesOf(value, true)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------

describe('validateContactInfo: partial and complete documents', () => {
  it('accepts an empty object as an empty draft, missing every required field', () => {
    const value = valid({});
    expect(value).toEqual(emptyContactInfo(false));
    expect(missingFields(value, false)).toEqual([
      'alertContacts',
      'technicalEmergencyContacts',
      'technicalNonEmergencyContacts',
      'operationalContactsForPlatform',
      'operationalContactForUsers',
      'operationalSupport',
    ]);
  });

  it('accepts a partial document and lists what is still missing', () => {
    const value = valid({
      technicalEmergencyContacts: [{ email: 'oncall@partner.example' }],
      operationalContactForUsers: { email: 'help@brand.example' },
    });
    expect(value.technicalEmergencyContacts).toEqual([{ email: 'oncall@partner.example' }]);
    expect(missingFields(value, false)).toEqual([
      'alertContacts',
      'technicalNonEmergencyContacts',
      'operationalContactsForPlatform',
      'operationalSupport',
    ]);
  });

  it('accepts null and [] for every unset field', () => {
    const value = valid({
      alertContacts: [],
      technicalEmergencyContacts: null,
      technicalNonEmergencyContacts: [],
      merchantIssueContacts: null,
      operationalContactsForPlatform: null,
      operationalContactForUsers: null,
      operationalSupport: null,
    });
    expect(value).toEqual(emptyContactInfo(false));
  });

  it('finds nothing missing in a complete document', () => {
    const value = valid(completeInput());
    expect(value).toEqual(completeInfo(false));
    expect(missingFields(value, false)).toEqual([]);
  });

  it('requires merchant-issue contacts for completeness only where the account has that field', () => {
    const withField = context({ hasMerchantIssueContacts: true });
    const value = valid(completeInput(), withField);
    expect(value.merchantIssueContacts).toEqual([]);
    expect(missingFields(value, true)).toEqual(['merchantIssueContacts']);
    expect(missingFields(value, false)).toEqual([]);

    const filled = valid({ ...completeInput(), merchantIssueContacts: [{ email: 'merchants@partner.example' }] }, withField);
    expect(filled.merchantIssueContacts).toEqual([{ email: 'merchants@partner.example' }]);
    expect(missingFields(filled, true)).toEqual([]);
  });

  it('counts operational support as missing when it is neither 24/7 nor has a window', () => {
    const value = valid({ ...completeInput(), operationalSupport: { alwaysOpen: false, windows: [] } });
    expect(value.operationalSupport).toEqual({ alwaysOpen: false, windows: [] });
    expect(missingFields(value, false)).toEqual(['operationalSupport']);
    const withWindowOnly = valid({ ...completeInput(), operationalSupport: { windows: [window()] } });
    expect(missingFields(withWindowOnly, false)).toEqual([]);
  });

  it('treats a null merchant-issue field as missing when the field is available', () => {
    expect(missingFields({ ...completeInfo(false), merchantIssueContacts: null }, true)).toEqual(['merchantIssueContacts']);
  });
});

describe('validateContactInfo: required (never incomplete again)', () => {
  const complete = context({ current: completeInfo(false) });

  it.each([
    ['alertContacts', []],
    ['technicalEmergencyContacts', []],
    ['technicalNonEmergencyContacts', []],
    ['operationalContactsForPlatform', []],
    ['operationalContactForUsers', null],
    ['operationalSupport', null],
  ] as const)('refuses to empty %s of a complete document', (field, emptied) => {
    expect(problems({ ...completeInput(), [field]: emptied }, complete)).toEqual([{ path: field, code: 'required' }]);
  });

  it.each([
    'alertContacts',
    'technicalEmergencyContacts',
    'technicalNonEmergencyContacts',
    'operationalContactsForPlatform',
    'operationalContactForUsers',
    'operationalSupport',
  ])('refuses to leave %s out of a complete document', (field) => {
    const input = completeInput();
    delete input[field];
    expect(problems(input, complete)).toEqual([{ path: field, code: 'required' }]);
  });

  it('refuses operational support without any window or 24/7 once complete', () => {
    expect(problems({ ...completeInput(), operationalSupport: { alwaysOpen: false, windows: [] } }, complete)).toEqual([
      { path: 'operationalSupport', code: 'required' },
    ]);
  });

  it('refuses to empty merchant-issue contacts where the account has that field', () => {
    const ctx = context({ hasMerchantIssueContacts: true, current: completeInfo(true) });
    expect(problems({ ...completeInput(), merchantIssueContacts: [] }, ctx)).toEqual([{ path: 'merchantIssueContacts', code: 'required' }]);
  });

  it('reports every emptied field, in field order', () => {
    expect(problems({ alertContacts: [{ userId: 'u_1' }], operationalContactForUsers: { email: 'help@brand.example' } }, complete)).toEqual([
      { path: 'technicalEmergencyContacts', code: 'required' },
      { path: 'technicalNonEmergencyContacts', code: 'required' },
      { path: 'operationalContactsForPlatform', code: 'required' },
      { path: 'operationalSupport', code: 'required' },
    ]);
  });

  it('still lets a complete document change, as long as every field keeps an entry', () => {
    const value = valid(
      { ...completeInput(), alertContacts: [{ userId: 'u_2' }], technicalEmergencyContacts: [{ email: 'pager@partner.example' }] },
      complete,
    );
    expect(value.alertContacts).toEqual([{ userId: 'u_2' }]);
    expect(value.technicalEmergencyContacts).toEqual([{ email: 'pager@partner.example' }]);
  });

  it('lets an incomplete document be emptied again (drafts)', () => {
    const draft = { ...emptyContactInfo(false), technicalEmergencyContacts: [{ email: 'oncall@partner.example' }] };
    expect(valid({}, context({ current: draft }))).toEqual(emptyContactInfo(false));
  });

  it('does not require merchant-issue contacts where the account has no such field', () => {
    expect(valid(completeInput(), complete).merchantIssueContacts).toBeNull();
  });
});

describe('validateContactInfo: contact entries', () => {
  it('requires an email in every entry', () => {
    expect(
      problems({
        technicalEmergencyContacts: [{ name: 'No email' }, { email: '' }, { email: null }, { email: '   ' }],
      }),
    ).toEqual([
      { path: 'technicalEmergencyContacts.0.email', code: 'required' },
      { path: 'technicalEmergencyContacts.1.email', code: 'required' },
      { path: 'technicalEmergencyContacts.2.email', code: 'required' },
      { path: 'technicalEmergencyContacts.3.email', code: 'invalid_email' },
    ]);
  });

  it.each([
    'technicalEmergencyContacts',
    'technicalNonEmergencyContacts',
    'operationalContactsForPlatform',
  ])('reports invalid_email with its path in %s', (field) => {
    expect(problems({ [field]: [{ email: 'ok@partner.example' }, { email: 'a@b' }] })).toEqual([
      { path: `${field}.1.email`, code: 'invalid_email' },
    ]);
  });

  it('reports invalid_email in merchant-issue contacts where the field exists', () => {
    expect(problems({ merchantIssueContacts: [{ email: '@x.com' }] }, context({ hasMerchantIssueContacts: true }))).toEqual([
      { path: 'merchantIssueContacts.0.email', code: 'invalid_email' },
    ]);
  });

  it.each([
    ['a@b'],
    ['@x.com'],
    ['a@'],
    ['a b@x.com'],
    ['a@b@x.com'],
    ['a..b@x.com'],
    ['a@b.c\r\nBcc: x@y.z'],
    ['<script>@x.com'],
    ['a@x.123'],
  ])('refuses %j in a document', (email) => {
    expect(problems({ technicalNonEmergencyContacts: [{ email }] })).toEqual([
      { path: 'technicalNonEmergencyContacts.0.email', code: 'invalid_email' },
    ]);
  });

  it('reports an email over 254 characters as too_long with its maximum', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`;
    expect(problems({ technicalEmergencyContacts: [{ email }] })).toEqual([
      { path: 'technicalEmergencyContacts.0.email', code: 'too_long', params: { max: 254 } },
    ]);
  });

  it('reports invalid_phone and too_long phones', () => {
    expect(
      problems({
        technicalEmergencyContacts: [
          { email: 'a@partner.example', phone: '12345' },
          { email: 'b@partner.example', phone: 'call me' },
          { email: 'c@partner.example', phone: '022 123 45 67' },
          { email: 'd@partner.example', phone: '+' + '4'.repeat(32) },
        ],
      }),
    ).toEqual([
      { path: 'technicalEmergencyContacts.0.phone', code: 'invalid_phone' },
      { path: 'technicalEmergencyContacts.1.phone', code: 'invalid_phone' },
      { path: 'technicalEmergencyContacts.2.phone', code: 'invalid_phone' },
      { path: 'technicalEmergencyContacts.3.phone', code: 'too_long', params: { max: 32 } },
    ]);
  });

  it('accepts a name of 200 characters and refuses 201', () => {
    expect(valid({ technicalEmergencyContacts: [{ email: 'a@partner.example', name: 'N'.repeat(200) }] }).technicalEmergencyContacts).toEqual([
      { email: 'a@partner.example', name: 'N'.repeat(200) },
    ]);
    expect(problems({ technicalEmergencyContacts: [{ email: 'a@partner.example', name: 'N'.repeat(201) }] })).toEqual([
      { path: 'technicalEmergencyContacts.0.name', code: 'too_long', params: { max: 200 } },
    ]);
  });

  it('measures a name after trimming it', () => {
    const value = valid({ technicalEmergencyContacts: [{ email: 'a@partner.example', name: `  ${'N'.repeat(200)}  ` }] });
    expect(value.technicalEmergencyContacts[0]!.name).toBe('N'.repeat(200));
  });

  it('accepts a supported locale and refuses an unknown one', () => {
    expect(valid({ technicalEmergencyContacts: [{ email: 'a@partner.example', locale: 'en' }] }).technicalEmergencyContacts).toEqual([
      { email: 'a@partner.example', locale: 'en' },
    ]);
    expect(problems({ technicalEmergencyContacts: [{ email: 'a@partner.example', locale: 'tlh' }] })).toEqual([
      { path: 'technicalEmergencyContacts.0.locale', code: 'invalid_value' },
    ]);
  });

  it('accepts 20 entries and refuses 21 as too_many', () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `person${i}@partner.example` }));
    expect(valid({ technicalNonEmergencyContacts: entries(20) }).technicalNonEmergencyContacts).toHaveLength(20);
    expect(problems({ technicalNonEmergencyContacts: entries(21) })).toEqual([
      { path: 'technicalNonEmergencyContacts', code: 'too_many', params: { max: 20 } },
    ]);
  });

  it('refuses the same email twice in a list, case-insensitively and after normalization', () => {
    expect(
      problems({
        technicalEmergencyContacts: [
          { email: 'Ops@Partner.example' },
          { email: 'other@partner.example' },
          { email: 'ops@PARTNER.EXAMPLE' },
          { email: '  OPS@partner.example ' },
        ],
      }),
    ).toEqual([
      { path: 'technicalEmergencyContacts.2.email', code: 'duplicate' },
      { path: 'technicalEmergencyContacts.3.email', code: 'duplicate' },
    ]);
  });

  it('refuses an IDN domain twice, once typed in Unicode and once in punycode', () => {
    expect(problems({ technicalEmergencyContacts: [{ email: 'ana@bücher.example' }, { email: 'ana@xn--bcher-kva.example' }] })).toEqual([
      { path: 'technicalEmergencyContacts.1.email', code: 'duplicate' },
    ]);
  });

  it('allows the same email in different fields', () => {
    const value = valid({
      technicalEmergencyContacts: [{ email: 'ops@partner.example' }],
      technicalNonEmergencyContacts: [{ email: 'ops@partner.example' }],
      operationalContactsForPlatform: [{ email: 'ops@partner.example' }],
      operationalContactForUsers: { email: 'ops@partner.example' },
    });
    expect(value.technicalNonEmergencyContacts).toEqual([{ email: 'ops@partner.example' }]);
  });

  it('normalizes entries, keeps their order and drops empty optional values', () => {
    const value = valid({
      technicalEmergencyContacts: [
        { email: '  Zed@Partner.EXAMPLE ', name: '  Zed  ', phone: '+48 22 123 45 67', locale: 'en' },
        { email: 'ana@Bücher.example', name: '', phone: '', locale: '' },
        { email: 'bob@partner.example', name: '   ', phone: null, locale: null, },
        { email: 'amy@partner.example', phone: '+1 (650) 253-0000' },
      ],
    });
    expect(value.technicalEmergencyContacts).toEqual([
      { email: 'Zed@partner.example', name: 'Zed', phone: '+48221234567', locale: 'en' },
      { email: 'ana@xn--bcher-kva.example' },
      { email: 'bob@partner.example' },
      { email: 'amy@partner.example', phone: '+16502530000' },
    ]);
    expect(Object.keys(value.technicalEmergencyContacts[1]!)).toEqual(['email']);
  });
});

describe('validateContactInfo: alert contacts', () => {
  it('keeps member user ids in order', () => {
    expect(valid({ alertContacts: [{ userId: 'u_3' }, { userId: 'u_1' }] }).alertContacts).toEqual([{ userId: 'u_3' }, { userId: 'u_1' }]);
  });

  it('refuses a user who is not a member of the account', () => {
    expect(problems({ alertContacts: [{ userId: 'u_1' }, { userId: 'u_other' }] })).toEqual([
      { path: 'alertContacts.1.userId', code: 'not_a_member' },
    ]);
  });

  it('refuses the same user twice', () => {
    expect(problems({ alertContacts: [{ userId: 'u_1' }, { userId: 'u_2' }, { userId: 'u_1' }] })).toEqual([
      { path: 'alertContacts.2.userId', code: 'duplicate' },
    ]);
  });

  it('requires a userId and refuses other types', () => {
    expect(problems({ alertContacts: [{}, { userId: '' }, { userId: 7 }, { userId: ['u_1'] }, 'u_1', ['u_1'], null] })).toEqual([
      { path: 'alertContacts.0.userId', code: 'required' },
      { path: 'alertContacts.1.userId', code: 'required' },
      { path: 'alertContacts.2.userId', code: 'invalid_type' },
      { path: 'alertContacts.3.userId', code: 'invalid_type' },
      { path: 'alertContacts.4', code: 'invalid_type' },
      { path: 'alertContacts.5', code: 'invalid_type' },
      { path: 'alertContacts.6', code: 'invalid_type' },
    ]);
  });

  it('accepts what a GET returns (email and name beside the userId) and keeps only the id', () => {
    const value = valid({ alertContacts: [{ userId: 'u_1', email: 'ana@partner.example', name: 'Ana' }] });
    expect(value.alertContacts).toEqual([{ userId: 'u_1' }]);
  });

  it('refuses other keys in an alert contact', () => {
    expect(problems({ alertContacts: [{ userId: 'u_1', role: 'admin' }] })).toEqual([{ path: 'alertContacts.0.role', code: 'unknown_field' }]);
  });

  it('accepts 20 alert contacts and refuses 21', () => {
    const ids = Array.from({ length: 21 }, (_, i) => `u_${i}`);
    const ctx = context({ memberIds: new Set(ids) });
    expect(valid({ alertContacts: ids.slice(0, 20).map((userId) => ({ userId })) }, ctx).alertContacts).toHaveLength(20);
    expect(problems({ alertContacts: ids.map((userId) => ({ userId })) }, ctx)).toEqual([
      { path: 'alertContacts', code: 'too_many', params: { max: 20 } },
    ]);
  });

  describe('environments', () => {
    const sandbox = (current: ContactInfo | null) => context({ env: 'sandbox', current });

    it('refuses to set alert contacts with env sandbox', () => {
      expect(problems({ alertContacts: [{ userId: 'u_1' }] }, sandbox(null))).toEqual([{ path: 'alertContacts', code: 'production_only' }]);
    });

    it('refuses to add, remove, replace or reorder alert contacts with env sandbox', () => {
      const current = { ...completeInfo(false), alertContacts: [{ userId: 'u_1' }, { userId: 'u_2' }] };
      const base = { ...completeInput() };
      for (const alertContacts of [
        [{ userId: 'u_1' }, { userId: 'u_2' }, { userId: 'u_3' }],
        [{ userId: 'u_1' }],
        [{ userId: 'u_1' }, { userId: 'u_3' }],
        [{ userId: 'u_2' }, { userId: 'u_1' }],
      ]) {
        expect(problems({ ...base, alertContacts }, sandbox(current))).toEqual([{ path: 'alertContacts', code: 'production_only' }]);
      }
      // Emptying them is both: a change outside Production, and a required field emptied.
      expect(problems({ ...base, alertContacts: [] }, sandbox(current))).toEqual([
        { path: 'alertContacts', code: 'production_only' },
        { path: 'alertContacts', code: 'required' },
      ]);
    });

    it('saves the other fields with env sandbox when alert contacts are unchanged', () => {
      const current = completeInfo(false);
      const value = valid(
        {
          ...completeInput(),
          alertContacts: [{ userId: 'u_1', email: 'ana@partner.example', name: 'Ana' }],
          technicalNonEmergencyContacts: [{ email: 'new-dev@partner.example' }],
        },
        sandbox(current),
      );
      expect(value.alertContacts).toEqual([{ userId: 'u_1' }]);
      expect(value.technicalNonEmergencyContacts).toEqual([{ email: 'new-dev@partner.example' }]);
    });

    it('saves a first draft with env sandbox when it has no alert contacts', () => {
      expect(valid({ technicalEmergencyContacts: [{ email: 'oncall@partner.example' }] }, sandbox(null)).alertContacts).toEqual([]);
    });

    it('lets production change alert contacts', () => {
      const value = valid({ ...completeInput(), alertContacts: [{ userId: 'u_2' }, { userId: 'u_3' }] }, context({ current: completeInfo(false) }));
      expect(value.alertContacts).toEqual([{ userId: 'u_2' }, { userId: 'u_3' }]);
    });

    it('reports membership problems before the environment', () => {
      expect(problems({ alertContacts: [{ userId: 'stranger' }] }, sandbox(null))).toEqual([
        { path: 'alertContacts.0.userId', code: 'not_a_member' },
      ]);
    });
  });
});

describe('validateContactInfo: merchant-issue contacts', () => {
  it('refuses entries where the account has no such field', () => {
    expect(problems({ merchantIssueContacts: [{ email: 'merchants@partner.example' }] })).toEqual([
      { path: 'merchantIssueContacts', code: 'not_available' },
    ]);
  });

  it('refuses any non-empty value where the account has no such field', () => {
    expect(problems({ merchantIssueContacts: {} })).toEqual([{ path: 'merchantIssueContacts', code: 'not_available' }]);
    expect(problems({ merchantIssueContacts: 'x' })).toEqual([{ path: 'merchantIssueContacts', code: 'not_available' }]);
  });

  it('accepts null, [] or nothing where the account has no such field, and stores null', () => {
    expect(valid({ merchantIssueContacts: null }).merchantIssueContacts).toBeNull();
    expect(valid({ merchantIssueContacts: [] }).merchantIssueContacts).toBeNull();
    expect(valid({}).merchantIssueContacts).toBeNull();
  });

  it('stores [] for null where the account has the field', () => {
    expect(valid({ merchantIssueContacts: null }, context({ hasMerchantIssueContacts: true })).merchantIssueContacts).toEqual([]);
  });

  it('validates entries like the other lists where the account has the field', () => {
    const ctx = context({ hasMerchantIssueContacts: true });
    expect(problems({ merchantIssueContacts: [{ email: 'm@partner.example' }, { email: 'M@PARTNER.example' }] }, ctx)).toEqual([
      { path: 'merchantIssueContacts.1.email', code: 'duplicate' },
    ]);
    expect(problems({ merchantIssueContacts: { email: 'm@partner.example' } }, ctx)).toEqual([
      { path: 'merchantIssueContacts', code: 'invalid_type' },
    ]);
  });
});

describe('validateContactInfo: operational contact for users', () => {
  it('normalizes email, phone and url', () => {
    expect(
      valid({
        operationalContactForUsers: { email: ' Help@Brand.EXAMPLE ', phone: '+48 22 123 45 67', url: ' https://Brand.example/help ' },
      }).operationalContactForUsers,
    ).toEqual({ email: 'Help@brand.example', phone: '+48221234567', url: 'https://brand.example/help' });
  });

  it('drops an empty phone and url', () => {
    const value = valid({ operationalContactForUsers: { email: 'help@brand.example', phone: '', url: '  ' } });
    expect(value.operationalContactForUsers).toEqual({ email: 'help@brand.example' });
  });

  it('requires an email', () => {
    expect(problems({ operationalContactForUsers: { phone: '+48 22 123 45 67' } })).toEqual([
      { path: 'operationalContactForUsers.email', code: 'required' },
    ]);
  });

  it.each([['javascript:alert(1)'], ['ftp://x.y'], ['not a url'], ['https://user:pw@brand.example/'], ['data:text/html,x']])(
    'refuses the url %j as invalid_url',
    (url) => {
      expect(problems({ operationalContactForUsers: { email: 'help@brand.example', url } })).toEqual([
        { path: 'operationalContactForUsers.url', code: 'invalid_url' },
      ]);
    },
  );

  it('refuses a url over 2048 characters as too_long', () => {
    expect(problems({ operationalContactForUsers: { email: 'help@brand.example', url: 'https://brand.example/' + 'a'.repeat(2048) } })).toEqual([
      { path: 'operationalContactForUsers.url', code: 'too_long', params: { max: 2048 } },
    ]);
  });

  it('reports every problem of the contact at once', () => {
    expect(problems({ operationalContactForUsers: { email: 'nope', phone: '12345', url: 'ftp://x.y', name: 'Support' } })).toEqual([
      { path: 'operationalContactForUsers.name', code: 'unknown_field' },
      { path: 'operationalContactForUsers.email', code: 'invalid_email' },
      { path: 'operationalContactForUsers.phone', code: 'invalid_phone' },
      { path: 'operationalContactForUsers.url', code: 'invalid_url' },
    ]);
  });
});

describe('validateContactInfo: operational support', () => {
  it('accepts 24/7 and defaults alwaysOpen to false and windows to []', () => {
    expect(valid({ operationalSupport: { alwaysOpen: true } }).operationalSupport).toEqual({ alwaysOpen: true, windows: [] });
    expect(valid({ operationalSupport: {} }).operationalSupport).toEqual({ alwaysOpen: false, windows: [] });
    expect(valid({ operationalSupport: { windows: null } }).operationalSupport).toEqual({ alwaysOpen: false, windows: [] });
  });

  it('keeps windows in order and orders each window’s days Monday first', () => {
    const value = valid({
      operationalSupport: {
        alwaysOpen: false,
        windows: [
          window({ timeZone: 'America/New_York', days: ['sun', 'fri', 'mon'], start: '08:00', end: '12:00' }),
          window({ days: ['sat', 'wed'], start: '10:00', end: '24:00' }),
        ],
      },
    });
    expect(value.operationalSupport).toEqual({
      alwaysOpen: false,
      windows: [
        { timeZone: 'America/New_York', days: ['mon', 'fri', 'sun'], start: '08:00', end: '12:00' },
        { timeZone: 'Europe/Warsaw', days: ['wed', 'sat'], start: '10:00', end: '24:00' },
      ],
    });
  });

  it.each([['UTC'], ['Europe/Warsaw'], ['America/Argentina/Buenos_Aires'], ['Asia/Tokyo'], ['Etc/GMT+2']])('accepts the zone %j', (timeZone) => {
    expect(valid(withWindow({ timeZone })).operationalSupport!.windows[0]!.timeZone).toBe(timeZone);
  });

  it('accepts zone names in any case and stores their own spelling', () => {
    expect(valid(withWindow({ timeZone: 'europe/warsaw' })).operationalSupport!.windows[0]!.timeZone).toBe('Europe/Warsaw');
    expect(valid(withWindow({ timeZone: 'AMERICA/NEW_YORK' })).operationalSupport!.windows[0]!.timeZone).toBe('America/New_York');
  });

  it.each([['Mars/Olympus'], ['+02:00'], ['-05:00'], ['Z'], ['UTC+2'], ['Europe/Warsaw '], ['2020-01-01T00:00[Europe/Warsaw]'], ['Europe/' + 'x'.repeat(60)]])(
    'refuses the zone %j as invalid_time_zone',
    (timeZone) => {
      expect(problems(withWindow({ timeZone }))).toEqual([{ path: `${W0}.timeZone`, code: 'invalid_time_zone' }]);
    },
  );

  it('requires a zone and refuses a wrong type', () => {
    expect(problems(withWindow({ timeZone: undefined }))).toEqual([{ path: `${W0}.timeZone`, code: 'required' }]);
    expect(problems(withWindow({ timeZone: '' }))).toEqual([{ path: `${W0}.timeZone`, code: 'required' }]);
    expect(problems(withWindow({ timeZone: null }))).toEqual([{ path: `${W0}.timeZone`, code: 'required' }]);
    expect(problems(withWindow({ timeZone: 120 }))).toEqual([{ path: `${W0}.timeZone`, code: 'invalid_type' }]);
    expect(problems(withWindow({ timeZone: ['Europe/Warsaw'] }))).toEqual([{ path: `${W0}.timeZone`, code: 'invalid_type' }]);
  });

  it.each([['9:00'], ['24:01'], ['25:00'], ['24:00'], ['12:60'], ['09:00:00'], ['nine']])('refuses the start %j as invalid_time', (start) => {
    expect(problems(withWindow({ start }))).toEqual([{ path: `${W0}.start`, code: 'invalid_time' }]);
  });

  it.each([['9:00'], ['24:01'], ['25:00'], ['17:60']])('refuses the end %j as invalid_time', (end) => {
    expect(problems(withWindow({ end }))).toEqual([{ path: `${W0}.end`, code: 'invalid_time' }]);
  });

  it('requires a start and an end, and refuses other types', () => {
    expect(problems(withWindow({ start: undefined, end: '' }))).toEqual([
      { path: `${W0}.start`, code: 'required' },
      { path: `${W0}.end`, code: 'required' },
    ]);
    expect(problems(withWindow({ start: null, end: null }))).toEqual([
      { path: `${W0}.start`, code: 'required' },
      { path: `${W0}.end`, code: 'required' },
    ]);
    expect(problems(withWindow({ start: 900, end: { h: 17 } }))).toEqual([
      { path: `${W0}.start`, code: 'invalid_type' },
      { path: `${W0}.end`, code: 'invalid_type' },
    ]);
  });

  it('refuses a window whose start is not before its end', () => {
    expect(problems(withWindow({ start: '09:00', end: '09:00' }))).toEqual([{ path: `${W0}.end`, code: 'invalid_window' }]);
    expect(problems(withWindow({ start: '17:00', end: '09:00' }))).toEqual([{ path: `${W0}.end`, code: 'invalid_window' }]);
    expect(problems(withWindow({ start: '23:59', end: '00:00' }))).toEqual([{ path: `${W0}.end`, code: 'invalid_window' }]);
  });

  it('accepts an end of 24:00 and the whole day', () => {
    expect(valid(withWindow({ start: '00:00', end: '24:00' })).operationalSupport!.windows[0]).toMatchObject({ start: '00:00', end: '24:00' });
    expect(valid(withWindow({ start: '23:59', end: '24:00' })).operationalSupport!.windows[0]).toMatchObject({ start: '23:59', end: '24:00' });
  });

  it.each([['monday'], ['MON'], ['Mon'], ['mo'], [''], [1], [null]])('refuses the day %j as invalid_day', (day) => {
    expect(problems(withWindow({ days: ['tue', day] }))).toEqual([{ path: `${W0}.days.1`, code: 'invalid_day' }]);
  });

  it('refuses a day twice', () => {
    expect(problems(withWindow({ days: ['mon', 'tue', 'mon'] }))).toEqual([{ path: `${W0}.days.2`, code: 'duplicate' }]);
  });

  it('requires at least one day, refuses more than seven and other types', () => {
    expect(problems(withWindow({ days: [] }))).toEqual([{ path: `${W0}.days`, code: 'required' }]);
    expect(problems(withWindow({ days: undefined }))).toEqual([{ path: `${W0}.days`, code: 'required' }]);
    expect(problems(withWindow({ days: 'mon' }))).toEqual([{ path: `${W0}.days`, code: 'invalid_type' }]);
    expect(problems(withWindow({ days: { mon: true } }))).toEqual([{ path: `${W0}.days`, code: 'invalid_type' }]);
    expect(problems(withWindow({ days: [...DAYS, 'mon'] }))).toEqual([{ path: `${W0}.days`, code: 'too_many', params: { max: 7 } }]);
  });

  it('accepts 20 windows and refuses 21 as too_many', () => {
    const windows = (n: number) => Array.from({ length: n }, () => window());
    expect(valid({ operationalSupport: { windows: windows(20) } }).operationalSupport!.windows).toHaveLength(20);
    expect(problems({ operationalSupport: { windows: windows(21) } })).toEqual([
      { path: 'operationalSupport.windows', code: 'too_many', params: { max: 20 } },
    ]);
  });

  it('refuses wrong types for the support object, alwaysOpen, windows and a window', () => {
    expect(problems({ operationalSupport: [] })).toEqual([{ path: 'operationalSupport', code: 'invalid_type' }]);
    expect(problems({ operationalSupport: '24/7' })).toEqual([{ path: 'operationalSupport', code: 'invalid_type' }]);
    expect(problems({ operationalSupport: { alwaysOpen: 'yes' } })).toEqual([{ path: 'operationalSupport.alwaysOpen', code: 'invalid_type' }]);
    expect(problems({ operationalSupport: { alwaysOpen: 1 } })).toEqual([{ path: 'operationalSupport.alwaysOpen', code: 'invalid_type' }]);
    expect(problems({ operationalSupport: { windows: {} } })).toEqual([{ path: 'operationalSupport.windows', code: 'invalid_type' }]);
    expect(problems({ operationalSupport: { windows: [window(), 'mon 9-17', [window()]] } })).toEqual([
      { path: 'operationalSupport.windows.1', code: 'invalid_type' },
      { path: 'operationalSupport.windows.2', code: 'invalid_type' },
    ]);
  });

  it('reports every problem of a window at once', () => {
    expect(problems(withWindow({ timeZone: 'Mars/Olympus', days: ['funday'], start: '9:00', end: '25:00', tz: 'x' }))).toEqual([
      { path: `${W0}.tz`, code: 'unknown_field' },
      { path: `${W0}.timeZone`, code: 'invalid_time_zone' },
      { path: `${W0}.days.0`, code: 'invalid_day' },
      { path: `${W0}.start`, code: 'invalid_time' },
      { path: `${W0}.end`, code: 'invalid_time' },
    ]);
  });
});

describe('validateContactInfo: document shape', () => {
  it.each([[null], [undefined], [[]], ['text'], [42], [true]])('refuses %j as the document', (input) => {
    expect(problems(input)).toEqual([{ path: '', code: 'invalid_type' }]);
  });

  it('refuses unknown fields at every level', () => {
    expect(
      problems({
        alertContact: [],
        technicalEmergencyContacts: [{ email: 'a@partner.example', fax: '123' }],
        operationalSupport: { alwaysOpen: true, timezone: 'UTC' },
      }),
    ).toEqual([
      { path: 'alertContact', code: 'unknown_field' },
      { path: 'technicalEmergencyContacts.0.fax', code: 'unknown_field' },
      { path: 'operationalSupport.timezone', code: 'unknown_field' },
    ]);
  });

  it.each([
    'alertContacts',
    'technicalEmergencyContacts',
    'technicalNonEmergencyContacts',
    'operationalContactsForPlatform',
  ])('refuses a non-list %s', (field) => {
    for (const junk of [{ email: 'a@partner.example' }, 'a@partner.example', 3, true]) {
      expect(problems({ [field]: junk })).toEqual([{ path: field, code: 'invalid_type' }]);
    }
  });

  it('refuses entries that are not objects', () => {
    expect(problems({ technicalEmergencyContacts: ['a@partner.example', 5, null, [{ email: 'a@partner.example' }]] })).toEqual([
      { path: 'technicalEmergencyContacts.0', code: 'invalid_type' },
      { path: 'technicalEmergencyContacts.1', code: 'invalid_type' },
      { path: 'technicalEmergencyContacts.2', code: 'invalid_type' },
      { path: 'technicalEmergencyContacts.3', code: 'invalid_type' },
    ]);
  });

  it('refuses wrong types inside entries', () => {
    expect(
      problems({
        technicalEmergencyContacts: [
          { email: 42 },
          { email: ['a@partner.example'] },
          { email: 'b@partner.example', name: 7 },
          { email: 'c@partner.example', name: { first: 'C' } },
          { email: 'd@partner.example', phone: 48221234567 },
        ],
      }),
    ).toEqual([
      { path: 'technicalEmergencyContacts.0.email', code: 'invalid_type' },
      { path: 'technicalEmergencyContacts.1.email', code: 'invalid_type' },
      { path: 'technicalEmergencyContacts.2.name', code: 'invalid_type' },
      { path: 'technicalEmergencyContacts.3.name', code: 'invalid_type' },
      { path: 'technicalEmergencyContacts.4.phone', code: 'invalid_type' },
    ]);
  });

  it('refuses wrong types in the contact for users', () => {
    expect(problems({ operationalContactForUsers: [{ email: 'help@brand.example' }] })).toEqual([
      { path: 'operationalContactForUsers', code: 'invalid_type' },
    ]);
    expect(problems({ operationalContactForUsers: 'help@brand.example' })).toEqual([{ path: 'operationalContactForUsers', code: 'invalid_type' }]);
    expect(problems({ operationalContactForUsers: { email: 1, phone: true, url: ['https://brand.example'] } })).toEqual([
      { path: 'operationalContactForUsers.email', code: 'invalid_type' },
      { path: 'operationalContactForUsers.phone', code: 'invalid_type' },
      { path: 'operationalContactForUsers.url', code: 'invalid_type' },
    ]);
  });

  it('accepts and ignores the read-only fields of a GET', () => {
    const input = {
      version: 4,
      complete: false,
      missing: ['operationalSupport'],
      updatedAt: '2026-11-22T10:00:00Z',
      updatedBy: { id: 'u_1', name: 'Ana' },
      ...completeInput(),
    };
    expect(valid(input)).toEqual(completeInfo(false));
    // Ignored entirely: even odd values do not matter.
    expect(valid({ version: 'x', complete: 'yes', missing: 5, updatedAt: null, updatedBy: [] })).toEqual(emptyContactInfo(false));
  });

  it('accepts a whole document read back from a GET', () => {
    const get = {
      version: 4,
      complete: true,
      missing: [],
      alertContacts: [{ userId: 'u_1', email: 'ana@partner.example', name: 'Ana' }],
      technicalEmergencyContacts: [{ email: 'oncall@partner.example', name: 'Pager', phone: '+48221234567', locale: 'en' }],
      technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }],
      merchantIssueContacts: [{ email: 'merchants@partner.example' }],
      operationalContactsForPlatform: [{ email: 'ops@partner.example' }],
      operationalContactForUsers: { email: 'help@brand.example', phone: '+48221234567', url: 'https://brand.example/help' },
      operationalSupport: { alwaysOpen: false, windows: [window()] },
      updatedAt: '2026-11-22T10:00:00Z',
      updatedBy: { id: 'u_1', name: 'Ana' },
    };
    const value = valid(get, context({ hasMerchantIssueContacts: true }));
    expect(value).toEqual({
      alertContacts: [{ userId: 'u_1' }],
      technicalEmergencyContacts: [{ email: 'oncall@partner.example', name: 'Pager', phone: '+48221234567', locale: 'en' }],
      technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }],
      merchantIssueContacts: [{ email: 'merchants@partner.example' }],
      operationalContactsForPlatform: [{ email: 'ops@partner.example' }],
      operationalContactForUsers: { email: 'help@brand.example', phone: '+48221234567', url: 'https://brand.example/help' },
      operationalSupport: { alwaysOpen: false, windows: [window()] },
    });
    // Saving it again changes nothing.
    expect(valid(get, context({ hasMerchantIssueContacts: true, current: value, env: 'sandbox' }))).toEqual(value);
  });

  it('reports many problems of many fields in one call', () => {
    expect(
      problems(
        {
          color: 'blue',
          alertContacts: [{ userId: 'u_9' }],
          technicalEmergencyContacts: [{ email: 'a@b' }, { email: 'x@partner.example', phone: '12345' }],
          technicalNonEmergencyContacts: 'dev@partner.example',
          merchantIssueContacts: [{ email: 'm@partner.example' }],
          operationalContactsForPlatform: [{ email: 'p@partner.example' }, { email: 'P@partner.example' }],
          operationalContactForUsers: { email: 'help@brand.example', url: 'javascript:alert(1)' },
          operationalSupport: { windows: [window({ timeZone: '+02:00', start: '17:00', end: '09:00' })] },
        },
        context(),
      ),
    ).toEqual([
      { path: 'color', code: 'unknown_field' },
      { path: 'alertContacts.0.userId', code: 'not_a_member' },
      { path: 'technicalEmergencyContacts.0.email', code: 'invalid_email' },
      { path: 'technicalEmergencyContacts.1.phone', code: 'invalid_phone' },
      { path: 'technicalNonEmergencyContacts', code: 'invalid_type' },
      { path: 'merchantIssueContacts', code: 'not_available' },
      { path: 'operationalContactsForPlatform.1.email', code: 'duplicate' },
      { path: 'operationalContactForUsers.url', code: 'invalid_url' },
      { path: 'operationalSupport.windows.0.timeZone', code: 'invalid_time_zone' },
      { path: 'operationalSupport.windows.0.end', code: 'invalid_window' },
    ]);
  });

  it('does not change its input', () => {
    const input = { ...completeInput(), operationalSupport: { windows: [window({ days: ['fri', 'mon'] })] } };
    const copy = structuredClone(input);
    valid(input);
    expect(input).toEqual(copy);
  });
});

// ---------------------------------------------------------------------------------------------

describe('changedFields', () => {
  it('finds no change between equal documents', () => {
    expect(changedFields(completeInfo(false), completeInfo(false))).toEqual([]);
  });

  it('lists only the changed fields, with before and after', () => {
    const before = completeInfo(false);
    const after: ContactInfo = {
      ...before,
      technicalEmergencyContacts: [{ email: 'pager@partner.example' }],
      operationalSupport: { alwaysOpen: false, windows: [{ timeZone: 'UTC', days: ['mon'], start: '09:00', end: '17:00' }] },
    };
    expect(changedFields(before, after)).toEqual([
      {
        field: 'technicalEmergencyContacts',
        before: [{ email: 'oncall@partner.example', name: 'Pager' }],
        after: [{ email: 'pager@partner.example' }],
      },
      {
        field: 'operationalSupport',
        before: { alwaysOpen: true, windows: [] },
        after: { alwaysOpen: false, windows: [{ timeZone: 'UTC', days: ['mon'], start: '09:00', end: '17:00' }] },
      },
    ]);
  });

  it('sees a change of order and of a single attribute', () => {
    const before: ContactInfo = { ...completeInfo(false), alertContacts: [{ userId: 'u_1' }, { userId: 'u_2' }] };
    const after: ContactInfo = {
      ...before,
      alertContacts: [{ userId: 'u_2' }, { userId: 'u_1' }],
      operationalContactForUsers: { email: 'help@brand.example', phone: '+48221234567' },
    };
    expect(changedFields(before, after).map((c) => c.field)).toEqual(['alertContacts', 'operationalContactForUsers']);
  });

  it('lists every filled field of a first save against the empty document', () => {
    const changes = changedFields(emptyContactInfo(false), completeInfo(false));
    expect(changes.map((c) => c.field)).toEqual([
      'alertContacts',
      'technicalEmergencyContacts',
      'technicalNonEmergencyContacts',
      'operationalContactsForPlatform',
      'operationalContactForUsers',
      'operationalSupport',
    ]);
    expect(changes.find((c) => c.field === 'operationalContactForUsers')).toEqual({
      field: 'operationalContactForUsers',
      before: null,
      after: { email: 'help@brand.example' },
    });
  });

  it('sees merchant-issue contacts being filled', () => {
    expect(changedFields(emptyContactInfo(true), { ...emptyContactInfo(true), merchantIssueContacts: [{ email: 'm@partner.example' }] })).toEqual([
      { field: 'merchantIssueContacts', before: [], after: [{ email: 'm@partner.example' }] },
    ]);
  });
});

describe('required reported with the other problems', () => {
  it('lists emptied required fields beside invalid entries in one answer', () => {
    const current = completeInfo(false);
    const result = validateContactInfo(
      { ...completeInput(), technicalNonEmergencyContacts: [], technicalEmergencyContacts: [{ email: 'broken' }] },
      context({ current }),
    );
    expect(result).toEqual({
      ok: false,
      details: [
        { path: 'technicalEmergencyContacts.0.email', code: 'invalid_email' },
        { path: 'technicalNonEmergencyContacts', code: 'required' },
      ],
    });
  });
});
