import { describe, expect, it } from 'vitest';
import { OVERLAY_DEFAULT_TEXTS, initialSettings, withLanguage } from '@/lib/overlays/default-texts';
import { readSettings } from '@/lib/overlays/settings';
import { detectTextLanguage, listVoiceChoices, pickVoice } from '@/lib/overlays/speech';

const VOICES = [
  { name: 'Google US English', lang: 'en-US' },
  { name: 'Microsoft Irina', lang: 'ru-RU' },
  { name: 'Google русский', lang: 'ru-RU', default: true },
  { name: 'Kanya', lang: 'th-TH' },
  { name: 'Ting-Ting', lang: 'zh-CN' },
  { name: 'Mei-Jia', lang: 'zh-TW' },
];

describe('speech', () => {
  it('reads each alert in the language its letters are written in, when detection is on', () => {
    expect(detectTextLanguage('Лиза дарит Rose ×5', 'en')).toBe('ru');
    expect(detectTextLanguage('ลิซ่า ส่ง Rose ×5', 'ru')).toBe('th');
    expect(detectTextLanguage('小红 送出 5 个Rose', 'en')).toBe('zh-CN');
    expect(detectTextLanguage('Mia sent 5× Rose', 'th')).toBe('en');
    expect(detectTextLanguage('🌹🌹 12345', 'th')).toBe('th'); // nothing to go by: the overlay's language
  });

  it('uses the chosen voice when this browser has it in that language, else the language’s default, else its first', () => {
    expect(pickVoice(VOICES, 'ru', 'Microsoft Irina')?.name).toBe('Microsoft Irina');
    expect(pickVoice(VOICES, 'ru', 'Voice OBS does not have')?.name).toBe('Google русский');
    expect(pickVoice(VOICES, 'ru', 'Kanya')?.name).toBe('Google русский'); // a Thai voice never reads Russian
    expect(pickVoice(VOICES, 'th', '')?.name).toBe('Kanya');
    expect(pickVoice(VOICES, 'zh-CN', '')?.name).toBe('Ting-Ting'); // Simplified Chinese, not Taiwan's
    expect(pickVoice([{ name: 'x', lang: 'en_GB' }], 'en', '')?.name).toBe('x');
    expect(pickVoice(VOICES.slice(0, 1), 'th', '')).toBeUndefined();
  });

  it('lists the language’s voices first (its default leading), then the others, one entry per name', () => {
    const listed = [...VOICES, { name: 'Microsoft Irina', lang: 'ru-RU' }, { name: 'Google русский (UA)', lang: 'ru-UA' }, { name: 'Alex', lang: 'en-GB' }];
    const choices = listVoiceChoices(listed, 'ru', '');
    expect(choices.map((c) => c.name)).toEqual(['Google русский', 'Microsoft Irina', 'Google русский (UA)', 'Alex', 'Google US English', 'Kanya', 'Ting-Ting', 'Mei-Jia']);
    expect(choices.filter((c) => c.speaksLanguage).map((c) => c.name)).toEqual(['Google русский', 'Microsoft Irina', 'Google русский (UA)']);
    expect(choices.every((c) => c.available)).toBe(true);
    // Simplified Chinese first for zh-CN; Taiwan's voice is listed with the others.
    expect(listVoiceChoices(VOICES, 'zh-CN', '')[0]).toMatchObject({ name: 'Ting-Ting', speaksLanguage: true });
    expect(listVoiceChoices(VOICES, 'zh-CN', '').find((c) => c.name === 'Mei-Jia')?.speaksLanguage).toBe(false);
  });

  it('keeps a saved voice this browser lacks, last and marked unavailable, and does not repeat one it has', () => {
    const choices = listVoiceChoices(VOICES, 'th', 'Narisa (OBS PC)');
    expect(choices.at(-1)).toEqual({ name: 'Narisa (OBS PC)', lang: '', speaksLanguage: false, available: false });
    expect(choices.filter((c) => !c.available)).toHaveLength(1);
    expect(listVoiceChoices(VOICES, 'th', 'Kanya').filter((c) => c.name === 'Kanya')).toEqual([{ name: 'Kanya', lang: 'th-TH', speaksLanguage: true, available: true }]);
    // Before the browser has loaded its voices (the list arrives with voiceschanged): only the saved one.
    expect(listVoiceChoices([], 'en', 'Alex')).toEqual([{ name: 'Alex', lang: '', speaksLanguage: false, available: false }]);
    expect(listVoiceChoices([], 'en', '')).toEqual([]);
  });
});

describe('overlay texts per language', () => {
  it('creates an overlay with its texts in the dashboard’s language', () => {
    expect(readSettings('GIFT_ALERTS', initialSettings('GIFT_ALERTS', 'ru'))).toMatchObject({ language: 'ru', template: OVERLAY_DEFAULT_TEXTS.ru.template });
    expect(readSettings('QA_GAME', initialSettings('QA_GAME', 'zh-CN'))).toMatchObject({ language: 'zh-CN', title: OVERLAY_DEFAULT_TEXTS['zh-CN'].qaTitle });
    expect(readSettings('CHAT', initialSettings('CHAT', 'th'))).toMatchObject({ language: 'th' });
    expect(readSettings('GOAL', {})).toMatchObject({ language: 'en', title: 'Like goal' }); // stored overlays keep English
  });

  it('switches texts still at their default to the new language and keeps the streamer’s own', () => {
    const board = readSettings('LEADERBOARD', initialSettings('LEADERBOARD', 'en'));
    expect(withLanguage('LEADERBOARD', board, 'th')).toMatchObject({ language: 'th', title: OVERLAY_DEFAULT_TEXTS.th.leaderboardTitle });
    const own = { ...board, title: 'Koji’s legends' };
    expect(withLanguage('LEADERBOARD', own, 'ru')).toMatchObject({ language: 'ru', title: 'Koji’s legends' });
    const viewers = readSettings('VIEWER_COUNT', initialSettings('VIEWER_COUNT', 'ru'));
    expect(withLanguage('VIEWER_COUNT', viewers, 'zh-CN').label).toBe(OVERLAY_DEFAULT_TEXTS['zh-CN'].viewerLabel);
  });

  it('has every default text in every language, with the alert placeholders kept', () => {
    for (const texts of Object.values(OVERLAY_DEFAULT_TEXTS)) {
      for (const value of Object.values(texts)) expect(value.trim()).not.toBe('');
      for (const placeholder of ['{name}', '{gift}', '{count}']) expect(texts.template).toContain(placeholder);
    }
  });
});
