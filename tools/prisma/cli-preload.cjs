// Preloaded (`node -r`) into the Prisma CLI by tools/infra/migrate.ts. Prisma 6.19's WASM schema engine
// leaves a 10-second timer behind after its last command, so every `migrate deploy` sat idle for ten
// seconds before exiting. Timers created from inside the WASM module are unref'd: they still fire
// while the engine is working (its database socket keeps the process alive), but no longer hold the
// process open once it is done. Part of the workaround for prisma/orm#27403 (see
// prisma-migrate-adapter.ts); delete both together.
'use strict';
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefInWasm(callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (delay >= 1000 && /wasm-function/.test(new Error().stack || '')) timer.unref();
  return timer;
};
