// Structured logs through pino: one JSON object per line (`time`, `level`, `pid`, `name`, `msg`, fields)
// when output is not a terminal (log files, collectors), a short readable line when it is. debug and info
// go to stdout, warn and error to stderr. The level comes from LOG_LEVEL, read at each call so a process
// that sets it after importing a module still gets it. Every message and field passes through
// lib/redact.ts first (in pino's logMethod hook), so secrets do not reach a log line.
import pino from 'pino';
import { redactValue } from './redact';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type LogLevel = keyof typeof LEVELS;
export type LogFields = Record<string, unknown>;

export type Logger = {
  [L in LogLevel]: (message: string, fields?: LogFields) => void;
} & { child(name: string): Logger };

/** Where log lines go: anything with a `write(line)` (a test's collector, a file stream). */
export type LogDestination = { write(line: string): void };

function threshold(): number {
  const configured = process.env.LOG_LEVEL;
  return configured && configured in LEVELS ? LEVELS[configured as LogLevel] : LEVELS.info;
}

/** The readable form of one JSON line, for a terminal. */
function prettyLine(line: string): string {
  try {
    const { time, level, name, msg, pid: _pid, ...fields } = JSON.parse(line) as Record<string, unknown>;
    const extras = Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    return `${String(time).slice(11, 19)} ${String(level).padEnd(5)} [${String(name)}] ${String(msg)}${extras ? ` ${extras}` : ''}\n`;
  } catch {
    return line;
  }
}

function terminalAware(stream: NodeJS.WriteStream): LogDestination {
  return { write: (line) => void stream.write(stream.isTTY ? prettyLine(line) : line) };
}

function createPino(destination: pino.DestinationStream): pino.Logger {
  return pino(
    {
      // Filtering happens in the wrapper (LOG_LEVEL may change after start-up); pino passes everything on.
      level: 'debug',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          const [fields, message] = args as unknown[];
          method.call(this, redactValue(fields) as object, redactValue(message) as string);
        },
      },
    },
    destination,
  );
}

let processRoot: pino.Logger | undefined;

function rootLogger(): pino.Logger {
  // stdout for debug/info, stderr for warn/error (dedupe: each line to the highest matching stream only).
  processRoot ??= createPino(
    pino.multistream(
      [
        { level: 'debug', stream: terminalAware(process.stdout) },
        { level: 'warn', stream: terminalAware(process.stderr) },
      ],
      { dedupe: true },
    ),
  );
  return processRoot;
}

function wrap(name: string, root: () => pino.Logger): Logger {
  let instance: pino.Logger | undefined;
  const emit = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (LEVELS[level] < threshold()) return;
    instance ??= root().child({ name });
    instance[level](fields ?? {}, message);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (sub) => wrap(`${name}:${sub}`, root),
  };
}

/**
 * A logger named `name` (children are `name:sub`). Writes to the process's stdout/stderr, or to
 * `destination` when given (one JSON line per call).
 */
export function createLogger(name: string, options: { destination?: LogDestination } = {}): Logger {
  const { destination } = options;
  if (!destination) return wrap(name, rootLogger);
  const own = createPino(destination);
  return wrap(name, () => own);
}
