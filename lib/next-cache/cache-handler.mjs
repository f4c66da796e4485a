// The file next.config.ts names as Next's `cacheHandler`. Plain JavaScript because Next imports it with
// Node's own import() in `next build`'s workers (which run without tsx) as well as in the server; it loads
// the TypeScript handler (handler.ts) through tsx's scoped API, which works in either.
//
// Lazily, on the first read or write: Turbopack also bundles this file into the proxy (proxy.ts), where the
// cache is never used. The import is hidden from the bundler (the `turbopackIgnore` comment), which would
// otherwise follow tsx into esbuild's native binary and fail the build.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HANDLER = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'handler.ts')).href;

/** @type {Promise<{ PgCacheHandler: new (ctx: unknown) => any }> | undefined} */
let loading;

function loadHandler() {
  loading ??= import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'tsx/esm/api').then((api) => api.tsImport(HANDLER, import.meta.url));
  return loading;
}

/** Next makes one per request; the handler it wraps shares one pool and one memory per process. */
export default class SharedCacheHandler {
  /** @type {unknown} */
  #ctx;
  /** @type {any} */
  #handler;

  /** @param {unknown} ctx */
  constructor(ctx) {
    this.#ctx = ctx;
  }

  async #target() {
    if (!this.#handler) {
      const { PgCacheHandler } = await loadHandler();
      this.#handler = new PgCacheHandler(this.#ctx);
    }
    return this.#handler;
  }

  /** @param {string} key @param {unknown} ctx */
  async get(key, ctx) {
    return (await this.#target()).get(key, ctx);
  }

  /** @param {string} key @param {unknown} data @param {unknown} ctx */
  async set(key, data, ctx) {
    return (await this.#target()).set(key, data, ctx);
  }

  /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
  async revalidateTag(tags, durations) {
    return (await this.#target()).revalidateTag(tags, durations);
  }

  resetRequestCache() {}
}
