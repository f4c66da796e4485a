// Export and import of an overlay's settings (`livelens-overlay/1`) against Postgres: media named by
// checksum and matched in the importing workspace, a second workspace that lacks a file (listed, played
// without, relinked once uploaded), no token or OBS password in the file, themes applied in place.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createOverlay, getOverlay, updateOverlay } from '@/lib/overlays/manage';
import { readKindSettings, readSettings } from '@/lib/overlays/settings';
import { PALETTES } from '@/lib/overlays/themes';
import { EXPORT_FORMAT, exportFileName } from '@/lib/overlays/transfer';
import { applyOverlayTheme, exportOverlay, importOverlay, relinkOverlayMedia } from '@/lib/overlays/transfer-store';
import { newVariation, planAlert, type AlertVariation } from '@/lib/overlays/variations';
import { actorOf, createTestAccount, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A library row (the bytes are not needed here: only the checksum, name and kind are matched). */
async function addFile(workspaceId: string, name: string, kind: 'SOUND' | 'IMAGE' | 'VIDEO', checksum: string) {
  return db.mediaFile.create({ data: { workspaceId, name, kind, mime: kind === 'SOUND' ? 'audio/wav' : 'image/gif', bytes: 100, sha256: checksum, storageKey: `test/${checksum}` } });
}

type World = Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const [a, b] = await Promise.all([createTestUser(db), createTestUser(db)]);
  const account = await createTestAccount(db);
  await Promise.all([watchTestAccount(db, a.workspaceId, account.id), watchTestAccount(db, b.workspaceId, account.id)]);
  const checksums = { chime: sha(`chime-${uniqueSuffix()}`), gif: sha(`gif-${uniqueSuffix()}`) };
  const [chimeA, gifA, chimeB] = await Promise.all([
    addFile(a.workspaceId, 'tada.wav', 'SOUND', checksums.chime),
    addFile(a.workspaceId, 'party <b>cat</b>.gif', 'IMAGE', checksums.gif),
    // B has the same sound under another name and id, and not the GIF.
    addFile(b.workspaceId, 'my-chime.wav', 'SOUND', checksums.chime),
  ]);
  const variations: AlertVariation[] = [
    { ...newVariation('big', 'gift'), minDiamonds: 1000, sound: 'media', soundId: chimeA.id, visualId: gifA.id, visualKind: 'IMAGE', label: 'Big gifts' },
    { ...newVariation('follow', 'follow'), visualId: 'deleted-file-id', visualKind: 'IMAGE' },
  ];
  const alerts = await createOverlay(db, actorOf(a), { accountId: account.id, kind: 'GIFT_ALERTS', name: 'Main alerts' });
  await updateOverlay(db, a.workspaceId, alerts.id, { settings: { ...readSettings('GIFT_ALERTS', alerts.settings), accent: '#00ff88', variations } });
  return { a, b, account, checksums, chimeA, gifA, chimeB, alerts: await getOverlay(db, a.workspaceId, alerts.id) };
}

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

