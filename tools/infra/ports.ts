// Checks that a TCP port is free before a service is started on it, so the user gets an error that
// names the port and the setting that changes it instead of a stack trace from deep inside a server.
import net from 'node:net';

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
    readonly service: string,
  ) {
    super(
      `Port ${port} is already in use, so ${service} cannot start. Stop whatever is using it ` +
        `(\`lsof -i :${port}\` shows it) or choose another port with ${variable}, e.g. ${variable}=${port + 1}.`,
    );
    this.name = 'PortInUseError';
  }
}

/** Resolves true when nothing listens on `port` (checked by binding it on every interface). */
export function isPortFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function assertPortFree(port: number, variable: string, service: string): Promise<void> {
  // Both checks: a server bound to loopback only does not always block a wildcard bind, and vice versa.
  if (!(await isPortFree(port)) || !(await isPortFree(port, '127.0.0.1'))) {
    throw new PortInUseError(port, variable, service);
  }
}

/**
 * A free port chosen by the OS (tests). `span` > 1: the ports after it are free too, for a service that binds
 * several consecutive ones (soketi: its port and the next for metrics; tools/infra/soketi.ts).
 */
export async function getFreePort(span = 1, pick: () => Promise<number> = osFreePort): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await pick();
    let free = true;
    for (let next = port + 1; free && next < port + span; next++) free = next <= 65535 && (await isPortFree(next)) && (await isPortFree(next, '127.0.0.1'));
    if (free) return port;
  }
  throw new Error(`no ${span} consecutive free ports found in 20 tries`);
}

function osFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
