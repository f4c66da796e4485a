// The web server inside the container image (Dockerfile): scripts/web-server.ts, run on the standalone
// build (`NEXT_OUTPUT=standalone next build`). Next's own `.next/standalone/server.js` would serve too,
// but without what web-server.ts adds: the connection's address for per-IP rate limits (a client could
// otherwise choose its own through X-Forwarded-For) and the shared page cache.
//
// Like that server.js, this hands Next the configuration the build resolved
// (`.next/required-server-files.json`), so next.config.ts is not loaded and compiled at run time and the
// image needs neither the TypeScript config's imports nor Next's compiler.
//
//   node tools/node/run.mjs web scripts/container-web.ts
import fs from 'node:fs';
import path from 'node:path';

const file = path.resolve(import.meta.dirname, '..', '.next', 'required-server-files.json');
const { config } = JSON.parse(fs.readFileSync(file, 'utf8')) as { config: { output?: string } };
if (config.output !== 'standalone') {
  process.stderr.write(`${file} is not from a standalone build: build with NEXT_OUTPUT=standalone (the Dockerfile does).\n`);
  process.exit(1);
}
// The variable Next's generated standalone server.js sets for the same purpose (next/dist/server/config.js).
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
await import('./web-server');
