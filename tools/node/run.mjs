// How a Node process of ours starts: the one definition, used by package.json's scripts (through the
// command line below) and by every place that spawns one of our TypeScript entry points (`nodeArgs`).
//
//   node tools/node/run.mjs <profile>[+gc] <entry.ts> [args...]
//
// Profiles:
//   app     `--conditions=react-server --import tsx`: TypeScript through tsx, and React's server build, so
//           server-only modules shared with the web app load the same way they do under Next.
//   ingest  app + `--max-semi-space-size=64`, for processes that decode live events (the worker, replays,
//           the ingest benchmarks). The decoder allocates a short-lived object per protobuf field of every
//           message (a chat's `common` alone has some 30), so a busy room fills V8's default 16 MB young
//           generation many times a second and the scavenges cost more than the rest of the write path. A
//           64 MB semi-space measured 18k → 25k events/s end to end on the 2-core bench machine (node CPU
//           per event down by a quarter), for at most a few hundred MB more RSS at peak.
//   web     `--import tsx` only, for the Next.js server (scripts/web-server.ts): without the react-server
//           condition on purpose, since Next loads its own React build for each layer.
//   +gc     adds `--expose-gc` (benchmarks measure memory after a collection).
//
// Plain JavaScript so that it runs before tsx is loaded. Signals are passed on to the child once; the
// processes we start treat a repeat of the same signal within a second as one (a terminal's Ctrl-C
// reaches the whole process group as well).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TSX = ['--import', 'tsx'];
const APP = ['--conditions=react-server', ...TSX];

/** @type {Record<string, readonly string[]>} */
export const NODE_PROFILES = {
  app: APP,
  ingest: [...APP, '--max-semi-space-size=64'],
  web: TSX,
};

/**
 * The Node flags of a profile: `app`, `ingest`, optionally followed by `+gc`.
 * @param {string} spec
 * @returns {string[]}
 */
export function nodeArgs(spec) {
  const [profile, ...extras] = spec.split('+');
  const flags = NODE_PROFILES[profile];
  if (!flags) throw new Error(`Unknown Node profile "${profile}" (known: ${Object.keys(NODE_PROFILES).join(', ')}).`);
  const result = [...flags];
  for (const extra of extras) {
    if (extra === 'gc') result.push('--expose-gc');
    else throw new Error(`Unknown Node profile option "+${extra}" (known: +gc).`);
  }
  return result;
}

/**
 * The arguments for `spawn(process.execPath, …)` that start an entry point with a profile.
 * @param {string} spec
 * @param {string} entry
 * @param {readonly string[]} [args]
 * @returns {string[]}
 */
export function nodeCommand(spec, entry, args = []) {
  return [...nodeArgs(spec), entry, ...args];
}

function main() {
  const [spec, entry, ...args] = process.argv.slice(2);
  if (!spec || !entry) {
    process.stderr.write('Usage: node tools/node/run.mjs <app|ingest|web>[+gc] <entry.ts> [args...]\n');
    process.exit(2);
  }
  let command;
  try {
    command = nodeCommand(spec, entry, args);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const child = spawn(process.execPath, command, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    process.stderr.write(`Could not start ${entry}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      // Leave the way the child left, so a shell sees "killed by SIGTERM" rather than exit code 0.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
