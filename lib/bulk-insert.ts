// Fast multi-row inserts for the hot and bulky tables: one statement per batch that unnests one array
// per column, so a batch of any size has exactly one parameter per column (Postgres caps a statement at
// 65,535 parameters) and Prisma does no per-row work. Conflicts can be skipped for idempotent writes.
import type { Db } from '@/lib/db';

export type ColumnSpec = readonly [name: string, pgType: string];

type Executor = Pick<Db, '$executeRawUnsafe'>;

const IDENT = /^[a-z_][a-z0-9_]*$/;

function quoteIdent(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

/** INSERT INTO table (cols) SELECT * FROM unnest($1::t1[], $2::t2[], ...) [ON CONFLICT ...]. Returns rows inserted. */
export async function bulkInsert(
  db: Executor,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly unknown[])[],
  options: { onConflict?: string } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const arrays = columns.map((_, c) => rows.map((row) => normalise(row[c])));
  const casts = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const names = columns.map(([name]) => quoteIdent(name)).join(', ');
  const conflict = options.onConflict ? ` ON CONFLICT ${options.onConflict}` : '';
  return db.$executeRawUnsafe(`INSERT INTO ${quoteIdent(table)} (${names}) SELECT * FROM unnest(${casts})${conflict}`, ...arrays);
}

// Arrays travel as text for bigints (JS bigint is not JSON) and ISO strings for dates.
function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
