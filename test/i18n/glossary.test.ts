import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// What locales/GLOSSARY.md decides and a program can check. Each rule lists the message ids
// that break it, so a failure names the messages to fix. Register, calques and the gender of
// "Liaison" are left to the reader. A rule marked (guard) held before the glossary decided it
// and keeps it that way; every other rule failed on the catalogs it was written for.

type Catalog = Record<string, string>;
const read = (locale: string): Catalog => JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')) as Catalog;

const en = read('en');
const he = read('he');
const pl = read('pl');

/** The ids of `catalog` whose message (and English source) satisfy `broken`. */
function offenders(catalog: Catalog, broken: (message: string, english: string, id: string) => boolean): string[] {
  return Object.entries(catalog)
    .filter(([id, message]) => broken(message, en[id] ?? '', id))
    .map(([id]) => id);
}

const FSI = '\u2068';
const PDI = '\u2069';
const ISOLATE_OPENERS = /[\u2066\u2067\u2068]/;

// One of `forms` as a whole Hebrew word, with or without prefix letters (ו, ה, ב, כ, ל, מ, ש: "כשנבחרת").
const HEBREW_LETTER = '\\u05D0-\\u05EA';
const word = (forms: string) => new RegExp(`(?<![${HEBREW_LETTER}])[והבכלמש]{0,3}(?:${forms})(?![${HEBREW_LETTER}])`);

describe('Hebrew (locales/GLOSSARY.md)', () => {
  // הזמנה and its verb: the noun (הזמנה, ההזמנה, הזמנות, הזמנת), the passive (הוזמנת) and the
  // verb (להזמין, הזמין, מזמין/ה). "הזמן" (the time) ends in a final nun and is not matched.
  const INVITATION = /הזמנ|הוזמנ|הזמין|מזמינ|מזמין/;
  // The glossary's words for an end user's booking (שריון מקום, ששוריין) and order (רכישה).
  const BOOKING_OR_ORDER = /שריו|שוריי|רכיש/;
  const ENGLISH_INVITATION = /invit/i;
  const ENGLISH_BOOKING_OR_ORDER = /\bbook(?:ing|ings|ed)?\b|\borders?\b/i;
  const aboutInvitation = (english: string, id: string) =>
    ENGLISH_INVITATION.test(english) || id.startsWith('invitation.') || id.startsWith('email.invitation.');

  it('uses הזמנה only for an invitation (the invitation page and email, or where the English says "invit…")', () => {
    expect(offenders(he, (message, english, id) => INVITATION.test(message) && !aboutInvitation(english, id))).toEqual([]);
  });

  const aboutBookingOrOrder = (english: string) => ENGLISH_BOOKING_OR_ORDER.test(english);

  it('calls a booking שריון and an order רכישה, never הזמנה', () => {
    expect(offenders(he, (message, english) => aboutBookingOrOrder(english) && (INVITATION.test(message) || !BOOKING_OR_ORDER.test(message)))).toEqual([]);
  });

  it('uses שריון and רכישה for nothing but a booking or an order (guard)', () => {
    expect(offenders(he, (message, english, id) => BOOKING_OR_ORDER.test(message) && (!aboutBookingOrOrder(english) || aboutInvitation(english, id)))).toEqual([]);
  });

  it('never says מנהל מערכת (an IT administrator) for the account role "admin"', () => {
    expect(offenders(he, (message) => /מנהל\S*\s+ה?מערכת/.test(message))).toEqual([]);
  });

  it('says מנהל wherever the English names the admin role (guard)', () => {
    expect(offenders(he, (message, english) => /\badmins?\b/i.test(english) && !/מנהל/.test(message))).toEqual([]);
  });

  it('keeps הודעה out of the Mailbox except for notifications', () => {
    expect(offenders(he, (message, english, id) => id.startsWith('mailbox.') && /הודע/.test(message) && !/notification/i.test(english))).toEqual([]);
  });

  it('calls an email in the Mailbox אימייל', () => {
    expect(offenders(he, (message, english, id) => id.startsWith('mailbox.') && /\bmessages?\b/i.test(english) && !/אימייל/.test(message))).toEqual([]);
  });

  it('calls a notification הודעה (guard)', () => {
    expect(offenders(he, (message, english) => /notification/i.test(english) && !/הודע/.test(message))).toEqual([]);
  });

  it('says the contact information is complete, not the account', () => {
    // A bare status ("הושלמו", "לא הושלמו") stands under a heading that names the contact information.
    expect(offenders(he, (message) => /הושלמו/.test(message) && !/^(לא )?הושלמו$/.test(message) && !/פרטי/.test(message))).toEqual([]);
  });

  it('uses the label "פרטים ליצירת קשר" inside a sentence only to name the page in a menu path', () => {
    const LABEL = 'פרטים ליצירת קשר';
    expect(
      offenders(he, (message) => {
        if (!/[.?!]$/.test(message)) return false; // a label, title or heading
        return message.split(LABEL).slice(0, -1).some((before) => !before.endsWith('← '));
      }),
    ).toEqual([]);
  });

  it('speaks to one reader, in the singular', () => {
    expect(offenders(he, (message) => word('לכם|מכם|שלכם|אתכם|בכם|עליכם|אליכם').test(message))).toEqual([]);
  });

  it('avoids unvocalized forms that also read as a feminine present or another word (נבחרת, נכנסת, נתקעת)', () => {
    expect(offenders(he, (message) => word('נבחרת|נכנסת|נתקעת').test(message))).toEqual([]);
  });

  // Placeholders that carry names, addresses and other data that may be in Latin letters.
  const DATA = ['account', 'actor', 'action', 'email', 'inviter', 'limit', 'name', 'person', 'platform', 'subject', 'timeZone', 'user', 'zone'];

  it('isolates data placeholders (names, addresses, subjects, time zones) with FSI … PDI', () => {
    const placeholder = new RegExp(`\\{(?:${DATA.join('|')})\\}`, 'g');
    expect(
      offenders(he, (message) =>
        [...message.matchAll(placeholder)].some((match) => {
          const at = match.index ?? 0;
          return message[at - 1] !== FSI || message[at + match[0].length] !== PDI;
        }),
      ),
    ).toEqual([]);
  });

  it('attaches no prefix letter to a data placeholder, with or without a hyphen', () => {
    expect(offenders(he, (message) => new RegExp(`[${HEBREW_LETTER}-]${FSI}?\\{(?:${DATA.join('|')})\\}`).test(message))).toEqual([]);
  });

  it('closes every isolate it opens (guard)', () => {
    expect(
      offenders(he, (message) => {
        let open = 0;
        for (const char of message) {
          if (ISOLATE_OPENERS.test(char)) open++;
          else if (char === PDI && --open < 0) return true;
        }
        return open !== 0;
      }),
    ).toEqual([]);
  });
});

