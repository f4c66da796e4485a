// A local stand-in for OBS's websocket server (obs-websocket 5 protocol: Hello with an authentication
// challenge, Identify checked with the documented algorithm, SetCurrentProgramScene answered the way OBS
// answers it), for tests of the Q&A overlay's optional scene switch. OBS itself cannot run here.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

const sha = (text: string) => createHash('sha256').update(text).digest('base64');

export function startObsStandIn(password: string, scenes: string[]) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: (protocols) => (protocols.has('obswebsocket.json') ? 'obswebsocket.json' : false) });
  /** Scenes switched to, in order. */
  const switched: string[] = [];
  server.on('connection', (socket) => {
    const salt = 'c2FsdC1mb3ItdGVzdHM=';
    const challenge = `challenge-${Math.random().toString(36).slice(2)}`;
    socket.send(JSON.stringify({ op: 0, d: { obsWebSocketVersion: '5.5.0', rpcVersion: 1, ...(password ? { authentication: { challenge, salt } } : {}) } }));
    socket.on('message', (raw) => {
      const message = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(Array.isArray(raw) ? raw : [Buffer.from(raw)]).toString('utf8')) as { op: number; d: Record<string, unknown> };
      if (message.op === 1) {
        if (password && message.d.authentication !== sha(sha(password + salt) + challenge)) return socket.close(4009, 'Authentication failed.');
        socket.send(JSON.stringify({ op: 2, d: { negotiatedRpcVersion: 1 } }));
      } else if (message.op === 6) {
        const sceneName = (message.d.requestData as { sceneName: string }).sceneName;
        const ok = message.d.requestType === 'SetCurrentProgramScene' && scenes.includes(sceneName);
        if (ok) switched.push(sceneName);
        const requestStatus = ok ? { result: true, code: 100 } : { result: false, code: 600, comment: `No source was found by the name of \`${sceneName}\`.` };
        socket.send(JSON.stringify({ op: 7, d: { requestType: message.d.requestType, requestId: message.d.requestId, requestStatus } }));
      }
    });
  });
  const ready = new Promise<void>((resolve) => (server.address() ? resolve() : server.once('listening', () => resolve())));
  return {
    ready,
    switched,
    url: () => `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      for (const client of server.clients) client.terminate();
      server.close(() => resolve());
    }),
  };
}
