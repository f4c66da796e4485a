// `node tools/node/run.mjs web scripts/profile-server.ts [port]` — serves the saved TikTok profile pages (a local
// stand-in for tiktok.com) and Bilibili's room API for trying lookups offline: TIKTOK_PROFILE_BASE_URL and
// BILIBILI_API_BASE=http://127.0.0.1:<port>.
import { DEMO_BILIBILI } from '@/lib/seed/demo';
import { bilibiliRoomApi } from '@/tools/testing/bilibili-room-api';
import { FIXTURE_PAGES, ProfileServer } from '@/tools/testing/profile-server';

const server = new ProfileServer();
// And a stand-in for Bilibili's room API (BILIBILI_API_BASE=http://127.0.0.1:<port>): rooms 3002xxxx exist,
// and the demo's made-up room, which the public page asks about again once its stored facts are 30 minutes
// old (without it, a browser-test database older than that marked the demo channel not found).
const [parentArea = '', area = ''] = DEMO_BILIBILI.roomArea.split(' · ');
server.bilibili = bilibiliRoomApi([
  { uid: DEMO_BILIBILI.uid, roomId: DEMO_BILIBILI.roomId, uname: DEMO_BILIBILI.nickname, title: DEMO_BILIBILI.roomTitle, area: [parentArea, area], liveStatus: 0, followers: DEMO_BILIBILI.followers },
]);
// Browser tests add accounts with fresh handles (e2e.<something>), each its own account with fresh lives.
server.aliasPrefix('e2e.', 'luna.bakes');
// … and e2e.long.* with the longest nickname TikTok allows (30 characters), for layout tests at a phone's width.
server.aliasPrefix('e2e.long.', 'luna.bakes', 'WWW Wonderful Wednesday Waffle');
await server.start(Number(process.argv[2] ?? 0));
console.log(`Saved TikTok profile pages on ${server.url} (handles: ${Object.keys(FIXTURE_PAGES).join(', ')} and e2e.*; any other handle is "not found"), and Bilibili's room API for rooms 3002xxxx and the demo's ${DEMO_BILIBILI.roomId}.`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
process.on('SIGINT', () => void server.stop().then(() => process.exit(0)));