describe('Polish (locales/GLOSSARY.md)', () => {
  it('has a neutral status for invited users, not the masculine "Zaproszony"', () => {
    expect(offenders(pl, (message) => /\bzaproszony\b/i.test(message))).toEqual([]);
  });

  it('never "opróżnia" a form field', () => {
    expect(offenders(pl, (message) => /opróżni/i.test(message))).toEqual([]);
  });

  it('always says "przedział godzin" for a support window', () => {
    expect(offenders(pl, (message) => [...message.matchAll(/przedzia\p{L}*/giu)].some((m) => !/^ godzin\b/u.test(message.slice(m.index + m[0].length))))).toEqual([]);
  });

  it('"uzupełnia" the contact information (and "wypełnia" only a field or a form)', () => {
    const fillingTheContactInformation = /\bfill (?:it|them) in\b|\bfill in the contact information\b|\bcomplete the contact information\b/i;
    expect(offenders(pl, (message, english) => fillingTheContactInformation.test(english) && (!/uzupełni/.test(message) || /wypełni/.test(message)))).toEqual([]);
  });

  it('says the contact information is complete, not the account', () => {
    // A bare status ("Kompletne", "Niekompletne") stands under a heading that names the contact information.
    expect(offenders(pl, (message) => /kompletn/i.test(message) && !/^(nie)?kompletne$/i.test(message) && !/\bdan(?:e|ych|ymi)\b/u.test(message))).toEqual([]);
  });

  it('puts the account after "konta", not in a chain of genitives ("portalu dla partnerów konta X")', () => {
    expect(offenders(pl, (message) => /dla partnerów kont/.test(message))).toEqual([]);
  });

  it('names table columns with nouns, not impersonal verbs ("Data otrzymania", not "Otrzymano")', () => {
    const isColumnHeader = (id: string) => /\.column\./.test(id) || /^mailbox\.(?:from|to|received)$/.test(id);
    expect(offenders(pl, (message, _english, id) => isColumnHeader(id) && /\p{L}(?:ano|ono|ęto|ito|yto|uto)$/u.test(message))).toEqual([]);
  });

  it('quotes with „…”, never with ASCII or English quotes (guard)', () => {
    expect(offenders(pl, (message) => /["“]/.test(message))).toEqual([]);
  });
});
