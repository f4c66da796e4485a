// The `errors` catalogue against the code: every message the code can send a person (AppError messages,
// the field messages of route and settings schemas, the constants they are built from) has an English
// template, and every template is one the code can produce. Then translateError in each language.
import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { waitText } from '@/lib/api/errors';
import { FOREIGN_ORIGIN } from '@/lib/api/origin';
import { SIGNED_OUT } from '@/lib/api/route';
import { TOKEN_PROBLEMS } from '@/lib/auth/email-flows';
import { DUPLICATE_NAME } from '@/lib/dashboard/clusters';
import { transition, type SessionAction } from '@/lib/games/session';
import { callerLocale, LOCALE_HEADER, matchError, translateError } from '@/lib/i18n/errors';
import en from '@/lib/i18n/messages/en/errors.json';
import { OVERLAY_KINDS, settingsSchemas, validateSettings } from '@/lib/overlays/settings';
import { LOCALE_HEADER as CLIENT_LOCALE_HEADER } from '@/lib/query-client';
import { HANDLE_ERRORS, parseHandle } from '@/lib/tiktok/handle';
import { BILIBILI_ADDRESS_ERRORS } from '@/lib/platforms/bilibili/address';
import { BILIBILI_UNAVAILABLE_REASONS } from '@/lib/platforms/bilibili/room-lookup';
import { deliveryErrorSentences } from '@/lib/notifications/delivery-errors';
import { BAD_ADDRESS } from '@/lib/security/address';
import { PROBLEM_MESSAGES } from '@/lib/workspaces/invites';

const ROOT = path.resolve(import.meta.dirname, '../..');

// ── reading the sources ──

/** Where a string, template or regex literal, or a bracketed group, starting at `at` ends (the index after it). */
function skipToken(source: string, at: number): number {
  const c = source[at];
  if (c === "'" || c === '"') {
    let i = at + 1;
    while (i < source.length && source[i] !== c) i += source[i] === '\\' ? 2 : 1;
    return i + 1;
  }
  if (c === '`') {
    let i = at + 1;
    while (i < source.length && source[i] !== '`') {
      if (source[i] === '\\') i += 2;
      else if (source[i] === '$' && source[i + 1] === '{') i = skipGroup(source, i + 1);
      else i++;
    }
    return i + 1;
  }
  if (c === '/' && source[at + 1] === '/') return source.indexOf('\n', at) === -1 ? source.length : source.indexOf('\n', at);
  if (c === '/' && source[at + 1] === '*') return source.indexOf('*/', at) + 2;
  if (c === '/' && /[(,=:[!&|?{};]\s*$|^\s*$/.test(source.slice(Math.max(0, at - 20), at))) {
    let i = at + 1;
    let inClass = false;
    while (i < source.length && (inClass || source[i] !== '/')) {
      if (source[i] === '\\') i++;
      else if (source[i] === '[') inClass = true;
      else if (source[i] === ']') inClass = false;
      i++;
    }
    i++;
    while (/[a-z]/.test(source[i] ?? '')) i++;
    return i;
  }
  if (c === '(' || c === '[' || c === '{') return skipGroup(source, at);
  return at + 1;
}

function skipGroup(source: string, open: number): number {
  const close = { '(': ')', '[': ']', '{': '}' }[source[open] ?? ''];
  let i = open + 1;
  while (i < source.length && source[i] !== close) i = skipToken(source, i);
  return i + 1;
}

/** The top-level arguments of the call whose "(" is at `open`, as source text. */
function callArguments(source: string, open: number): string[] {
  const args: string[] = [];
  let start = open + 1;
  let i = open + 1;
  const end = skipGroup(source, open) - 1;
  while (i < end) {
    if (source[i] === ',') {
      args.push(source.slice(start, i).trim());
      start = i + 1;
      i++;
    } else i = skipToken(source, i);
  }
  args.push(source.slice(start, end).trim());
  return args.filter((a) => a !== '');
}

/** The expression starting at `at`: up to a top-level , ; ) ] or }. */
function expressionAt(source: string, at: number): string {
  let i = at;
  while (i < source.length && !',;)]}'.includes(source[i] ?? '')) i = skipToken(source, i);
  return source.slice(at, i).trim();
}

type Part = { text: string } | { wild: true };
type Found = { file: string; expression: string; parts: Part[][] };

/** The string and template literals of an expression (not those compared with ===), each as text and ${…} wildcards. */
function literalsOf(expression: string): Part[][] {
  const found: Part[][] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i] ?? '';
    const next = skipToken(expression, i);
    const compared = /[=!]==?\s*$/.test(expression.slice(0, i)) || /^\s*[=!]==?/.test(expression.slice(next));
    if ((c === "'" || c === '"') && !compared) found.push([{ text: unescape(expression.slice(i + 1, next - 1)) }]);
    if (c === '`') {
      const parts: Part[] = [];
      let text = '';
      let j = i + 1;
      while (j < next - 1) {
        if (expression[j] === '$' && expression[j + 1] === '{') {
          if (text) parts.push({ text: unescape(text) });
          text = '';
          parts.push({ wild: true });
          j = skipGroup(expression, j + 1);
        } else {
          text += expression[j];
          j++;
        }
      }
      if (text) parts.push({ text: unescape(text) });
      found.push(parts);
    }
    i = next;
  }
  return found;
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

function sourceFiles(): { file: string; source: string }[] {
  const files: { file: string; source: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && rel !== path.join('lib', 'generated')) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push({ file: rel, source: fs.readFileSync(path.join(ROOT, rel), 'utf8') });
    }
  };
  walk('app');
  walk('lib');
  return files;
}

