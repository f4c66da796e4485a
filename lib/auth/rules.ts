// Account rules the browser shows and the server enforces (no server imports: forms use them too).

export const PASSWORD_MIN_LENGTH = 10;
