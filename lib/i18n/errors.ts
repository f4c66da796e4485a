// The API's error messages in the caller's language. Code throws AppError with an English message (scripts
// and logs read English); the route wrapper passes each error response's message through translateError
// for the caller's language. The `errors` catalogue holds every English message as an ICU template
// ("Too many checks from your address; try again in {minutes, plural, one {# minute} other {# minutes}}.");
// each English template is compiled once to a regular expression whose groups capture the values, so a
// message is matched without its throw site knowing any key, and then written out in the other language.
//
// Validation messages ("field: message", as the route wrapper and the settings checks write them) keep
// the field path as it is and have their message part translated: the path is what the pages use to put
// the message next to its field (or strip it), so it must stay the code's name for the field.
//
// A message no template matches stays English (errors.test.ts fails for any AppError message in the code
// that has no template, so this is only for messages from elsewhere, e.g. a network library's).
import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, isLocale, localeOfRequest, matchLocale, type Locale } from '@/lib/i18n/locales';
import en from '@/lib/i18n/messages/en/errors.json';
import ru from '@/lib/i18n/messages/ru/errors.json';
import th from '@/lib/i18n/messages/th/errors.json';
import zhCN from '@/lib/i18n/messages/zh-CN/errors.json';

/** The page's language, sent by fetchJson (lib/query-client.ts) with every API call. */
export const LOCALE_HEADER = 'x-livelens-locale';

type Catalogue = { [key: string]: string | Catalogue };
const CATALOGUES: Record<Locale, Catalogue> = { en, ru, th, 'zh-CN': zhCN };

/** The language an API caller reads: the page's (the header), else the saved choice, else the browser's, else English. */
export function callerLocale(request: Request): Locale {
  const asked = request.headers.get(LOCALE_HEADER)?.trim();
  if (asked) {
    const locale = isLocale(asked) ? asked : matchLocale(asked);
    if (locale) return locale;
  }
  return localeOfRequest(request);
}

// ── ICU templates, the subset the English catalogue uses ──
// Text, {arg}, {arg, number}, {arg, plural|selectordinal|select, …} with # inside plurals, and the ICU
// apostrophe quoting ('' is an apostrophe, '{' starts quoted text).

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'arg'; name: string }
  | { kind: 'pound' }
  | { kind: 'choice'; name: string; plural: boolean; options: { selector: string; nodes: Node[] }[] };

function parseTemplate(source: string): Node[] {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`errors catalogue: ${why} at ${at} in ${JSON.stringify(source)}`);
  };
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at] ?? '')) at++;
  };
  const readUntil = (stops: string) => {
    const start = at;
    while (at < source.length && !stops.includes(source[at] ?? '')) at++;
    return source.slice(start, at).trim();
  };

  const message = (inPlural: boolean): Node[] => {
    const nodes: Node[] = [];
    const text = (t: string) => {
      const last = nodes.at(-1);
      if (last?.kind === 'text') last.text += t;
      else nodes.push({ kind: 'text', text: t });
    };
    while (at < source.length) {
      const c = source[at] ?? '';
      if (c === '}') return nodes;
      if (c === '{') {
        nodes.push(argument());
      } else if (c === '#' && inPlural) {
        nodes.push({ kind: 'pound' });
        at++;
      } else if (c === "'" && source[at + 1] === "'") {
        text("'");
        at += 2;
      } else if (c === "'" && /[{}#|]/.test(source[at + 1] ?? '')) {
        const end = source.indexOf("'", at + 1);
        text(source.slice(at + 1, end === -1 ? source.length : end));
        at = end === -1 ? source.length : end + 1;
      } else {
        text(c);
        at++;
      }
    }
    return nodes;
  };

  const argument = (): Node => {
    at++; // {
    const name = readUntil(',}');
    if (!/^\w+$/.test(name)) fail('an argument needs a name');
    if (source[at] === '}') {
      at++;
      return { kind: 'arg', name };
    }
    at++; // ,
    const type = readUntil(',}');
    if (type === 'number') {
      readUntil('}');
      at++;
      return { kind: 'arg', name };
    }
    if (type !== 'plural' && type !== 'select' && type !== 'selectordinal') return fail(`unsupported argument type "${type}"`);
    if (source[at] !== ',') fail('a choice needs options');
    at++;
    const options: { selector: string; nodes: Node[] }[] = [];
    for (;;) {
      skipSpace();
      if (source[at] === '}') break;
      const selector = readUntil('{ \t\n');
      if (selector.startsWith('offset:')) continue;
      skipSpace();
      if (source[at] !== '{') fail('an option needs a message');
      at++;
      options.push({ selector, nodes: message(type !== 'select') });
      if (source[at] !== '}') fail('an option is not closed');
      at++;
    }
    at++;
    return { kind: 'choice', name, plural: type !== 'select', options };
  };

  const nodes = message(false);
  if (at < source.length) fail('an unmatched }');
  return nodes;
}

// ── matching English messages ──

type Values = Record<string, string | number>;
type Group = { name: string; marker?: { selector: string; plural: boolean } };
type Template = { key: string; pattern: RegExp; groups: Group[]; literal: number };