describe('export', () => {
  it('writes the kind, settings and media by checksum, name and kind; no id, URL or token', async () => {
    const { file, fileName } = await exportOverlay(db, w.a.workspaceId, w.alerts.id);
    expect(fileName).toBe('Main-alerts.livelens-overlay.json');
    expect(file).toMatchObject({ format: EXPORT_FORMAT, kind: 'GIFT_ALERTS', name: 'Main alerts', settings: { accent: '#00ff88' } });
    expect(file.media).toEqual([
      { sha256: w.checksums.chime, name: 'tada.wav', kind: 'SOUND' },
      { sha256: w.checksums.gif, name: 'party <b>cat</b>.gif', kind: 'IMAGE' },
    ]);
    const [big, follow] = file.settings.variations as AlertVariation[];
    expect(big).toMatchObject({ id: 'big', sound: 'media', soundId: w.checksums.chime, visualId: w.checksums.gif });
    // A file deleted before the export cannot be named: the variation goes without it.
    expect(follow).toMatchObject({ id: 'follow', visualId: '' });
    const text = JSON.stringify(file);
    for (const secret of [w.alerts.token ?? 'no-token', w.chimeA.id, w.gifA.id, w.alerts.id, '/api/']) expect(text).not.toContain(secret);
  });

  it('never writes the OBS password or a timer’s running state', async () => {
    const qa = await createOverlay(db, actorOf(w.a), { accountId: w.account.id, kind: 'QA_GAME' });
    await updateOverlay(db, w.a.workspaceId, qa.id, { settings: { ...readSettings('QA_GAME', {}), obsPassword: 'hunter2-obs' } });
    const stored = await db.overlay.findUniqueOrThrow({ where: { id: qa.id } });
    const sealed = String((stored.settings as { obsPassword: string }).obsPassword);
    const { file } = await exportOverlay(db, w.a.workspaceId, qa.id);
    expect(file.settings.obsPassword).toBe('');
    expect(JSON.stringify(file)).not.toContain('hunter2');
    expect(JSON.stringify(file)).not.toContain(sealed);

    const timer = await createOverlay(db, actorOf(w.a), { accountId: w.account.id, kind: 'TIMER' });
    await db.overlay.update({ where: { id: timer.id }, data: { settings: { ...readSettings('TIMER', {}), timerState: { status: 'running' } } } });
    expect(Object.keys((await exportOverlay(db, w.a.workspaceId, timer.id)).file.settings)).not.toContain('timerState');
  });

  it('is only for the overlay’s own workspace', async () => {
    await expect(exportOverlay(db, w.b.workspaceId, w.alerts.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the download from the overlay’s name in any script, and nothing else', () => {
    expect(exportFileName('Алерты <script>"x"</script>')).toBe('Алерты-script-x-script.livelens-overlay.json');
    expect(exportFileName('แจ้งเตือน 礼物')).toBe('แจ้งเตือน-礼物.livelens-overlay.json');
    expect(exportFileName('../../')).toBe('overlay.livelens-overlay.json');
  });
});

describe('import', () => {
  it('round-trips into the same workspace: every file found, the settings the same', async () => {
    const { file } = await exportOverlay(db, w.a.workspaceId, w.alerts.id);
    const { overlay, missing } = await importOverlay(db, actorOf(w.a), { accountId: w.account.id, file });
    expect(missing).toEqual([]);
    expect(overlay.id).not.toBe(w.alerts.id);
    expect(overlay.token).not.toBe(w.alerts.token);
    expect(overlay.name).toBe('Main alerts');
    const original = readSettings('GIFT_ALERTS', w.alerts.settings);
    const copy = readSettings('GIFT_ALERTS', overlay.settings);
    // The same but for the deleted file, which the export could not name.
    expect(copy).toEqual({ ...original, variations: original.variations.map((v) => (v.id === 'follow' ? { ...v, visualId: '' } : v)) });
  });

  it('into a workspace that lacks a file: lists it, plays without it, and links it once uploaded', async () => {
    const { file } = await exportOverlay(db, w.a.workspaceId, w.alerts.id);
    const { overlay, missing } = await importOverlay(db, actorOf(w.b), { accountId: w.account.id, file, name: 'From A' });
    expect(overlay.name).toBe('From A');
    expect(missing).toEqual([{ sha256: w.checksums.gif, name: 'party <b>cat</b>.gif', kind: 'IMAGE' }]);
    const settings = readKindSettings('GIFT_ALERTS', overlay.settings);
    if (settings.kind !== 'GIFT_ALERTS') throw new Error('kind');
    const big = settings.settings.variations.find((v) => v.id === 'big');
    // B's own copy of the sound, found by checksum; the GIF left as its checksum, which no file of B has.
    expect(big).toMatchObject({ sound: 'media', soundId: w.chimeB.id, visualId: w.checksums.gif });
    expect(await db.mediaFile.count({ where: { workspaceId: w.b.workspaceId, OR: [{ id: big?.visualId }, { id: w.gifA.id }] } })).toBe(0);
    // The alert still plays (its sound and text); the picture is the one a deleted file would leave.
    const plan = planAlert(settings.settings.variations, { minDiamonds: 1, durationSeconds: 5, template: '', sound: false, volume: 0, speech: false, speechVoice: '' }, { kind: 'gift', id: 'g1', user: null, giftId: '1', giftName: 'Lion', image: null, count: 1, value: 5000, worth: 5000, message: '' });
    expect(plan).toMatchObject({ variationId: 'big', sound: { kind: 'media', mediaId: w.chimeB.id } });

    expect(await relinkOverlayMedia(db, w.b.workspaceId, overlay.id)).toMatchObject({ missing: [w.checksums.gif] });
    const uploaded = await addFile(w.b.workspaceId, 'cat.gif', 'IMAGE', w.checksums.gif);
    const relinked = await relinkOverlayMedia(db, w.b.workspaceId, overlay.id);
    expect(relinked.missing).toEqual([]);
    const after = readKindSettings('GIFT_ALERTS', relinked.overlay.settings);
    expect(after.kind === 'GIFT_ALERTS' && after.settings.variations.find((v) => v.id === 'big')).toMatchObject({ soundId: w.chimeB.id, visualId: uploaded.id });
    // Another workspace cannot relink (or learn about) B's overlay.
    await expect(relinkOverlayMedia(db, w.a.workspaceId, overlay.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a wrong format, an unknown kind, bad settings, unlisted media and another workspace’s account', async () => {
    const { file } = await exportOverlay(db, w.a.workspaceId, w.alerts.id);
    const actor = actorOf(w.b);
    const accountId = w.account.id;
    const count = await db.overlay.count({ where: { workspaceId: w.b.workspaceId } });
    await expect(importOverlay(db, actor, { accountId, file: { ...file, format: 'livelens-overlay/2' } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'This is not a LiveLens overlay settings file.' });
    await expect(importOverlay(db, actor, { accountId, file: [file] })).rejects.toMatchObject({ message: 'This is not a LiveLens overlay settings file.' });
    await expect(importOverlay(db, actor, { accountId, file: { ...file, media: 'none' } })).rejects.toMatchObject({ message: 'This is not a LiveLens overlay settings file.' });
    await expect(importOverlay(db, actor, { accountId, file: { ...file, kind: 'FIREWORKS' } })).rejects.toMatchObject({ message: 'This file holds another kind of overlay, one this LiveLens does not have.' });
    await expect(importOverlay(db, actor, { accountId, file: { ...file, settings: { ...file.settings, accent: 'red' } } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'accent: Use a colour like #ff2d55.' });
    // A media reference that is not a listed checksum (another workspace's file id, say) is refused, not followed.
    const variations = (file.settings.variations as AlertVariation[]).map((v) => ({ ...v, visualId: w.gifA.id }));
    await expect(importOverlay(db, actor, { accountId, file: { ...file, settings: { ...file.settings, variations } } })).rejects.toMatchObject({ message: 'This is not a LiveLens overlay settings file.' });
    const unwatched = await createTestAccount(db);
    await expect(importOverlay(db, actor, { accountId: unwatched.id, file })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.overlay.count({ where: { workspaceId: w.b.workspaceId } })).toBe(count);
  });
});

describe('themes on an existing overlay', () => {
  it('replaces the look and keeps the token, the texts and the language', async () => {
    const goal = await createOverlay(db, actorOf(w.a), { accountId: w.account.id, kind: 'GOAL', language: 'ru' });
    await updateOverlay(db, w.a.workspaceId, goal.id, { settings: { ...readSettings('GOAL', goal.settings), title: 'Дорога к 50k', target: 50_000 } });
    const themed = await applyOverlayTheme(db, w.a.workspaceId, goal.id, 'ocean');
    expect(themed.token).toBe(goal.token);
    expect(themed.settings).toMatchObject({ ...PALETTES.ocean, title: 'Дорога к 50k', target: 50_000, language: 'ru', position: 'bottom' });
    await expect(applyOverlayTheme(db, w.a.workspaceId, goal.id, 'no-such')).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'No such theme for this kind of overlay.' });
    await expect(applyOverlayTheme(db, w.b.workspaceId, goal.id, 'ocean')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps a Q&A overlay’s OBS password (stored sealed, shown masked)', async () => {
    const qa = await createOverlay(db, actorOf(w.a), { accountId: w.account.id, kind: 'QA_GAME' });
    await updateOverlay(db, w.a.workspaceId, qa.id, { settings: { ...readSettings('QA_GAME', {}), obsPassword: 'secret-pass' } });
    const before = await db.overlay.findUniqueOrThrow({ where: { id: qa.id } });
    await applyOverlayTheme(db, w.a.workspaceId, qa.id, 'gold');
    const after = await db.overlay.findUniqueOrThrow({ where: { id: qa.id } });
    expect((after.settings as { obsPassword: string }).obsPassword).toBe((before.settings as { obsPassword: string }).obsPassword);
    expect(after.settings).toMatchObject({ accent: PALETTES.gold.accent });
  });
});
