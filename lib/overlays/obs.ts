// Switching OBS to another scene over obs-websocket (protocol 5, built into OBS 28 and later), from the
// Q&A overlay when the freeze countdown ends. The overlay runs inside OBS as a browser source, so OBS's
// websocket server is usually ws://127.0.0.1:4455 on the same machine. Plain WebSocket and Web Crypto:
// the same code runs in the browser source and in Node (the tests, against a stand-in server).
//
// The handshake (https://github.com/obsproject/obs-websocket/blob/master/docs/generated/protocol.md):
// server Hello (op 0, with an authentication challenge when a password is set) → client Identify (op 1)
// → server Identified (op 2); then Request (op 6) → RequestResponse (op 7).

export const OBS_DEFAULT_URL = 'ws://127.0.0.1:4455';

type WebSocketLike = {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  send(data: string): void;
  close(code?: number): void;
};
type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

export type ObsSceneSwitch = {
  url: string;
  password: string;
  sceneName: string;
  /** Defaults to the global WebSocket (browsers; Node 22+). */
  WebSocketImpl?: WebSocketConstructor;
  timeoutMs?: number;
};

export class ObsError extends Error {
  override name = 'ObsError';
}

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** obs-websocket's authentication string: base64(sha256(base64(sha256(password + salt)) + challenge)). */
export async function obsAuthentication(password: string, salt: string, challenge: string): Promise<string> {
  return sha256Base64((await sha256Base64(password + salt)) + challenge);
}

// Close codes obs-websocket uses that a streamer can act on.
const CLOSE_REASONS: Record<number, string> = {
  4009: 'OBS refused the password (Tools → WebSocket Server Settings in OBS shows the right one).',
  4010: 'OBS does not speak this version of the obs-websocket protocol (OBS 28 or later is needed).',
};

/** Asks OBS to make `sceneName` the program scene; resolves when OBS confirms, rejects with an ObsError. */
export function switchObsScene(options: ObsSceneSwitch): Promise<void> {
  const Impl = options.WebSocketImpl ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!Impl) return Promise.reject(new ObsError('No WebSocket available here.'));
  const sceneName = options.sceneName.trim();
  if (!sceneName) return Promise.reject(new ObsError('No OBS scene name set.'));
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let socket: WebSocketLike;
    const finish = (error?: ObsError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      try {
        socket.close(1000);
      } catch {
        // Already closed.
      }
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(new ObsError(`OBS did not answer at ${options.url} within ${Math.round((options.timeoutMs ?? 5000) / 1000)} s (is Tools → WebSocket Server Settings → Enable turned on?).`)), options.timeoutMs ?? 5000);
    try {
      socket = new Impl(options.url, 'obswebsocket.json');
    } catch {
      clearTimeout(timer);
      reject(new ObsError(`Not a websocket address: ${options.url}`));
      return;
    }
    const requestId = `livelens-${Date.now().toString(36)}`;
    const send = (op: number, d: unknown) => socket.send(JSON.stringify({ op, d }));
    socket.onerror = () => finish(new ObsError(`Could not reach OBS at ${options.url}.`));
    socket.onclose = (event) => finish(new ObsError(CLOSE_REASONS[event.code] ?? `OBS closed the connection (${event.code}${event.reason ? `: ${event.reason}` : ''}).`));
    socket.onmessage = (event) => {
      void (async () => {
        let message: { op?: number; d?: Record<string, unknown> };
        try {
          message = JSON.parse(String(event.data)) as typeof message;
        } catch {
          finish(new ObsError('OBS sent something that is not obs-websocket JSON.'));
          return;
        }
        const d = message.d ?? {};
        if (message.op === 0) {
          const auth = d.authentication as { challenge?: string; salt?: string } | undefined;
          if (auth && !options.password) {
            finish(new ObsError('OBS asks for a password: set it in the overlay’s OBS settings.'));
            return;
          }
          const authentication = auth?.challenge && auth.salt ? await obsAuthentication(options.password, auth.salt, auth.challenge) : undefined;
          // eventSubscriptions 0: we only send one request and want no events.
          send(1, { rpcVersion: 1, eventSubscriptions: 0, ...(authentication ? { authentication } : {}) });
        } else if (message.op === 2) {
          send(6, { requestType: 'SetCurrentProgramScene', requestId, requestData: { sceneName } });
        } else if (message.op === 7 && d.requestId === requestId) {
          const status = d.requestStatus as { result?: boolean; code?: number; comment?: string } | undefined;
          if (status?.result) finish();
          else finish(new ObsError(status?.code === 600 ? `OBS has no scene called “${sceneName}”.` : `OBS refused to switch scenes${status?.comment ? `: ${status.comment}` : ''}.`));
        }
      })();
    };
  });
}