const NUMBER = '(-?\\d+(?:\\.\\d+)?)';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function flatten(catalogue: Catalogue, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]): [string, string][] => {
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[name, value]] : flatten(value, name);
  });
}

/** Arguments some language counts or formats as a number: their English text is matched and passed as one. */
function numericArguments(): Set<string> {
  const numeric = new Set<string>();
  for (const catalogue of Object.values(CATALOGUES)) {
    for (const [, message] of flatten(catalogue)) {
      for (const m of message.matchAll(/\{\s*(\w+)\s*,\s*(?:plural|selectordinal|number)\b/g)) if (m[1]) numeric.add(m[1]);
    }
  }
  return numeric;
}

function compile(key: string, source: string, numeric: Set<string>): Template {
  const groups: Group[] = [];
  const emit = (nodes: Node[], counted: string | null): { pattern: string; literal: number } => {
    let pattern = '';
    let literal = 0;
    for (const node of nodes) {
      if (node.kind === 'text') {
        pattern += escape(node.text);
        literal += node.text.length;
      } else if (node.kind === 'arg') {
        groups.push({ name: node.name });
        pattern += numeric.has(node.name) ? NUMBER : '([\\s\\S]+?)';
      } else if (node.kind === 'pound') {
        if (counted === null) {
          pattern += '#';
          literal++;
        } else {
          groups.push({ name: counted });
          pattern += NUMBER;
        }
      } else {
        const options = node.options.map((option) => {
          groups.push({ name: node.name, marker: { selector: option.selector, plural: node.plural } });
          const inner = emit(option.nodes, node.plural ? node.name : counted);
          return { pattern: `()${inner.pattern}`, literal: inner.literal };
        });
        pattern += `(?:${options.map((o) => o.pattern).join('|')})`;
        literal += Math.min(...options.map((o) => o.literal));
      }
    }
    return { pattern, literal };
  };
  const { pattern, literal } = emit(parseTemplate(source), null);
  return { key, pattern: new RegExp(`^${pattern}$`), groups, literal };
}

let compiled: { templates: Template[]; numeric: Set<string> } | undefined;
/** The English templates, the most specific (most literal text) first, so "…@{handle}. Check the spelling." wins over "…@{handle}.". */
function compiledTemplates(): { templates: Template[]; numeric: Set<string> } {
  if (!compiled) {
    const numeric = numericArguments();
    const templates = flatten(CATALOGUES.en)
      .map(([key, source]) => compile(key, source, numeric))
      .sort((a, b) => b.literal - a.literal);
    compiled = { templates, numeric };
  }
  return compiled;
}

function valuesOf(template: Template, match: RegExpExecArray, numeric: Set<string>): Values {
  const values: Values = {};
  template.groups.forEach((group, index) => {
    const captured = match[index + 1];
    if (captured === undefined || group.marker || group.name in values) return;
    values[group.name] = numeric.has(group.name) ? Number(captured) : captured;
  });
  // A choice option without # says its value by its selector: "=0", "one" (1 in English) or a select's key.
  template.groups.forEach((group, index) => {
    if (!group.marker || match[index + 1] === undefined || group.name in values) return;
    const { selector, plural } = group.marker;
    if (selector.startsWith('=')) values[group.name] = Number(selector.slice(1));
    else if (plural && selector === 'one') values[group.name] = 1;
    else if (!plural) values[group.name] = selector;
  });
  return values;
}

export type ErrorMatch = { key: string; values: Values; field?: string };

const MAX_MESSAGE_LENGTH = 2000;

/** A field path as validation messages start with it: "name", "rules.giftTiers.1.minDiamonds", "socket_id". */
const FIELD_PREFIX = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*): ([\s\S]+)$/;

function matchWhole(message: string): ErrorMatch | null {
  const { templates, numeric } = compiledTemplates();
  for (const template of templates) {
    const match = template.pattern.exec(message);
    if (match) return { key: template.key, values: valuesOf(template, match, numeric) };
  }
  return null;
}

/** The catalogue entry an English message was written from, and its values; null when there is none. */
export function matchError(message: string): ErrorMatch | null {
  // Longer than any message the code writes (values included); not worth the regular expressions' time.
  if (message.length > MAX_MESSAGE_LENGTH) return null;
  const whole = matchWhole(message);
  if (whole) return whole;
  const split = FIELD_PREFIX.exec(message);
  if (!split?.[1] || !split[2]) return null;
  const part = matchWhole(split[2]);
  return part ? { ...part, field: split[1] } : null;
}

// ── writing them in another language ──

const MISSING = '\u0000';
/** Keys come from matching, not from the code, so the translator is looked up by any string. */
type Translate = (key: string, values: Values) => string;
const translators = new Map<Locale, Translate>();
function translatorFor(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    // A value the message cannot use (or a broken translation) gives MISSING, and the English stays.
    t = createTranslator({ locale, messages: CATALOGUES[locale], onError: () => undefined, getMessageFallback: () => MISSING }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

/** An English error message in `locale`; the English message when the catalogue has no template for it. */
export function translateError(message: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return message;
  const found = matchError(message);
  if (!found) return message;
  const translated = translatorFor(locale)(found.key, found.values);
  if (translated === MISSING || translated === found.key) return message;
  return found.field ? `${found.field}: ${translated}` : translated;
}
