// The catalogues agree with English: no key missing or extra in any language, every message valid ICU
// with the same arguments and tags as English, Russian plurals with all three forms, and no English key
// that no code uses.
import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { NAMESPACES } from '@/lib/i18n/messages';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Catalogue = { [key: string]: string | Catalogue };
/** A language's whole catalogue: its namespace files, each under its name. */
function read(locale: string): Catalogue {
  const catalogue: Catalogue = {};
  for (const namespace of NAMESPACES) {
    const file = path.join(ROOT, 'lib/i18n/messages', locale, `${namespace}.json`);
    catalogue[namespace] = JSON.parse(fs.readFileSync(file, 'utf8')) as Catalogue;
  }
  return catalogue;
}

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(name, value);
    else for (const [k, v] of flatten(value, name)) flat.set(k, v);
  }
  return flat;
}

/** Argument names, tag names and the plural selectors a message uses. */
function shape(elements: MessageFormatElement[], into = { args: new Set<string>(), tags: new Set<string>(), plurals: new Map<string, string[]>() }) {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) into.args.add(element.value);
    if (element.type === TYPE.tag) {
      into.tags.add(element.value);
      shape(element.children, into);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.args.add(element.value);
      if (element.type === TYPE.plural) into.plurals.set(element.value, Object.keys(element.options));
      for (const option of Object.values(element.options)) shape(option.value, into);
    }
  }
  return into;
}

const english = flatten(read('en'));

describe('message catalogues', () => {
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} has exactly the English keys, each valid ICU with the same arguments and tags`, () => {
      const other = flatten(read(locale));
      expect([...english.keys()].filter((k) => !other.has(k)), `missing in ${locale}`).toEqual([]);
      expect([...other.keys()].filter((k) => !english.has(k)), `not in English`).toEqual([]);
      for (const [key, source] of english) {
        const translated = other.get(key) ?? '';
        expect(translated.trim(), `${locale} ${key} is empty`).not.toBe('');
        const want = shape(parse(source));
        const got = shape(parse(translated));
        expect([...got.args].sort(), `${locale} ${key} arguments`).toEqual([...want.args].sort());
        expect([...got.tags].sort(), `${locale} ${key} tags`).toEqual([...want.tags].sort());
        if (locale === 'ru') {
          for (const [arg, options] of got.plurals) expect(options, `ru ${key} {${arg}, plural}`).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
        }
      }
    });
  }

  it('has no English key that no code uses', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(full);
      }
    };
    for (const dir of ['app', 'components', 'lib']) walk(path.join(ROOT, dir));
    const sources = files.map((file) => fs.readFileSync(file, 'utf8'));
    // A key counts as used when a file that opens one of its namespaces (useTranslations('a') or
    // ('a.b'), getTranslations likewise) names the rest of the key in quotes: 'c' or 'b.c' for "a.b.c".
    const unused = [...english.keys()].filter((key) => {
      // The `errors` namespace is used by matching the code's English messages (lib/i18n/errors.ts), not
      // by key; lib/i18n/errors.test.ts checks each of its templates against the code instead.
      if (key.startsWith('errors.')) return false;
      const parts = key.split('.');
      for (let split = 1; split < parts.length; split++) {
        const namespace = parts.slice(0, split).join('.');
        const rest = parts.slice(split).join('.');
        // lib/mail/translate.ts's mailTranslator (and mailReader) open 'email' for the mail code that calls them.
        const opens = new RegExp(`(?:useTranslations|getTranslations|createTranslator)\\((?:'${namespace}'|\\{[^}]*namespace: '${namespace}')${namespace === 'email' ? '|mailTranslator\\(|mailReader\\(|\\bMailReader\\b' : ''}`);
        if (sources.some((source) => opens.test(source) && (source.includes(`'${rest}'`) || source.includes(`"${rest}"`)))) return false;
      }
      return true;
    });
    expect(unused).toEqual([]);
  });
});
