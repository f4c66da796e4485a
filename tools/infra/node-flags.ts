// V8 settings for processes that ingest live events (the worker, replays, the ingest benchmarks).
//
// The decoder allocates a short-lived object per protobuf field of every message (a chat's `common`
// alone has some 30), so a busy room fills V8's default 16 MB young generation many times a second and
// the scavenges cost more than the rest of the write path. A 64 MB semi-space measured 18k → 25k
// events/s end to end on the 2-core bench machine (node CPU per event down by a quarter), for at most
// a few hundred MB more RSS at peak. `package.json` repeats the flag for `npm run worker` and `replay`.
export const INGEST_NODE_FLAGS = ['--max-semi-space-size=64'];
