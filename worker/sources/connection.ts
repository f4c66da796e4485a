// The library events the worker listens to, mapped onto a SourceSink. Shared by the TikTok and replay
// sources, so both feed the normaliser exactly the same way.
import { ControlEvent, WebcastEvent, type TikTokLiveConnection } from 'tiktok-live-connector';
import type { SourceSink } from '@/worker/sources/types';

/** Attaches our listeners, including the `error` listener the library needs (without one, exceptions
 *  thrown by listeners vanish). The library's message objects satisfy our structural message types. */
export function attachSink(connection: TikTokLiveConnection, sink: SourceSink): void {
  connection.on(WebcastEvent.CHAT, (data) => sink.message({ kind: 'chat', data }));
  connection.on(WebcastEvent.GIFT, (data) => sink.message({ kind: 'gift', data }));
  connection.on(WebcastEvent.LIKE, (data) => sink.message({ kind: 'like', data }));
  connection.on(WebcastEvent.MEMBER, (data) => sink.message({ kind: 'member', data }));
  connection.on(WebcastEvent.ROOM_USER, (data) => sink.message({ kind: 'roomUser', data }));
  connection.on(WebcastEvent.FOLLOW, (data) => sink.message({ kind: 'follow', data }));
  connection.on(WebcastEvent.SHARE, (data) => sink.message({ kind: 'share', data }));
  connection.on(WebcastEvent.SUB_NOTIFY, (data) => sink.message({ kind: 'subscribe', data }));
  // Stream end comes from the control message: it carries the message id and time; `streamEnd` does not.
  connection.on(WebcastEvent.CONTROL_MESSAGE, (data) => sink.message({ kind: 'controlMessage', data }));
  // The library emits `{ info, exception }` (its declaration says `any`).
  connection.on(ControlEvent.ERROR, (payload: { exception?: unknown; info?: string }) => sink.error(payload.exception ?? payload, payload.info ?? 'tiktok-live-connector error'));
}
