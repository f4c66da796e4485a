// What every message looks like: an HTML part and a plain-text part, the app's name and address in the
// footer, and an unsubscribe link when it is a notification (with the List-Unsubscribe header).
import 'server-only';
import { appUrl, getEnv } from '@/lib/env';

export type Mail = { subject: string; text: string; html: string; headers?: Record<string, string> };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export type MailBody = {
  subject: string;
  /** The first line, shown big. */
  heading: string;
  /** Paragraphs of plain text (escaped for HTML). */
  paragraphs: string[];
  /** One main button (its URL is also written out in the text part). */
  action?: { label: string; url: string };
  /** Label and value rows (a receipt, a live's summary). */
  facts?: [string, string][];
  /** Small print under the button. */
  note?: string;
  /** A notification: the link that turns it off. */
  unsubscribeUrl?: string;
  /** The layout's own words in the message's language (English when not given). */
  labels?: { orOpen: string; turnOff: string };
  /** The message's language, for the HTML part's lang attribute. */
  lang?: string;
};

export function renderMail(body: MailBody): Mail {
  const env = getEnv();
  const site = appUrl();
  const labels = body.labels ?? { orOpen: 'Or open this address:', turnOff: 'Turn these messages off' };
  const footerLines = [`LiveLens · ${site}`, ...(env.MAIL_POSTAL_ADDRESS ? [env.MAIL_POSTAL_ADDRESS] : [])];
  const text = [
    body.heading,
    '',
    ...body.paragraphs.flatMap((p) => [p, '']),
    ...(body.facts?.length ? [...body.facts.map(([k, v]) => `${k}: ${v}`), ''] : []),
    ...(body.action ? [`${body.action.label}: ${body.action.url}`, ''] : []),
    ...(body.note ? [body.note, ''] : []),
    '—',
    ...footerLines,
    ...(body.unsubscribeUrl ? [`${labels.turnOff}: ${body.unsubscribeUrl}`] : []),
  ].join('\n');
  const facts = body.facts?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${body.facts.map(([k, v]) => `<tr><td style="padding:4px 16px 4px 0;color:#6b6f7a">${escapeHtml(k)}</td><td style="padding:4px 0;font-weight:600">${escapeHtml(v)}</td></tr>`).join('')}</table>`
    : '';
  const action = body.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="background:#ff2d55;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(body.action.label)}</a></p><p style="font-size:12px;color:#6b6f7a">${escapeHtml(labels.orOpen)} <a href="${escapeHtml(body.action.url)}" style="color:#6b6f7a">${escapeHtml(body.action.url)}</a></p>`
    : '';
  const html = `<!doctype html><html lang="${escapeHtml(body.lang ?? 'en')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(body.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1d1f24">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:12px;padding:28px">
<p style="margin:0 0 16px;font-weight:700;color:#ff2d55">LiveLens</p>
<h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(body.heading)}</h1>
${body.paragraphs.map((p) => `<p style="line-height:1.5">${escapeHtml(p)}</p>`).join('\n')}
${facts}${action}
${body.note ? `<p style="font-size:13px;color:#6b6f7a;line-height:1.5">${escapeHtml(body.note)}</p>` : ''}
</div>
<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#6b6f7a;text-align:center">${footerLines.map(escapeHtml).join('<br>')}${body.unsubscribeUrl ? `<br><a href="${escapeHtml(body.unsubscribeUrl)}" style="color:#6b6f7a">${escapeHtml(labels.turnOff)}</a>` : ''}</p>
</body></html>`;
  return {
    subject: body.subject,
    text,
    html,
    headers: body.unsubscribeUrl ? { 'List-Unsubscribe': `<${body.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : undefined,
  };
}