// Messages that reach people without being a literal at the throw site, and where each is checked here.
const DYNAMIC: Record<string, string> = {
  'lib/api/route.ts: SIGNED_OUT': 'constant, imported below',
  'lib/api/origin.ts: FOREIGN_ORIGIN': 'constant, imported below',
  'lib/auth/email-flows.ts: TOKEN_PROBLEMS[found.problem]': 'constant, imported below',
  'lib/auth/email-flows.ts: TOKEN_PROBLEMS.used': 'constant, imported below',
  'lib/workspaces/invites.ts: PROBLEM_MESSAGES.invalid': 'constant, imported below',
  'lib/workspaces/invites.ts: PROBLEM_MESSAGES.revoked': 'constant, imported below',
  'lib/workspaces/invites.ts: PROBLEM_MESSAGES.used': 'constant, imported below',
  'lib/workspaces/invites.ts: PROBLEM_MESSAGES.expired': 'constant, imported below',
  'lib/dashboard/clusters.ts: DUPLICATE_NAME': 'constant, imported below',
  'lib/dashboard/accounts.ts: parsed.error': 'HANDLE_ERRORS and BILIBILI_ADDRESS_ERRORS, checked below',
  'app/api/accounts/[handle]/view/route.ts: parsed.error': 'HANDLE_ERRORS, checked below',
  'app/api/accounts/[handle]/route.ts: outcome.error': 'HANDLE_ERRORS, checked below',
  'lib/overlays/manage.ts: checked.error': 'validateSettings, tried below with bad settings of every kind',
  'lib/games/host.ts: change.error': 'transition() results, scanned in lib/games/session.ts',
  'lib/notifications/channels.ts: error.message': 'UnsafeUrlError messages, scanned',
  'app/api/checkout/route.ts: outcome.message': "bilibiliChannelPage's error: lookUpBilibiliRoom's AppError messages, literals scanned",
};

/** Files whose `error:` (or `message:`, `reason:`) results are sent to people. */
const RESULT_FIELDS: Record<string, string> = {
  'lib/games/session.ts': 'error', // transition(): lib/games/host.ts throws it
  'lib/overlays/settings.ts': 'error', // validateSettings(): lib/overlays/manage.ts throws it
  'lib/dashboard/accounts.ts': 'message', // verifyOwnership(): the verify route translates it
};

// Schemas that never answer a person: the server's configuration read at start-up, the worker's replay files.
const NOT_FOR_PEOPLE = new Set(['lib/env.ts', 'lib/live/replay-file.ts']);

