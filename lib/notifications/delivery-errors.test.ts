// A failed delivery's message on the settings card, in the reader's language, sentence by sentence.
import { describe, expect, it } from 'vitest';
import { DELIVERY_ERRORS, translateDeliveryError } from '@/lib/notifications/delivery-errors';

const e = DELIVERY_ERRORS;

describe('translateDeliveryError', () => {
  it('keeps English as stored', () => {
    const stored = e.gaveUp(e.timedOut('Discord', 10), 5);
    expect(stored).toBe('Discord did not answer within 10 s. Gave up after 5 attempts.');
    expect(translateDeliveryError(stored, 'en')).toBe(stored);
  });

  it('translates a message and the sentences added to it', () => {
    expect(translateDeliveryError(e.gaveUp(e.timedOut('Discord', 10), 5), 'ru')).toBe('Discord не ответил за 10 с. Отправка остановлена после 5 попыток.');
    expect(translateDeliveryError(e.refused('The webhook', 404, 'Not Found'), 'ru')).toBe('Вебхук ответил 404: Not Found. Проверьте настройки канала: токен или адрес могли измениться или быть отозваны.');
    expect(translateDeliveryError(e.refused('Telegram', 401, ''), 'zh-CN')).toBe('Telegram 返回 401。请检查该渠道的设置（令牌或 URL 可能有误或已被撤销）。');
    expect(translateDeliveryError(e.gaveUp(e.unreachable('The webhook', 'fetch failed'), 5), 'th')).toBe('เชื่อมต่อเว็บฮุกไม่ได้ (fetch failed) หยุดส่งแล้วหลังจากลอง 5 ครั้ง');
    expect(translateDeliveryError(e.memberLeft, 'th')).toBe('สมาชิกที่ช่องทางนี้ส่งอีเมลถึงได้ออกจากเวิร์กสเปซแล้ว โปรดเลือกสมาชิกคนอื่น');
  });

  it('keeps what the service said, even when it looks like one of our sentences', () => {
    expect(translateDeliveryError(e.refused('Telegram', 400, 'Bad Request: chat not found'), 'ru')).toBe('Telegram ответил 400: Bad Request: chat not found.');
    expect(translateDeliveryError('Something a service wrote that we have no words for.', 'ru')).toBe('Something a service wrote that we have no words for.');
  });
});

describe('Thai spacing', () => {
  it('spaces a Latin service name, not a Thai word', () => {
    expect(translateDeliveryError(DELIVERY_ERRORS.slowDown('Discord'), 'th')).toBe('Discord ขอให้ส่งช้าลง (429)');
    expect(translateDeliveryError(DELIVERY_ERRORS.slowDown('The webhook'), 'th')).toBe('เว็บฮุกขอให้ส่งช้าลง (429)');
  });
});
