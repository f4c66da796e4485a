// The workspaces migration on a populated database: a database is built with the migrations before it,
// filled through the old schema (users who managed accounts, shared accounts, clusters, overlays made by a
// co-manager who later stopped managing, sessions with winners, lives with their totals), then migrated.
// Nothing may be lost: every user has a personal workspace holding what they managed and made, and the
// totals of every live are identical before and after.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBefore, type DatabaseBefore } from '@/tools/testing/migration-db';

const TARGET = '20261202043835_workspaces';

let database: DatabaseBefore;
let client: pg.Client;

beforeAll(async () => {
  database = await databaseBefore(TARGET, 'migration');
  client = database.client;
});

afterAll(async () => {
  await database?.drop();
});

/** Totals of every live, as the dashboard shows them. */
async function liveTotals(): Promise<unknown[]> {
  const { rows } = await client.query<Record<string, unknown>>(`SELECT id::text, account_id, diamonds::text, gifts, likes::text, comments, follows, shares, peak_viewers,
      (SELECT COUNT(*)::int FROM gifts g WHERE g.live_id = l.id) AS gift_rows,
      (SELECT COUNT(*)::int FROM chats c WHERE c.live_id = l.id) AS chat_rows
    FROM lives l ORDER BY id`);
  return rows;
}

