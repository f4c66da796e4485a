// Structured logs: one JSON object per line when output is not a terminal (log collectors), a short
// readable line when it is. The level comes from LOG_LEVEL.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;
export type LogFields = Record<string, unknown>;

export type Logger = {
  [L in LogLevel]: (message: string, fields?: LogFields) => void;
} & { child(name: string): Logger };

function threshold(): number {
  const configured = process.env.LOG_LEVEL;
  return configured && configured in LEVELS ? LEVELS[configured as LogLevel] : LEVELS.info;
}

function serialiseError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { name: value.name, message: value.message, stack: value.stack?.split('\n').slice(0, 6).join('\n') };
}

function write(level: LogLevel, name: string, message: string, fields: LogFields = {}): void {
  if (LEVELS[level] < threshold()) return;
  const stream = level === 'error' || level === 'warn' ? process.stderr : process.stdout;
  const clean = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : serialiseError(v)]));
  if (stream.isTTY) {
    const extras = Object.entries(clean)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    stream.write(`${new Date().toISOString().slice(11, 19)} ${level.padEnd(5)} [${name}] ${message}${extras ? ` ${extras}` : ''}\n`);
    return;
  }
  stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, name, msg: message, ...clean })}\n`);
}

export function createLogger(name: string): Logger {
  return {
    debug: (message, fields) => write('debug', name, message, fields),
    info: (message, fields) => write('info', name, message, fields),
    warn: (message, fields) => write('warn', name, message, fields),
    error: (message, fields) => write('error', name, message, fields),
    child: (sub) => createLogger(`${name}:${sub}`),
  };
}
