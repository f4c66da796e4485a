// Runs once when the Next.js server starts: a bad setting stops it with a readable message instead of
// failing on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getEnv, requireDatabaseUrl, requirePusherConfig } = await import('./lib/env');
  const env = getEnv();
  requireDatabaseUrl(env);
  requirePusherConfig(env);
}
