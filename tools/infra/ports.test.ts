// getFreePort with a span: a port whose next one is taken is passed over (soketi binds its port and the
// next, and the launcher test once failed with "Port 40706 is already in use" for soketi's metrics).
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getFreePort, isPortFree } from '@/tools/infra/ports';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function listen(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    servers.push(server);
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve((server.address() as net.AddressInfo).port));
  });
}

describe('getFreePort', () => {
  it('passes over a port whose next one is taken when asked for two in a row', async () => {
    const taken = await listen();
    const good = await getFreePort(2);
    const candidates = [taken - 1, good];
    const picked = await getFreePort(2, () => Promise.resolve(candidates.shift() ?? good));
    expect(picked).toBe(good);
    expect(await isPortFree(good + 1, '127.0.0.1')).toBe(true);
    // One port alone: the first candidate is taken as it is.
    expect(await getFreePort(1, () => Promise.resolve(taken - 1))).toBe(taken - 1);
  });
});
