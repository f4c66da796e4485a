// The one wrapper every route handler goes through. It decides who may call the handler before the
// handler runs (`access`, required, so a new route cannot forget it), refuses state changes from other
// origins, reads the body only up to its limit, validates params, query and body with zod, refuses a
// NUL anywhere in the input, maps AppError to JSON responses, and logs what it did not expect.
// An error's message is written in the caller's language (lib/i18n/errors.ts: the page's language that
// fetchJson sends, else the saved choice, else Accept-Language, else English); its code and details
// stay as they are, for programs.
//
//   public    anyone; no session is read
//   optional  anyone; the signed-in user is passed when there is one
//   user      a signed-in user (401 otherwise)
//   member    a member of the user's current workspace; `admin` and `owner` need that role or above
//
// The returned function carries its `access`, which the isolation test (lib/api/isolation.test.ts)
// compares with its table of every route.
import 'server-only';
import { z, type ZodType } from 'zod';
import { AppError, isAppError } from '@/lib/api/errors';
import { readLimitedText } from '@/lib/api/body';
import { checkOrigin } from '@/lib/api/origin';
import { callerLocale, translateError } from '@/lib/i18n/errors';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { userFromRequest, type SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { createLogger } from '@/lib/logger';
import { findNul, nestedDeeperThan, wellFormedDeep } from '@/lib/text/clean';
import { currentWorkspace, type WorkspaceContext } from '@/lib/workspaces/context';
import { hasRole, type WorkspaceRole } from '@/lib/workspaces/roles';

const log = createLogger('api');

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type Access = 'public' | 'optional' | 'user' | 'member' | 'admin' | 'owner';

export type Caller<A extends Access> = A extends 'public'
  ? Record<never, never>
  : A extends 'optional'
    ? { user: SessionUser | null }
    : A extends 'user'
      ? { user: SessionUser }
      : { user: SessionUser; ws: WorkspaceContext };

export type HandlerInput<A extends Access, P, Q, B> = { request: Request; params: P; query: Q; body: B } & Caller<A>;

type Options<A extends Access, P, Q, B> = {
  access: A;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  maxBodyBytes?: number;
  /** 'any' only for callers that prove themselves otherwise (Stripe's signed webhook). */
  origin?: 'same' | 'any';
};

export type RouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & { access: Access; origin: 'same' | 'any' };

const ROLE_OF: Partial<Record<Access, WorkspaceRole>> = { member: 'MEMBER', admin: 'ADMIN', owner: 'OWNER' };

export const SIGNED_OUT = 'Sign in to continue.';

/** The JSON answer for an error, its message in `locale` (English when the catalogue has no translation). */
export function errorResponse(error: AppError, locale: Locale = DEFAULT_LOCALE): Response {
  return Response.json(
    { error: { code: error.code, message: translateError(error.message, locale), ...(error.details ? { details: error.details } : {}) } },
    { status: error.status, headers: error.headers },
  );
}

function validationError(where: string, error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ field: i.path.join('.') || where, message: i.message }));
  const first = issues[0];
  return new AppError('BAD_REQUEST', first ? `${first.field}: ${first.message}` : `Invalid ${where}`, { issues });
}

/** No body we accept nests deeper; a deeper one is refused before anything walks it. */
const MAX_BODY_DEPTH = 64;

async function readBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readLimitedText(request, maxBytes);
  if (text.trim() === '') return {};
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
  if (nestedDeeperThan(value, MAX_BODY_DEPTH)) throw new AppError('BAD_REQUEST', 'The request body is nested too deeply (more than 64 levels).');
  return value;
}

function parseWith<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  const nul = findNul(value);
  if (nul) throw new AppError('BAD_REQUEST', `${nul}: contains a NUL character, which is never valid here.`);
  const clean = wellFormedDeep(value);
  if (!schema) return clean as T;
  const result = schema.safeParse(clean);
  if (!result.success) throw validationError(where, result.error);
  return result.data;
}

async function resolveCaller(access: Access, request: Request): Promise<Record<string, unknown>> {
  if (access === 'public') return {};
  const user = await userFromRequest(request);
  if (access === 'optional') return { user };
  if (!user) throw new AppError('UNAUTHENTICATED', SIGNED_OUT);
  const role = ROLE_OF[access];
  if (!role) return { user };
  const ws = await currentWorkspace(db, user.id);
  if (!hasRole(ws.role, role)) throw new AppError('FORBIDDEN', role === 'OWNER' ? 'Only the owner of this workspace can do that.' : 'Only admins of this workspace can do that.');
  return { user, ws };
}

export function route<A extends Access, P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  options: Options<A, P, Q, B>,
  /** Returns (or resolves to) a Response, or a value sent as JSON. */
  handler: (input: HandlerInput<A, P, Q, B>) => unknown,
): RouteHandler {
  const wrapped = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      if (options.origin !== 'any') checkOrigin(request);
      // Who is asking comes first: a signed-out request gets the same 401 whatever else is wrong with it.
      const caller = await resolveCaller(options.access, request);
      const params = parseWith(options.params, (await context?.params) ?? {}, 'path');
      const query = parseWith(options.query, Object.fromEntries(new URL(request.url).searchParams), 'query');
      const body = options.body ? parseWith(options.body, await readBody(request, options.maxBodyBytes ?? 64 * 1024), 'body') : (undefined as B);
      const input = { request, params, query, body, ...caller } as HandlerInput<A, P, Q, B>;
      const result = await handler(input);
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (isAppError(error)) return errorResponse(error, callerLocale(request));
      log.error('unhandled error in route', { method: request.method, url: new URL(request.url).pathname, error });
      return errorResponse(new AppError('INTERNAL', 'Something went wrong on our side. Please try again in a moment.'), callerLocale(request));
    }
  };
  return Object.assign(wrapped, { access: options.access, origin: options.origin ?? 'same' });
}
