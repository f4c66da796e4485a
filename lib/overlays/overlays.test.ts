import { describe, expect, it } from 'vitest';
import { displayText, fillTemplate, WordFilter } from '@/lib/overlays/filter';
import { readSettings, validateSettings } from '@/lib/overlays/settings';

describe('word filter', () => {
  const filter = new WordFilter(['badword', 'scam']);

  it('hides blocked names and messages, also when spelled around the filter', () => {
    expect(filter.name('Nice person', 'nice')).toBe('Nice person');
    expect(filter.name('b a d w o r d', 'x')).toBe('Someone');
    expect(filter.name('BÁDWÖRD', 'x')).toBe('Someone');
    expect(filter.name('b4dw0rd', 'x')).toBe('Someone');
    expect(filter.name('bad\u200bword', 'x')).toBe('Someone');
    expect(filter.name('Fine nickname', 'scam_bot')).toBe('Someone');
    expect(filter.message('free coins, s.c.a.m link')).toBeNull();
    expect(filter.message('  hello   there ')).toBe('hello there');
  });

  it('keeps the marks that make Thai words: blocking "ขี้" leaves "ขอบคุณค่ะ" (thank you) alone', () => {
    const thai = new WordFilter(['ขี้']);
    expect(thai.message('ขอบคุณค่ะ')).toBe('ขอบคุณค่ะ');
    expect(thai.message('ขอบคุณมากครับ สนุกมาก')).toBe('ขอบคุณมากครับ สนุกมาก');
    expect(thai.message('มึงขี้โกง')).toBeNull(); // the word inside an unspaced Thai sentence
    expect(thai.message('ขี้')).toBeNull();
    // A Thai phrase entry, and the same phrase with zero-width spaces typed between its letters.
    expect(new WordFilter(['ไอ้บ้า']).message('ไอ้\u200bบ้า ออกไป')).toBeNull();
    expect(new WordFilter(['บ้า']).message('บ้านสวยมาก')).toBe('บ้านสวยมาก'); // บ้า (crazy) inside บ้าน (house)
  });

  it('matches Cyrillic entries typed with Latin look-alikes, and Latin entries typed with Cyrillic', () => {
    const russian = new WordFilter(['сука']);
    expect(russian.message('cукa')).toBeNull(); // Latin c and a
    expect(russian.message('СУКА!!!')).toBeNull();
    expect(russian.message('с у к а')).toBeNull();
    expect(russian.message('с̶у̶к̶а̶')).toBeNull(); // strike-through marks
    expect(russian.message('Спасибо за стрим, очень круто')).toBe('Спасибо за стрим, очень круто');
    expect(russian.message('сукачёв поёт')).toBe('сукачёв поёт'); // a longer word, not the entry
    expect(new WordFilter(['ass']).message('аss')).toBeNull(); // Cyrillic а
    expect(new WordFilter(['ёлка']).message('ЕЛКА')).toBeNull(); // ё and е are one letter to the filter
    expect(new WordFilter(['й']).message('и')).toBe('и'); // й is not и with a mark removed
  });

  it('matches whole words by default, and anywhere inside words when asked', () => {
    const words = new WordFilter(['ass']);
    expect(words.message('classic game')).toBe('classic game');
    expect(words.message('you ass!')).toBeNull();
    expect(words.message('a.s.s')).toBeNull();
    expect(words.message('@ss')).toBeNull();
    expect(words.message('ＡＳＳ')).toBeNull(); // full-width
    expect(new WordFilter(['ass'], 'anywhere').message('classic game')).toBeNull();
    // Phrases: the words in order, with any separators between them.
    const phrase = new WordFilter(['free coins']);
    expect(phrase.message('get FREE   coins here')).toBeNull();
    expect(phrase.message('coins for free')).toBe('coins for free');
  });

  it('treats Chinese words by where they start and end', () => {
    const chinese = new WordFilter(['傻逼']);
    expect(chinese.message('你是傻逼吗')).toBeNull();
    expect(chinese.message('主播好棒，谢谢')).toBe('主播好棒，谢谢');
    const strawberry = new WordFilter(['草']);
    expect(strawberry.message('草莓很好吃')).toBe('草莓很好吃'); // 草 inside 草莓 (strawberry)
    expect(strawberry.message('草！')).toBeNull();
    expect(new WordFilter(['草'], 'anywhere').message('草莓很好吃')).toBeNull();
  });

  it('strips control and direction-override characters and caps the length', () => {
    expect(displayText('\u202Egnp.exe\u202C hi\u0007')).toBe('gnp.exe hi');
    expect(displayText('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(new WordFilter([]).name('\u200b\u200b', '')).toBe('Someone');
    expect(new WordFilter([]).name('<script>alert(1)</script>', 'h')).toBe('<script>alert(1)</script>'); // React escapes it
  });

  it('fills the alert template', () => {
    expect(fillTemplate('{name} sent {count}× {gift} ({diamonds} 💎)', { name: 'Ann', gift: 'Rose', count: 5, diamonds: 5 })).toBe('Ann sent 5× Rose (5 💎)');
  });
});

describe('overlay settings', () => {
  it('fills defaults and validates what an editor sends', () => {
    const alerts = readSettings('GIFT_ALERTS', {});
    expect(alerts).toMatchObject({ minDiamonds: 1, sound: false, speech: false, blockedWords: [] });
    expect(readSettings('LEADERBOARD', undefined).rules.likesPerPointFollower).toBe(10);
    expect(validateSettings('GOAL', { metric: 'diamonds', target: 0 })).toEqual({ ok: false, error: 'target: Too small: expected number to be >=1' });
    expect(validateSettings('CHAT', { blockedWords: ['Spam', 'spam', ' x '] })).toMatchObject({ ok: true, settings: { blockedWords: ['spam', 'x'] } });
  });

  it('keeps the valid fields of stored settings when one of them no longer validates', () => {
    expect(readSettings('GOAL', { metric: 'diamonds', target: -5, title: 'Road to 1k' })).toMatchObject({ metric: 'diamonds', target: 10_000, title: 'Road to 1k' });
    expect(readSettings('QA_GAME', 'nonsense')).toMatchObject({ countdownSeconds: 5, size: 5 });
  });
});