describe('the workspaces migration on a populated database', () => {
  it('gives every user a personal workspace with what they managed and made, and loses nothing', async () => {
    const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
    // Three users. Ann and Bo both manage @shared; Ann also @annonly; Cy manages nothing any more.
    for (const [id, email, name] of [['u_ann', 'ann@example.test', 'Ann'], ['u_bo', 'bo@example.test', null], ['u_cy', 'cy@example.test', 'Cy']]) {
      await q(`INSERT INTO users (id, email, password_hash, name, created_at, updated_at) VALUES ($1, $2, 'h', $3, now() - interval '10 days', now())`, [id, email, name]);
    }
    for (const [id, handle] of [['a_shared', 'shared.one'], ['a_ann', 'ann.only'], ['a_cy', 'cy.gone']]) {
      await q(`INSERT INTO tiktok_accounts (id, handle, created_at, updated_at) VALUES ($1, $2, now(), now())`, [id, handle]);
      await q(`INSERT INTO tracked_accounts (account_id, updated_at) VALUES ($1, now())`, [id]);
    }
    await q(`INSERT INTO managed_accounts (user_id, account_id, verification_code, verified_at, created_at) VALUES
      ('u_bo', 'a_shared', 'LL-BBBB', NULL, now() - interval '9 days'),
      ('u_ann', 'a_shared', 'LL-AAAA', now() - interval '1 day', now() - interval '8 days'),
      ('u_ann', 'a_ann', NULL, NULL, now() - interval '7 days')`);
    await q(`INSERT INTO clusters (id, user_id, name, created_at) VALUES ('c_ann', 'u_ann', 'Agency', now()), ('c_bo', 'u_bo', 'Agency', now())`);
    await q(`INSERT INTO cluster_accounts (cluster_id, account_id) VALUES ('c_ann', 'a_shared'), ('c_ann', 'a_ann'), ('c_bo', 'a_shared')`);
    // Overlays: Ann's own; one Cy made for @shared before he stopped managing it (the earliest manager, Bo,
    // now runs it); one Cy made for an account nobody manages.
    await q(`INSERT INTO overlays (id, user_id, account_id, kind, name, settings, token, created_at, updated_at) VALUES
      ('o_ann', 'u_ann', 'a_shared', 'QA_GAME', 'Ann Q&A', '{"obsPassword":"pw"}', 'tok_ann_0123456789012345678901', now(), now()),
      ('o_cy_shared', 'u_cy', 'a_shared', 'LEADERBOARD', 'Cy board', '{}', 'tok_cy_shared_01234567890123456', now(), now()),
      ('o_cy_gone', 'u_cy', 'a_cy', 'GOAL', 'Cy goal', '{}', 'tok_cy_gone_0123456789012345678', now(), now())`);
    // A live with its rows, and sessions: on Ann's overlay, on Cy's, and one whose overlay was deleted.
    await q(`INSERT INTO lives (id, account_id, room_id, started_at, diamonds, gifts, likes, comments, follows, shares, peak_viewers) VALUES (1, 'a_shared', '7001', now() - interval '1 hour', 500, 3, 1200, 2, 1, 1, 90)`);
    await q(`INSERT INTO viewers (id, tiktok_user_id, handle) VALUES (1, '9001', 'fan1')`);
    await q(`INSERT INTO gifts (live_id, account_id, viewer_id, dedupe_key, msg_id, gift_id, gift_name, diamond_count, repeat_count, diamonds, created_at) VALUES (1, 'a_shared', 1, 'm:1', '1', '5655', 'Rose', 500, 1, 500, now())`);
    await q(`INSERT INTO chats (live_id, account_id, viewer_id, msg_id, content, created_at) VALUES (1, 'a_shared', 1, 'c1', 'hi', now()), (1, 'a_shared', 1, 'c2', 'ho', now())`);
    await q(`INSERT INTO game_sessions (id, user_id, account_id, overlay_id, status, updated_at) VALUES
      ('s_ann', 'u_ann', 'a_shared', 'o_ann', 'ACTIVE', now()),
      ('s_cy', 'u_cy', 'a_shared', 'o_cy_shared', 'ENDED', now()),
      ('s_orphan', 'u_bo', 'a_shared', NULL, 'ENDED', now())`);
    await q(`INSERT INTO game_scores (session_id, viewer_id, points) VALUES ('s_ann', 1, 12)`);
    await q(`INSERT INTO game_winners (id, session_id, viewer_id, points, question) VALUES ('w1', 's_ann', 1, 12, 'Why?')`);
    const totalsBefore = await liveTotals();

    await database.migrate();

    // One personal workspace per user, owned by them, and it is their current one.
    const { rows: spaces } = await q(`SELECT w.id, w.name, w.personal, m.user_id, m.role, u.current_workspace_id FROM workspaces w JOIN workspace_members m ON m.workspace_id = w.id JOIN users u ON u.id = m.user_id ORDER BY m.user_id`);
    expect(spaces).toEqual([
      { id: 'ws_u_ann', name: 'Ann', personal: true, user_id: 'u_ann', role: 'OWNER', current_workspace_id: 'ws_u_ann' },
      { id: 'ws_u_bo', name: 'bo', personal: true, user_id: 'u_bo', role: 'OWNER', current_workspace_id: 'ws_u_bo' },
      { id: 'ws_u_cy', name: 'Cy', personal: true, user_id: 'u_cy', role: 'OWNER', current_workspace_id: 'ws_u_cy' },
    ]);
    // What each managed, with its code and verification.
    const { rows: watched } = await q(`SELECT workspace_id, account_id, verification_code, verified_at IS NOT NULL AS verified, added_by_id FROM workspace_accounts ORDER BY workspace_id, account_id`);
    expect(watched).toEqual([
      { workspace_id: 'ws_u_ann', account_id: 'a_ann', verification_code: null, verified: false, added_by_id: 'u_ann' },
      { workspace_id: 'ws_u_ann', account_id: 'a_shared', verification_code: 'LL-AAAA', verified: true, added_by_id: 'u_ann' },
      { workspace_id: 'ws_u_bo', account_id: 'a_shared', verification_code: 'LL-BBBB', verified: false, added_by_id: 'u_bo' },
    ]);
    // Clusters stay with their maker, members included (same names in two workspaces are fine).
    const { rows: clusters } = await q(`SELECT c.id, c.workspace_id, c.created_by_id, array_agg(ca.account_id ORDER BY ca.account_id) AS accounts FROM clusters c JOIN cluster_accounts ca ON ca.cluster_id = c.id GROUP BY c.id ORDER BY c.id`);
    expect(clusters).toEqual([
      { id: 'c_ann', workspace_id: 'ws_u_ann', created_by_id: 'u_ann', accounts: ['a_ann', 'a_shared'] },
      { id: 'c_bo', workspace_id: 'ws_u_bo', created_by_id: 'u_bo', accounts: ['a_shared'] },
    ]);
    // Overlays: the creator's workspace; the earliest manager's when the creator no longer watches it.
    const { rows: overlays } = await q(`SELECT id, workspace_id, created_by_id, token, settings FROM overlays ORDER BY id`);
    expect(overlays).toEqual([
      { id: 'o_ann', workspace_id: 'ws_u_ann', created_by_id: 'u_ann', token: 'tok_ann_0123456789012345678901', settings: { obsPassword: 'pw' } },
      { id: 'o_cy_gone', workspace_id: 'ws_u_cy', created_by_id: 'u_cy', token: 'tok_cy_gone_0123456789012345678', settings: {} },
      { id: 'o_cy_shared', workspace_id: 'ws_u_bo', created_by_id: 'u_cy', token: 'tok_cy_shared_01234567890123456', settings: {} },
    ]);
    // Sessions go with their overlay, or to their user's workspace; scores and winners stay.
    const { rows: sessions } = await q(`SELECT id, workspace_id, created_by_id FROM game_sessions ORDER BY id`);
    expect(sessions).toEqual([
      { id: 's_ann', workspace_id: 'ws_u_ann', created_by_id: 'u_ann' },
      { id: 's_cy', workspace_id: 'ws_u_bo', created_by_id: 'u_cy' },
      { id: 's_orphan', workspace_id: 'ws_u_bo', created_by_id: 'u_bo' },
    ]);
    expect((await q(`SELECT COUNT(*)::int AS n FROM game_scores WHERE session_id = 's_ann'`)).rows[0]).toEqual({ n: 1 });
    expect((await q(`SELECT question FROM game_winners WHERE id = 'w1'`)).rows[0]).toEqual({ question: 'Why?' });
    // The public data is untouched: every live's totals and rows are identical.
    expect(await liveTotals()).toEqual(totalsBefore);
    // And the old table is gone.
    expect((await q(`SELECT to_regclass('managed_accounts') AS t`)).rows[0]).toEqual({ t: null });
  });
});
