// Runs before every test file (vitest.config.mts `setupFiles`). Next's server code keeps its request state in
// AsyncLocalStorage and reads the class from `globalThis.AsyncLocalStorage`, which Next's own server sets
// before loading anything (next/dist/server/node-environment-baseline.js). Without it, Next's storages are
// stand-ins that throw "Invariant: AsyncLocalStorage accessed in runtime where it is not available" when
// used. A test that imports a module pulling in next/dist/server/node-environment.js (e.g. through
// `next/experimental/testing/server`) gets Next's console patch (console-exit.js), so every console call —
// a library's warning, an inspected Error — then threw inside whatever test happened to log: the media
// route test failed that way in CI once in ten runs. Set it as Next does, before any module loads.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage };
scope.AsyncLocalStorage ??= AsyncLocalStorage;
