import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrisma } from '@/tools/infra/migrate';
import { forceShadowDatabaseDrop, MigrateSafeClient, pgConfigFromUrl, reportNameColumnsAsText } from '@/tools/prisma/migrate-adapter';

const url = () => {
  const value = process.env.DATABASE_URL;
  if (!value) throw new Error('global setup did not provide DATABASE_URL');
  return value;
};

describe('prisma/orm#27403 workaround (pure parts)', () => {
  it('reports name and "char" columns as text, leaving others alone', () => {
    const result = reportNameColumnsAsText({ fields: [{ dataTypeID: 19 }, { dataTypeID: 18 }, { dataTypeID: 23 }] });
    expect(result.fields.map((f) => f.dataTypeID)).toEqual([25, 25, 23]);
    const multi = reportNameColumnsAsText([{ fields: [{ dataTypeID: 19 }] }, { fields: [{ dataTypeID: 20 }] }]);
    expect(multi.map((r) => r.fields[0]?.dataTypeID)).toEqual([25, 20]);
  });

  it('forces only the drop of a Prisma shadow database', () => {
    expect(forceShadowDatabaseDrop('DROP DATABASE "prisma_migrate_shadow_db_0b5e6c1e-5a8e-4b6f-9a55-2f0d0c1e9a11"')).toBe(
      'DROP DATABASE "prisma_migrate_shadow_db_0b5e6c1e-5a8e-4b6f-9a55-2f0d0c1e9a11" WITH (FORCE)',
    );
    expect(forceShadowDatabaseDrop('DROP DATABASE "livelens"')).toBe('DROP DATABASE "livelens"');
    expect(forceShadowDatabaseDrop('SELECT 1')).toBe('SELECT 1');
  });

  it('splits a URL into a config object, decoding credentials', () => {
    expect(pgConfigFromUrl('postgresql://a%40b:p%2Fw@db.example:6543/live')).toMatchObject({
      host: 'db.example', port: 6543, user: 'a@b', password: 'p/w', database: 'live',
    });
  });
});

describe('MigrateSafeClient against a real Postgres', () => {
  // Used through pg.Client's own typings, as the adapter uses it.
  let client: pg.Client;
  beforeAll(async () => {
    client = new MigrateSafeClient(pgConfigFromUrl(url()));
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
  });

  it('rewrites field types in the promise form', async () => {
    const result = await client.query({ text: `SELECT 'x'::name AS n, 'a'::"char" AS c, 1::int AS i`, rowMode: 'array' });
    expect(result.fields.map((f) => f.dataTypeID)).toEqual([25, 25, 23]);
    expect(result.rows).toEqual([['x', 'a', 1]]);
  });

  it('rewrites field types in the callback form', async () => {
    const fields = await new Promise<number[]>((resolve, reject) => {
      client.query(`SELECT 'x'::name AS n`, (error: Error | null, result: pg.QueryResult) => (error ? reject(error) : resolve(result.fields.map((f) => f.dataTypeID))));
    });
    expect(fields).toEqual([25]);
  });

  it('drops a shadow database that still has a connection open', async () => {
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`;
    await client.query(`CREATE DATABASE "${name}"`);
    const holder: pg.Client = new MigrateSafeClient({ ...pgConfigFromUrl(url()), database: name });
    await holder.connect();
    // Without WITH (FORCE) this fails with "database is being accessed by other users".
    await client.query(`DROP DATABASE "${name}"`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    expect(rowCount).toBe(0);
    // The shadow client's connection was ended by the forced drop; its error must not crash anything.
    await holder.query('SELECT 1').catch(() => undefined);
    await holder.end().catch(() => undefined);
  });
});

describe('Prisma Migrate through the workaround', () => {
  it('finds the committed migrations identical to schema.prisma (uses a shadow database)', async () => {
    const result = await runPrisma(
      ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--exit-code'],
      url(),
    );
    // --exit-code: 0 = no difference, 2 = the schema changed without a migration.
    expect(result.output).not.toMatch(/could not be deserialized/);
    expect(result.code, `schema.prisma and prisma/migrations differ; run \`npm run db:migrate\`.\n${result.output}`).toBe(0);
  }, 120_000);
});
