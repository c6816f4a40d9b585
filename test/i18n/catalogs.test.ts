import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../src/domain/locales';

type Catalog = Record<string, string>;
const read = (locale: string): Catalog => JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')) as Catalog;

/** The message ids the code uses, extracted the way `npm run i18n:extract` does. */
function extractFromCode(): Catalog {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-i18n-'));
  try {
    const out = join(dir, 'en.json');
    const result = spawnSync(
      process.execPath,
      ['node_modules/@formatjs/cli/bin/formatjs', 'extract', 'src/**/*.{ts,tsx}', '--ignore', '**/*.d.ts', '--format', 'simple', '--out-file', out],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(readFileSync(out, 'utf8')) as Catalog;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Argument names and plural/select options of a message, to compare a translation with its source. */
function shape(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
      into.add(`arg:${element.value}`);
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(`${element.type === TYPE.plural ? 'plural' : 'select'}:${element.value}`);
      for (const option of Object.values(element.options)) shape(option.value, into);
    } else if (element.type === TYPE.tag) {
      into.add(`tag:${element.value}`);
      shape(element.children, into);
    }
  }
  return into;
}

function plurals(elements: MessageFormatElement[], found: { name: string; options: string[] }[] = []) {
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      found.push({ name: element.value, options: Object.keys(element.options) });
      for (const option of Object.values(element.options)) plurals(option.value, found);
    } else if (element.type === TYPE.select) {
      for (const option of Object.values(element.options)) plurals(option.value, found);
    } else if (element.type === TYPE.tag) plurals(element.children, found);
  }
  return found;
}

/** Messages that may read the same in every language: only placeholders, numbers, symbols or technical tokens. */
function languageNeutral(message: string): boolean {
  const text = message
    .replace(/\{[^{}]*\}/g, '')
    .replace(/Liaison|E\.164|HH:MM|24\/7|UTC|URL|API|SMTP|HTML|JSON|ID/g, '')
    .replace(/[\s\d\p{P}\p{S}]/gu, '');
  return text.length === 0;
}

describe('message catalogs', () => {
  const english = read('en');

  it('English holds exactly the messages the code uses (run npm run i18n:extract after changing strings)', () => {
    expect(english).toEqual(extractFromCode());
  });

  for (const locale of SUPPORTED_LOCALES) {
    describe(locale, () => {
      const catalog = read(locale);

      it('has every message, and no other', () => {
        expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
      });

      it('has no empty message, and none left in English', () => {
        for (const [id, message] of Object.entries(catalog)) {
          expect(message.trim(), id).not.toBe('');
          if (locale !== 'en' && !languageNeutral(english[id] ?? '')) expect(message, `${id} is still English`).not.toBe(english[id]);
        }
      });

      it('parses as ICU MessageFormat with the same arguments as English', () => {
        for (const [id, message] of Object.entries(catalog)) {
          const source = english[id];
          if (source === undefined) continue;
          const translated = parse(message, { requiresOtherClause: true });
          const arguments_ = [...shape(translated)].filter((s) => !s.startsWith('select:')).sort();
          const expected = [...shape(parse(source))].filter((s) => !s.startsWith('select:')).sort();
          expect(arguments_, id).toEqual(expected);
        }
      });

      it('uses the plural categories of the language', () => {
        const required = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const [id, message] of Object.entries(catalog)) {
          for (const plural of plurals(parse(message))) {
            for (const category of required) {
              // Exact matches (=0, =1) may stand in for a category; otherwise each category needs its form.
              expect(plural.options, `${id}: ${plural.name} needs "${category}"`).toContain(category);
            }
          }
        }
      });
    });
  }
});
