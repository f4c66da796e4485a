// Typed asymmetric matchers. Vitest types `expect.stringContaining()` and friends as `any`, which
// switches type checking off for whatever object they sit in; these say what they stand for, so
// `toMatchObject({ message: containing('…') })` is checked like any other value.
import { expect } from 'vitest';

/** A string that contains `text`. */
export const containing = (text: string): string => expect.stringContaining(text) as string;
/** A string that matches `pattern`. */
export const matching = (pattern: RegExp | string): string => expect.stringMatching(pattern) as string;
/** An object with at least these properties. */
export const withProps = <T extends object>(props: T): T => expect.objectContaining<T>(props as Parameters<typeof expect.objectContaining<T>>[0]) as T;
/** Any instance of the class (or boxed primitive). */
export const anyOf = <T>(type: abstract new (...args: never[]) => T): T => expect.any(type) as T;
