// A scheduled job of the worker: a name, a zod schema for its settings, how often it runs, and what it
// does. Only one worker runs a given job at a time (a Postgres advisory lock named after the job).
import type { z } from 'zod';
import type { Db } from '@/lib/db';
import type { Logger } from '@/lib/logger';

export type JobContext<Settings> = { db: Db; log: Logger; settings: Settings; now: Date };

export type JobDefinition<Schema extends z.ZodType = z.ZodType> = {
  name: string;
  schema: Schema;
  intervalMs: number;
  run(context: JobContext<z.infer<Schema>>): Promise<Record<string, unknown>>;
};

export function defineJob<Schema extends z.ZodType>(job: JobDefinition<Schema>): JobDefinition<Schema> {
  return job;
}