const ZOD_MESSAGE_METHODS = /\.(?:min|max|length|regex|email|url|int|positive|nonnegative|gt|gte|lt|lte|refine|string|number|boolean|array|enum)\(/g;

function scan(): { found: Found[]; unknown: string[] } {
  const found: Found[] = [];
  const unknown: string[] = [];
  const add = (file: string, expression: string) => {
    const parts = literalsOf(expression);
    if (parts.length > 0) found.push({ file, expression, parts });
    else if (!DYNAMIC[`${file}: ${expression}`]) unknown.push(`${file}: ${expression}`);
  };
  for (const { file, source } of sourceFiles()) {
    for (const m of source.matchAll(/new AppError\(/g)) {
      const message = callArguments(source, m.index + m[0].length - 1)[1];
      if (message) add(file, message);
    }
    for (const m of source.matchAll(/(?<!function )\bbadField\(/g)) {
      const message = callArguments(source, m.index + m[0].length - 1)[1];
      if (message) add(file, message);
    }
    for (const m of source.matchAll(/new UnsafeUrlError\(/g)) {
      const message = callArguments(source, m.index + m[0].length - 1)[0];
      if (message) add(file, message);
    }
    if (/from 'zod'/.test(source) && !NOT_FOR_PEOPLE.has(file)) {
      for (const m of source.matchAll(ZOD_MESSAGE_METHODS)) {
        const last = callArguments(source, m.index + m[0].length - 1).at(-1) ?? '';
        if (/^['"`]/.test(last)) found.push({ file, expression: last, parts: literalsOf(last) });
        const property = /^\{[\s\S]*\b(?:message|error):\s*(['"`])/.exec(last);
        if (property) found.push({ file, expression: last, parts: literalsOf(expressionAt(last, property.index + property[0].length - 1)) });
      }
    }
    const field = RESULT_FIELDS[file];
    if (field) {
      for (const m of source.matchAll(new RegExp(`[{,]\\s*${field}: `, 'g'))) {
        const expression = expressionAt(source, m.index + m[0].length);
        if (literalsOf(expression).length > 0) found.push({ file, expression, parts: literalsOf(expression) });
      }
    }
  }
  return { found, unknown };
}

// ── the English templates as examples ──

type Arg = { name: string; kind: 'plain' | 'number' | 'select'; options: string[] };
function argsOf(elements: MessageFormatElement[], into = new Map<string, Arg>()): Map<string, Arg> {
  for (const e of elements) {
    if (e.type === TYPE.argument) into.set(e.value, into.get(e.value) ?? { name: e.value, kind: 'plain', options: [] });
    if (e.type === TYPE.number) into.set(e.value, { name: e.value, kind: 'number', options: [] });
    if (e.type === TYPE.plural) into.set(e.value, { name: e.value, kind: 'number', options: [] });
    if (e.type === TYPE.select) into.set(e.value, { name: e.value, kind: 'select', options: Object.keys(e.options) });
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) argsOf(option.value, into);
  }
  return into;
}

function flatten(catalogue: object, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]): [string, string][] => {
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[name, value]] : flatten(value as object, name);
  });
}

const ENGLISH = flatten(en);
const t = createTranslator({ locale: 'en', messages: en }) as unknown as (key: string, values: Record<string, string | number>) => string;
/** Each English template written out with example values (7 and 1 for numbers, every option of a select, "x" for text). */
const EXAMPLES: { key: string; text: string }[] = ENGLISH.flatMap(([key, template]) => {
  const args = [...argsOf(parse(template)).values()];
  const selects = args.filter((a) => a.kind === 'select');
  const variants = Math.max(2, ...selects.map((s) => s.options.length));
  return Array.from({ length: variants }, (_, v) => {
    const values = Object.fromEntries(args.map((a) => [a.name, a.kind === 'number' ? (v === 1 ? 1 : 7) : a.kind === 'select' ? (a.options[v] ?? 'other') : 'x']));
    return { key, text: t(key, values) };
  });
});

const FIELD = /^[A-Za-z_$][\w$]*(?:\.[\w$]+)*: /;

/** A source message without its field ("name: …", "${field}: …"): the part a template is for. */
function withoutField(parts: Part[]): Part[] {
  let rest = [...parts];
  const first = rest[0];
  if (first && 'text' in first && FIELD.test(first.text)) rest = [{ text: first.text.replace(FIELD, '') }, ...rest.slice(1)].filter((p) => !('text' in p) || p.text !== '');
  const second = rest[1];
  if (rest[0] && 'wild' in rest[0] && second && 'text' in second && second.text.startsWith(': ')) rest = [...(second.text.length > 2 ? [{ text: second.text.slice(2) }] : []), ...rest.slice(2)];
  return rest;
}

/** "${field}: ${message}": a message put together from others (checked where they are written), no text of its own. */
const composite = (parts: Part[]) => withoutField(parts).every((p) => 'wild' in p);

/** The catalogue keys a source message (literal text and wildcards) can be written from; empty when none. */
function keysFor(parts: Part[]): Set<string> {
  const rest = withoutField(parts);
  const keys = new Set<string>();
  if (rest.every((p) => 'text' in p)) {
    const match = matchError(rest.map((p) => ('text' in p ? p.text : '')).join(''));
    if (match) keys.add(match.key);
    return keys;
  }
  // With wildcards: a template whose example the source's pattern matches, or whose pattern matches the source with examples for its wildcards.
  const pattern = new RegExp(`^${rest.map((p) => ('text' in p ? p.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[\\s\\S]+')).join('')}$`);
  for (const example of EXAMPLES) if (pattern.test(example.text)) keys.add(example.key);
  for (const sample of ['7', 'x']) {
    const match = matchError(rest.map((p) => ('text' in p ? p.text : sample)).join(''));
    if (match) keys.add(match.key);
  }
  return keys;
}

// ── what the code produces beyond literals ──

/** Every overlay kind's settings with a wrong value in each field: what validateSettings sends back. */
function settingsErrors(): string[] {
  const wrong: unknown[] = ['x', -1e12, 1e12, 1.5, null, true, [], ['x'.repeat(50)], 'x'.repeat(300), [{ minDiamonds: 1, multiplier: 1 }, { minDiamonds: 1, multiplier: 2 }]];
  const errors = new Set<string>();
  for (const kind of OVERLAY_KINDS) {
    const shape = settingsSchemas[kind].shape as Record<string, unknown>;
    for (const field of Object.keys(shape)) {
      for (const value of wrong) {
        const result = validateSettings(kind, { [field]: value });
        if (!result.ok) errors.add(result.error);
      }
    }
    for (const value of wrong) {
      const result = validateSettings(kind, { rules: { giftTiers: value } });
      if (!result.ok) errors.add(result.error);
    }
  }
  errors.add((validateSettings('QA_GAME', { rules: { likesPerPointFollower: 1, likesPerPointNonFollower: 1, giftTiers: [{ minDiamonds: 5, multiplier: 2 }, { minDiamonds: 5, multiplier: 3 }] } }) as { error: string }).error);
  // Alert variations' own checks (superRefine: the scan above does not read ctx.addIssue).
  for (const variation of [{ id: 'v1', sound: 'media' }, { id: 'v1', minDiamonds: 10, maxDiamonds: 5 }]) {
    errors.add((validateSettings('GIFT_ALERTS', { variations: [variation] }) as { error: string }).error);
  }
  // A wheel's gift rule without gifts (superRefine too).
  errors.add((validateSettings('WHEEL', { rules: [{ id: 'r1', trigger: 'gifts' }] }) as { error: string }).error);
  return [...errors];
}

/** zod's own wording for the checks route schemas use (a zod upgrade that rewords them fails here). */
function zodDefaults(): string[] {
  const cases: [z.ZodType, unknown][] = [
    [z.string(), undefined],
    [z.object({}), null],
    [z.number(), 'x'],
    [z.coerce.number(), 'x'],
    [z.number().int(), 1.5],
    [z.boolean(), 'yes'],
    [z.array(z.string()), 'x'],
    [z.literal('A'), 'B'],
    [z.enum(['a', 'b']), 'c'],
    [z.discriminatedUnion('kind', [z.object({ kind: z.literal('A') }), z.object({ kind: z.literal('B') })]), { kind: 'C' }],
    [z.union([z.string(), z.number()]), true],
    [z.string().max(5), 'abcdefg'],
    [z.string().min(2), 'a'],
    [z.string().min(1), ''],
    [z.array(z.string()).max(1), ['a', 'b']],
    [z.array(z.string()).min(1), []],
    [z.number().max(20), 25],
    [z.number().lt(5), 6],
    [z.number().min(0.5), 0.1],
    [z.number().gt(0), 0],
    [z.string().email(), 'x'],
    [z.string().regex(/^\d+$/), 'x'],
  ];
  return cases.map(([schema, value]) => schema.safeParse(value).error?.issues[0]?.message ?? 'no issue');
}

/** Every refusal of transition() for every action in every phase. */
function transitionErrors(): string[] {
  const now = 1_000_000;
  const sessions = [
    { status: 'ACTIVE', freezeAt: null, endedAt: null },
    { status: 'COUNTDOWN', freezeAt: new Date(now + 5000), endedAt: null },
    { status: 'COUNTDOWN', freezeAt: new Date(now - 5000), endedAt: null },
    { status: 'ENDED', freezeAt: new Date(now - 5000), endedAt: new Date(now - 5000) },
  ] as unknown as Parameters<typeof transition>[0][];
  const actions: SessionAction[] = ['freeze', 'resume', 'end', 'continue'];
  return sessions.flatMap((session) => actions.map((action) => transition(session, action, now))).flatMap((r) => ('error' in r ? [r.error] : []));
}

const handleErrors = [
  ...Object.values(HANDLE_ERRORS).flatMap((v) => (typeof v === 'string' ? [v] : [])),
  ...Object.values(BILIBILI_ADDRESS_ERRORS),
  ...['a b', 'a@b', 'a\u200bb', 'aé', 'a/b'].map((input) => parseHandle(input)).map((r) => (r.ok ? 'parsed' : r.error)),
];

const constants = [SIGNED_OUT, FOREIGN_ORIGIN, BAD_ADDRESS, DUPLICATE_NAME, ...Object.values(TOKEN_PROBLEMS), ...Object.values(PROBLEM_MESSAGES), ...handleErrors, ...deliveryErrorSentences()];

describe('the errors catalogue and the code', () => {
  const { found, unknown } = scan();

  it('finds the messages (the scan itself works)', () => {
    expect(found.length).toBeGreaterThan(100);
    expect(found.some((f) => f.file === path.join('lib', 'auth', 'users.ts') && f.parts.some((p) => p.some((x) => 'text' in x && x.text === 'Enter a valid email address.')))).toBe(true);
  });

  it('knows where every message that is not a literal comes from', () => {
    expect(unknown, 'a message from a variable: add its source to DYNAMIC (and check it here)').toEqual([]);
  });

  it('has an English template for every message the code writes', () => {
    const missing = found.flatMap((f) => f.parts.filter((parts) => !composite(parts) && keysFor(parts).size === 0).map((parts) => `${f.file}: ${parts.map((p) => ('text' in p ? p.text : '${…}')).join('')}`));
    expect(missing, 'add these to lib/i18n/messages/<locale>/errors.json').toEqual([]);
  });

  it('has a template for each constant, handle, settings, game and zod message', () => {
    const messages = [...constants, ...settingsErrors(), ...transitionErrors(), ...zodDefaults()];
    expect(messages.filter((m) => !matchError(m))).toEqual([]);
    // What the profile lookup's "unavailable" reasons become at the throw sites.
    const reasons = ['TikTok could not be reached.', 'TikTok did not show the profile.', 'The profile could not be stored.', ...BILIBILI_UNAVAILABLE_REASONS];
    expect(reasons.map((r) => matchError(`${r} Try again in a moment.`)?.key)).toEqual(['accounts.unreachable', 'accounts.notShown', 'accounts.notStored', 'accounts.bilibiliUnreachable', 'accounts.bilibiliOdd']);
  });

  it('has no template that no code writes', () => {
    const used = new Set<string>();
    for (const f of found) for (const parts of f.parts.filter((p) => !composite(p))) for (const key of keysFor(parts)) used.add(key);
    for (const m of [...constants, ...settingsErrors(), ...transitionErrors(), ...zodDefaults()]) {
      const key = matchError(m)?.key;
      if (key) used.add(key);
    }
    expect(ENGLISH.map(([key]) => key).filter((key) => !used.has(key))).toEqual([]);
  });

  it('bites: a message without a template, or in other words than its template, is found', () => {
    expect(keysFor([{ text: 'A message nobody wrote a template for.' }]).size).toBe(0);
    expect(keysFor([{ text: 'Too many checks from your address; try again in ' }, { wild: true }, { text: ' minute(s).' }]).size).toBe(0);
    expect(keysFor([{ text: 'name: Give the overlay a name.' }])).toEqual(new Set(['overlays.nameMissing']));
    expect(composite([{ wild: true }, { text: ': ' }, { wild: true }])).toBe(true);
    expect(literalsOf("role === 'OWNER' ? 'Only a.' : `Only ${x} b.`")).toEqual([[{ text: 'Only a.' }], [{ text: 'Only ' }, { wild: true }, { text: ' b.' }]]);
    expect(callArguments("f('a, b', /[)]/, { c: 'd' })", 1)).toEqual(["'a, b'", '/[)]/', "{ c: 'd' }"]);
  });

  it('sends the header the API reads', () => {
    expect(CLIENT_LOCALE_HEADER).toBe(LOCALE_HEADER);
  });
});

describe('translateError', () => {
  it('translates a plain message into every language', () => {
    expect(translateError('Sign in to continue.', 'ru')).toBe('Войдите, чтобы продолжить.');
    expect(translateError('Sign in to continue.', 'th')).toBe('กรุณาเข้าสู่ระบบเพื่อดำเนินการต่อ');
    expect(translateError('Sign in to continue.', 'zh-CN')).toBe('请登录后继续。');
    expect(translateError('Sign in to continue.', 'en')).toBe('Sign in to continue.');
  });

  it('counts in each language’s plural forms', () => {
    const message = (seconds: number) => `Too many checks from your address; try again in ${waitText(seconds)}.`;
    expect(message(30)).toBe('Too many checks from your address; try again in 1 minute.');
    expect(message(300)).toBe('Too many checks from your address; try again in 5 minutes.');
    expect(translateError(message(60), 'ru')).toBe('Слишком много проверок с вашего IP-адреса. Попробуйте снова через 1 минуту.');
    expect(translateError(message(120), 'ru')).toBe('Слишком много проверок с вашего IP-адреса. Попробуйте снова через 2 минуты.');
    expect(translateError(message(300), 'ru')).toBe('Слишком много проверок с вашего IP-адреса. Попробуйте снова через 5 минут.');
    expect(translateError(message(21 * 60), 'ru')).toBe('Слишком много проверок с вашего IP-адреса. Попробуйте снова через 21 минуту.');
    expect(translateError(message(300), 'th')).toBe('มีการตรวจสอบจากที่อยู่ IP ของคุณมากเกินไป กรุณาลองใหม่ในอีก 5 นาที');
    expect(translateError(message(300), 'zh-CN')).toBe('来自你 IP 地址的检查次数过多，请 5 分钟后再试。');
    expect(translateError('This workspace has 20 overlays already; delete some you no longer use.', 'ru')).toBe('В рабочем пространстве уже 20 оверлеев — удалите те, которыми больше не пользуетесь.');
    expect(translateError(`Too many lookups from your address; try again in ${waitText(22, 'seconds')}.`, 'ru')).toBe('Слишком много запросов с вашего IP-адреса. Попробуйте снова через 22 секунды.');
  });

  it('carries values into the translation', () => {
    const english = 'The code LL-7Q2K is not in the bio of @some.streamer yet. Add it, save, and check again (you can remove it afterwards).';
    expect(translateError(english, 'ru')).toBe('Кода LL-7Q2K пока нет в описании профиля @some.streamer. Добавьте его, сохраните и проверьте снова (потом код можно убрать).');
    expect(translateError(english, 'th')).toBe('ยังไม่พบรหัส LL-7Q2K ในไบโอของ @some.streamer กรุณาเพิ่มรหัส บันทึก แล้วตรวจสอบอีกครั้ง (ลบรหัสออกได้ภายหลัง)');
    expect(translateError(english, 'zh-CN')).toBe('@some.streamer 的简介中还没有验证码 LL-7Q2K。请添加并保存，然后再检查一次（之后可以删掉）。');
    // A handle of digits stays as written (only counted values are numbers).
    expect(translateError('TikTok has no account @123456. Check the spelling.', 'ru')).toBe('В TikTok нет аккаунта @123456. Проверьте написание.');
    expect(translateError('TikTok has no account @123456.', 'zh-CN')).toBe('TikTok 上没有 @123456 这个账号。');
  });

  it('keeps the field of a validation message and translates the rest', () => {
    expect(translateError('email: Enter a valid email address.', 'ru')).toBe('email: Введите корректный адрес электронной почты.');
    expect(translateError('name: Invalid input: expected string, received undefined', 'ru')).toBe('name: Заполните это поле.');
    expect(translateError('page: Invalid input: expected number, received NaN', 'th')).toBe('page: ต้องเป็นตัวเลข');
    expect(translateError('target: Too big: expected number to be <=1000000000', 'ru')).toBe('target: Не больше 1\u00a0000\u00a0000\u00a0000.');
    expect(translateError('target: Too big: expected number to be <=1000000000', 'zh-CN')).toBe('target: 不能大于 1,000,000,000。');
    expect(translateError('title: Too big: expected string to have <=60 characters', 'ru')).toBe('title: Не длиннее 60 символов.');
    expect(translateError('rules.giftTiers.1.minDiamonds: Invalid input: expected int, received number', 'zh-CN')).toBe('rules.giftTiers.1.minDiamonds: 应为整数。');
    expect(translateError('spikeFactor: must be at least 1.5', 'ru')).toBe('spikeFactor: Не меньше 1,5.');
    expect(translateError('handle: A TikTok username can only contain letters, numbers, underscores and dots, not "é".', 'ru')).toBe('handle: Имя пользователя TikTok может содержать только буквы, цифры, знаки подчёркивания и точки — символ «é» не допускается.');
    expect(translateError('handle: A TikTok username can only contain letters, numbers, underscores and dots, not spaces.', 'th')).toBe('handle: ชื่อผู้ใช้ TikTok มีเว้นวรรคไม่ได้ ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษ ตัวเลข ขีดล่าง (_) และจุด (.)');
  });

  it('leaves a message it does not know in English', () => {
    expect(translateError('id: must be a number', 'ru')).toBe('id: must be a number');
    expect(translateError('Something nobody wrote a template for.', 'zh-CN')).toBe('Something nobody wrote a template for.');
    expect(translateError('', 'th')).toBe('');
  });
});

describe('callerLocale', () => {
  const request = (headers: Record<string, string>) => new Request('http://x/api/y', { headers });
  it('takes the page’s language, then the saved choice, then the browser’s, then English', () => {
    expect(callerLocale(request({ [LOCALE_HEADER]: 'th', cookie: 'livelens-locale=ru', 'accept-language': 'zh-CN' }))).toBe('th');
    expect(callerLocale(request({ [LOCALE_HEADER]: 'zh-Hans-CN' }))).toBe('zh-CN');
    expect(callerLocale(request({ [LOCALE_HEADER]: 'de', cookie: 'livelens-locale=ru' }))).toBe('ru');
    expect(callerLocale(request({ 'accept-language': 'th-TH,th;q=0.9,en;q=0.5' }))).toBe('th');
    expect(callerLocale(request({}))).toBe('en');
  });
});
