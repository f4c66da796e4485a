// The obs-websocket client against a local stand-in that speaks obs-websocket 5's protocol (OBS itself
// cannot run here): tools/testing/obs-stand-in.ts.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { OBS_DEFAULT_URL, obsAuthentication, switchObsScene } from '@/lib/overlays/obs';
import { readSettings, validateSettings } from '@/lib/overlays/settings';
import { startObsStandIn } from '@/tools/testing/obs-stand-in';
import { containing } from '@/tools/testing/match';

const sha = (text: string) => createHash('sha256').update(text).digest('base64');

describe('switching OBS scenes over obs-websocket (local stand-in for OBS)', () => {
  const obs = startObsStandIn('s3cret-pass', ['Starting', 'Winner']);
  const open = startObsStandIn('', ['Winner']);
  const ws = WebSocket as unknown as NonNullable<Parameters<typeof switchObsScene>[0]['WebSocketImpl']>;

  beforeAll(async () => {
    await Promise.all([obs.ready, open.ready]);
  });
  afterAll(async () => {
    await Promise.all([obs.close(), open.close()]);
  });

  it('computes the authentication string the way obs-websocket documents it', async () => {
    expect(await obsAuthentication('pw', 'salt', 'challenge')).toBe(sha(sha('pwsalt') + 'challenge'));
  });

  it('authenticates and switches the program scene', async () => {
    await switchObsScene({ url: obs.url(), password: 's3cret-pass', sceneName: ' Winner ', WebSocketImpl: ws });
    expect(obs.switched).toEqual(['Winner']);
    await switchObsScene({ url: open.url(), password: '', sceneName: 'Winner', WebSocketImpl: ws });
    expect(open.switched).toEqual(['Winner']);
  });

  it('says what is wrong: wrong or missing password, unknown scene, nobody listening', async () => {
    await expect(switchObsScene({ url: obs.url(), password: 'wrong', sceneName: 'Winner', WebSocketImpl: ws })).rejects.toThrow(/refused the password/);
    await expect(switchObsScene({ url: obs.url(), password: '', sceneName: 'Winner', WebSocketImpl: ws })).rejects.toThrow(/asks for a password/);
    await expect(switchObsScene({ url: obs.url(), password: 's3cret-pass', sceneName: 'Nope', WebSocketImpl: ws })).rejects.toThrow(/no scene called “Nope”/);
    await expect(switchObsScene({ url: 'ws://127.0.0.1:9', password: '', sceneName: 'Winner', WebSocketImpl: ws })).rejects.toThrow(/Could not reach OBS/);
    await expect(switchObsScene({ url: obs.url(), password: '', sceneName: '  ', WebSocketImpl: ws })).rejects.toThrow(/No OBS scene/);
    expect(obs.switched).toEqual(['Winner']);
  });
});

describe('Q&A overlay OBS settings', () => {
  it('are off by default and accept only websocket addresses', () => {
    expect(readSettings('QA_GAME', {})).toMatchObject({ obsScene: '', obsUrl: OBS_DEFAULT_URL, obsPassword: '' });
    expect(validateSettings('QA_GAME', { obsScene: 'Winner', obsUrl: 'ws://192.168.1.20:4455' })).toMatchObject({ ok: true });
    for (const obsUrl of ['http://127.0.0.1:4455', 'javascript:alert(1)', 'ws://', 'ws://a b']) {
      expect(validateSettings('QA_GAME', { obsUrl }), obsUrl).toMatchObject({ ok: false, error: containing('obsUrl') });
    }
  });
});
