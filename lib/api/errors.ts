// One error type for everything a request can fail with, and the HTTP status each code maps to.
// Route handlers throw AppError; the route wrapper turns it into a JSON response. Messages are English;
// the wrapper writes them in the caller's language from the `errors` catalogue (lib/i18n/errors.ts), and
// lib/i18n/errors.test.ts fails for a message in the code that the catalogue has no template for.
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  BAD_GATEWAY: 502,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * A wait in words for "try again in …" messages: "1 minute", "5 minutes" (whole minutes, at least one);
 * with 'seconds', "1 second", "30 seconds". The catalogue's templates (lib/i18n/messages/en/errors.json)
 * count them the same way, which is how other languages get their own plural forms.
 */
export function waitText(seconds: number, unit: 'minutes' | 'seconds' = 'minutes'): string {
  const n = Math.max(1, unit === 'minutes' ? Math.ceil(seconds / 60) : Math.ceil(seconds));
  const word = unit === 'minutes' ? 'minute' : 'second';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
