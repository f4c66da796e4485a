// The one wrapper every route handler goes through: parses and validates params, query and body with
// zod, maps AppError (and validation errors) to JSON responses, and logs what it did not expect.
// Session checks plug in here (`auth`), so no handler repeats them.
import 'server-only';
import { z, type ZodType } from 'zod';
import { AppError, isAppError } from '@/lib/api/errors';
import { createLogger } from '@/lib/logger';

const log = createLogger('api');

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type HandlerInput<P, Q, B> = { request: Request; params: P; query: Q; body: B };

type Schemas<P, Q, B> = { params?: ZodType<P>; query?: ZodType<Q>; body?: ZodType<B>; maxBodyBytes?: number };

export function errorResponse(error: AppError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } },
    { status: error.status, headers: error.headers },
  );
}

function validationError(where: string, error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ field: i.path.join('.') || where, message: i.message }));
  const first = issues[0];
  return new AppError('BAD_REQUEST', first ? `${first.field}: ${first.message}` : `Invalid ${where}`, { issues });
}

async function readBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`);
  if (text.trim() === '') return {};
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

function parseWith<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(where, result.error);
  return result.data;
}

export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  schemas: Schemas<P, Q, B>,
  handler: (input: HandlerInput<P, Q, B>) => Promise<Response | unknown>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const params = parseWith(schemas.params, (await context?.params) ?? {}, 'path');
      const query = parseWith(schemas.query, Object.fromEntries(new URL(request.url).searchParams), 'query');
      const body = schemas.body ? parseWith(schemas.body, await readBody(request, schemas.maxBodyBytes ?? 64 * 1024), 'body') : (undefined as B);
      const result = await handler({ request, params, query, body });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      if (isAppError(error)) return errorResponse(error);
      log.error('unhandled error in route', { method: request.method, url: new URL(request.url).pathname, error });
      return errorResponse(new AppError('INTERNAL', 'Something went wrong on our side. Please try again in a moment.'));
    }
  };
}
