// Account rules the browser shows and the server enforces (no server imports: forms use them too).

export const PASSWORD_MIN_LENGTH = 10;

/**
 * After a sign-up, signing in failed: either the details are wrong or the address already has an account
 * with another password. Sign-up answers the same for both, so this message covers both.
 */
export const SIGN_UP_THEN_SIGN_IN_FAILED = 'We could not sign you in with these details. If this email already has an account, sign in with its password instead.';
