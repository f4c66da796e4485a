import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { soketiEntry } from './soketi';

type Lock = { packages: Record<string, { version?: string; dev?: boolean; dependencies?: Record<string, string> }> };
const root = path.resolve(import.meta.dirname, '../..');

describe('soketiEntry', () => {
  it('finds the installed server script', () => {
    expect(soketiEntry()).toMatch(/@soketi[/\\]soketi[/\\]bin[/\\]server\.js$/);
  });

  it('says how to go on when a production install left soketi out', () => {
    const missing = (id: string): string => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
    };
    expect(() => soketiEntry(missing)).toThrow(/development dependency.*--omit=dev.*PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET.*npm install/);
  });

  it('passes other failures through', () => {
    const broken = (): string => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    expect(() => soketiEntry(broken)).toThrow('EACCES');
  });
});

describe('the production install', () => {
  // npm marks `dev: true` every package only dev dependencies reach: `npm install --omit=dev` and the
  // image's `npm prune --omit=dev` leave exactly those out.
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Lock;
  const production = Object.entries(lock.packages).filter(([name, entry]) => name !== '' && !entry.dev);

  it('has no soketi and nothing only soketi brings', () => {
    const soketiOnly = ['@soketi/soketi', 'uWebSockets.js', 'knex', 'ioredis', 'prometheus-query'];
    const found = production.filter(([name]) => soketiOnly.some((pkg) => name === `node_modules/${pkg}` || name.endsWith(`/node_modules/${pkg}`)));
    expect(found.map(([name]) => name)).toEqual([]);
    expect(production.filter(([name, entry]) => name.endsWith('/axios') && entry.version?.startsWith('0.')).map(([name]) => name)).toEqual([]);
  });

  it('keeps soketi for `npm start` and the tests', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(manifest.dependencies['@soketi/soketi']).toBeUndefined();
    expect(manifest.devDependencies['@soketi/soketi']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['node_modules/@soketi/soketi']?.dev).toBe(true);
  });
});
