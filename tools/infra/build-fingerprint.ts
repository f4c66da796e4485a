// Decides whether `npm start` must rebuild the web app: a hash of the names, sizes and modification
// times of everything the build reads. Cheap (no file contents are read) and safe: any edit changes it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const INPUT_DIRS = ['app', 'components', 'lib', 'public'];
const INPUT_FILES = ['next.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs', 'instrumentation.ts', 'proxy.ts', 'prisma/schema.prisma'];
const MARKER = 'livelens-build-fingerprint';

function collect(root: string, dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) collect(root, relative, out);
    else if (entry.isFile() && !entry.name.endsWith('.test.ts')) {
      const stat = fs.statSync(path.join(root, relative));
      out.push(`${relative}:${stat.size}:${stat.mtimeMs}`);
    }
  }
}

export function computeBuildFingerprint(root: string): string {
  const parts: string[] = [];
  for (const dir of INPUT_DIRS) collect(root, dir, parts);
  for (const file of INPUT_FILES) {
    try {
      const stat = fs.statSync(path.join(root, file));
      parts.push(`${file}:${stat.size}:${stat.mtimeMs}`);
    } catch {
      parts.push(`${file}:missing`);
    }
  }
  return createHash('sha256').update(parts.sort().join('\n')).digest('hex');
}

export function isBuildCurrent(root: string, fingerprint: string): boolean {
  const distDir = path.join(root, '.next');
  try {
    return fs.existsSync(path.join(distDir, 'BUILD_ID')) && fs.readFileSync(path.join(distDir, MARKER), 'utf8').trim() === fingerprint;
  } catch {
    return false;
  }
}

export function recordBuild(root: string, fingerprint: string): void {
  fs.writeFileSync(path.join(root, '.next', MARKER), `${fingerprint}\n`);
}
