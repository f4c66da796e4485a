// The growth report as an A4 PDF, for download, in the reader's language, time zone and currency (the
// PDF route passes readerFormat(locale)). It is a rendering of the stored report data and adds no
// figure of its own; the guide's words come from guide-text.ts, as on the web page.
//
// Fonts: English text Helvetica can draw stays in pdfkit's built-in Helvetica; everything else (Russian,
// Thai, Chinese, "≈", "₽") is drawn in Noto Sans from the @fontsource packages (lib/fonts/noto.ts: they ship
// with npm install, so no machine font is needed), regular and bold, cut into runs by script (pdf-runs.ts)
// and then by font file. pdfkit embeds the subset of each file it used. A character no file has prints as
// "?" (pdf-text.ts). The account's nickname is drawn in its own scripts the same way.
import 'server-only';
import { getTranslations } from 'next-intl/server';
import PDFDocument from 'pdfkit';
import type { Display } from '@/lib/i18n/display-settings';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { writeBandComparison } from '@/lib/reports/band-text';
import { bandName, bestStartText, metricLabel, writeGuideTexts, type ReportsTranslator } from '@/lib/reports/guide-text';
import { fontRuns } from '@/lib/fonts/noto';
import { markThaiWordBreaks, textRuns } from '@/lib/reports/pdf-runs';
import { countLines } from '@/lib/reports/pdf-wrap';
import { EMOJI_PARTS, toPdfText, toWinAnsi } from '@/lib/reports/pdf-text';
import type { ReportData } from '@/lib/reports/types';
import { CREATOR_REWARDS_MIN_FOLLOWERS } from '@/lib/stats/constants';
import { formatDecimal, shownQuantity } from '@/lib/reports/wording';
import { formatCount, formatMoneyRange, formatPercent, MISSING_VALUE } from '@/lib/stats/format';

type Doc = PDFKit.PDFDocument;
type Row = string[];

const MARGIN = 50;
const FOOTER_HEIGHT = 30;
const CELL_PADDING = 4;
const TABLE_FONT_SIZE = 10;
// Area label, title, evidence line and spacing around a guide section's body, in points.
const SECTION_CHROME_HEIGHT = 60;
const COLORS = { text: '#111827', muted: '#6b7280', accent: '#be185d', rule: '#d1d5db', header: '#f3f4f6' } as const;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;
const LIVE_WINDOW_MS = 30 * 86_400_000;

/** How the document writes: its language's words, and the reader's zone and currency. */
type Writer = { doc: Doc; t: ReportsTranslator; display: Display };

/** A piece of text and its font: 'helvetica' (the built-in), or a Noto file (its path, also its name in the document). */
type Face = string;
type Piece = { face: Face; text: string };

type TextStyle = { size: number; color: string; bold?: boolean; width?: number; lineGap?: number; align?: 'left' | 'center'; lineBreak?: boolean };

function prepare(text: string, locale: string, wraps = true): string {
  // Intl puts a narrow no-break space in some dates and times ("4:30 AM"); the no-break space is in every font.
  const spaced = text.replace(/\u202f/g, '\u00a0');
  return locale === 'th' && wraps ? markThaiWordBreaks(spaced) : spaced;
}

/** Selects the font of a piece (a Noto file is already of the weight asked for). */
function selectFace(doc: Doc, face: Face, bold: boolean): void {
  if (face === 'helvetica') doc.font(bold ? FONT.bold : FONT.regular);
  else doc.font(face);
}

/** The current font's ascender in points (pdfkit does not expose it; every font it loads has it). */
function ascenderOf(doc: Doc, size: number): number {
  const font = (doc as unknown as { _font?: { ascender?: number } })._font;
  return ((font?.ascender ?? 800) / 1000) * size;
}

/**
 * One line layout for a paragraph drawn in several fonts. pdfkit puts each piece's baseline at its own
 * font's ascender and moves down by its own line height, so a Thai font next to DejaVu Sans would jump
 * up and down; here every piece shares the tallest font's baseline and line height.
 */
type Layout = { baseline?: number; lineGaps: Map<Face, number>; lineHeight: number };

function layoutOf(doc: Doc, runs: Piece[], size: number, bold: boolean, lineGap: number): Layout {
  const faces = [...new Set(runs.map((run) => run.face))];
  doc.fontSize(size);
  const metrics = faces.map((face) => {
    selectFace(doc, face, bold);
    return { face, ascender: ascenderOf(doc, size), height: doc.currentLineHeight(true) };
  });
  const lineHeight = Math.max(...metrics.map((m) => m.height));
  if (metrics.length < 2) return { lineGaps: new Map(faces.map((face) => [face, lineGap])), lineHeight };
  return {
    baseline: -Math.max(...metrics.map((m) => m.ascender)),
    lineGaps: new Map(metrics.map((m) => [m.face, lineHeight - m.height + lineGap])),
    lineHeight,
  };
}

/** Pieces in Noto files of one weight; what no file has becomes "?" in Helvetica. */
function notoPieces(text: string, bold: boolean): Piece[] {
  return fontRuns(text, bold ? 700 : 400).map((run) => (run.file ? { face: run.file, text: run.text } : { face: 'helvetica', text: toPdfText(run.text) }));
}

function runsOf(w: Writer, text: string, bold: boolean, wraps = true): Piece[] {
  const { locale } = w.display;
  return textRuns(prepare(text, locale, wraps), locale).flatMap((run) => (run.face === 'helvetica' ? [run] : notoPieces(run.text, bold)));
}

/**
 * Writes `text` at (x, y) or where the document is, in the fonts its characters need, wrapping as one
 * paragraph across the runs.
 */
function writeText(w: Writer, text: string, style: TextStyle, at?: { x: number; y: number }): void {
  const { doc } = w;
  const bold = style.bold ?? false;
  const runs = runsOf(w, text, bold, style.lineBreak !== false);
  if (runs.length === 0) {
    doc.font(FONT.regular).fontSize(style.size).text('', at?.x, at?.y, { width: style.width, lineBreak: style.lineBreak });
    return;
  }
  const layout = layoutOf(doc, runs, style.size, bold, style.lineGap ?? 0);
  doc.fillColor(style.color);
  if (style.align === 'center' && style.lineBreak === false && at && style.width) {
    writeCentredLine(doc, runs, bold, layout, { ...at, width: style.width });
    return;
  }
  runs.forEach((run, index) => {
    selectFace(doc, run.face, bold);
    const options: PDFKit.Mixins.TextOptions = {
      width: style.width,
      lineGap: layout.lineGaps.get(run.face),
      align: style.align,
      lineBreak: style.lineBreak,
      continued: index < runs.length - 1,
      ...(layout.baseline === undefined ? {} : { baseline: layout.baseline }),
    };
    const shown = run.face === 'helvetica' ? toWinAnsi(run.text) : run.text;
    if (index === 0 && at) doc.text(shown, at.x, at.y, options);
    else doc.text(shown, options);
  });
}

/**
 * One centred line of several pieces. pdfkit centres each `continued` piece on its own, so the pieces of a
 * line in several fonts would be drawn over each other: here the line is measured, then drawn piece by
 * piece from its left end.
 */
function writeCentredLine(doc: Doc, runs: Piece[], bold: boolean, layout: Layout, box: { x: number; y: number; width: number }): void {
  const shown = runs.map((run) => ({ ...run, text: run.face === 'helvetica' ? toWinAnsi(run.text) : run.text }));
  const widths = shown.map((run) => {
    selectFace(doc, run.face, bold);
    return doc.widthOfString(run.text);
  });
  let x = box.x + Math.max(0, (box.width - widths.reduce((sum, width) => sum + width, 0)) / 2);
  shown.forEach((run, index) => {
    selectFace(doc, run.face, bold);
    doc.text(run.text, x, box.y, { lineBreak: false, ...(layout.baseline === undefined ? {} : { baseline: layout.baseline }) });
    x += widths[index] ?? 0;
  });
}

/**
 * The height `text` takes at `width`: its lines at the paragraph's line height. Text in one font is
 * measured by pdfkit; text in several (Noto files) by counting lines from each character's width in its
 * own font (pdf-wrap.ts).
 */
function heightOf(w: Writer, text: string, size: number, width: number, lineGap = 0, bold = false): number {
  const { doc } = w;
  const runs = runsOf(w, text, bold);
  if (runs.length === 0) return 0;
  const layout = layoutOf(doc, runs, size, bold, lineGap);
  doc.fontSize(size);
  let lines: number;
  if (runs.every((run) => run.face === runs[0]?.face)) {
    const face = runs[0]?.face ?? 'helvetica';
    selectFace(doc, face, bold);
    const joined = runs.map((run) => run.text).join('');
    const measured = doc.heightOfString(face === 'helvetica' ? toWinAnsi(joined) : joined, { width, lineGap });
    lines = Math.max(1, Math.round((measured + lineGap) / (doc.currentLineHeight(true) + lineGap)));
  } else {
    const chars = runs.flatMap((run) => {
      selectFace(doc, run.face, bold);
      return [...(run.face === 'helvetica' ? toWinAnsi(run.text) : run.text)].map((char) => ({ char, width: doc.widthOfString(char) }));
    });
    lines = countLines(chars, width);
  }
  return lines * (layout.lineHeight + lineGap) - lineGap;
}

function writeHeading(w: Writer, text: string): void {
  w.doc.moveDown(1.2);
  writeText(w, text, { size: 14, color: COLORS.accent, bold: true }, { x: MARGIN, y: w.doc.y });
  w.doc.moveDown(0.4);
}

function writeNote(w: Writer, text: string): void {
  w.doc.moveDown(0.3);
  writeText(w, text, { size: 8, color: COLORS.muted, width: w.doc.page.width - 2 * MARGIN }, { x: MARGIN, y: w.doc.y });
}

/** A table with a header row; `widths` in points, '*' for the rest of the line. Rows never split across pages. */
function writeTable(w: Writer, header: Row, rows: Row[], widths: (number | '*')[]): void {
  const { doc } = w;
  const total = doc.page.width - 2 * MARGIN;
  const fixed = widths.reduce<number>((sum, width) => sum + (width === '*' ? 0 : width), 0);
  const columns = widths.map((width) => (width === '*' ? total - fixed : width));
  for (const [index, row] of [header, ...rows].entries()) {
    const bold = index === 0;
    const height = Math.max(...row.map((cell, c) => heightOf(w, cell, TABLE_FONT_SIZE, (columns[c] ?? 0) - 2 * CELL_PADDING, 0, bold))) + 2 * CELL_PADDING;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    if (bold) doc.rect(MARGIN, top, total, height).fill(COLORS.header);
    let x = MARGIN;
    row.forEach((cell, c) => {
      const width = columns[c] ?? 0;
      writeText(w, cell, { size: TABLE_FONT_SIZE, color: COLORS.text, bold, width: width - 2 * CELL_PADDING }, { x: x + CELL_PADDING, y: top + CELL_PADDING });
      doc.lineWidth(0.5).strokeColor(COLORS.rule).rect(x, top, width, height).stroke();
      x += width;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  }
}

/**
 * "Nickname (@handle)" in bold: the nickname in its own scripts (Helvetica for what it draws, Noto for the
 * rest, as in writeText), a character no font has as "?". Just the handle when nothing readable is left of
 * the nickname (emoji only).
 */
function writeNameLine(w: Writer, nickname: string | null, handle: string): void {
  const { doc } = w;
  const cleaned = nickname === null ? '' : nickname.normalize('NFKC').replace(EMOJI_PARTS, '').replace(/\p{C}/gu, ' ').replace(/\s+/g, ' ').trim();
  doc.fontSize(14).fillColor(COLORS.text);
  if (!/[\p{L}\p{N}]/u.test(cleaned)) {
    doc.font(FONT.bold).text(handle, MARGIN);
    return;
  }
  doc.x = MARGIN;
  // Read as English text: Latin the built-in font draws stays in it, whatever the report's language.
  for (const piece of textRuns(cleaned, DEFAULT_LOCALE).flatMap((run) => (run.face === 'helvetica' ? [run] : notoPieces(run.text, true)))) {
    selectFace(doc, piece.face, true);
    doc.text(piece.face === 'helvetica' ? toWinAnsi(piece.text) : piece.text, { continued: true });
  }
  doc.font(FONT.bold).text(` (${handle})`);
}

function writeTitle(w: Writer, report: ReportData): void {
  const { doc, t, display } = w;
  const { account } = report;
  writeText(w, t('kicker'), { size: 22, color: COLORS.text, bold: true }, { x: MARGIN, y: doc.y });
  doc.moveDown(0.3);
  const bili = report.platform === 'bilibili';
  writeNameLine(w, account.nickname, bili ? t('bilibili.pdf.channel', { uid: toPdfText(account.handle) }) : `@${toPdfText(account.handle)}`);
  const facts = [
    bili ? t('bilibili.platform') : null,
    account.verified ? t('pdf.verifiedAccount') : null,
    account.privateAccount ? t('pdf.privateAccount') : null,
    account.region ? t('pdf.region', { region: toPdfText(account.region) }) : null,
    t('pdf.numbersAsOf', { date: display.date(report.numbers.snapshotAt, 'dateLong') }),
    t('pdf.timesIn', { zone: display.zoneLabel }),
  ].filter((fact): fact is string => fact !== null);
  doc.moveDown(0.2);
  writeText(w, facts.join('  |  '), { size: 10, color: COLORS.muted, width: doc.page.width - 2 * MARGIN }, { x: MARGIN, y: doc.y });
}

function buildNumberRows({ t, display }: Writer, report: ReportData): Row[] {
  const { numbers, generatedAt } = report;
  const { locale, money } = display;
  const count = (value: number | null) => (value === null ? MISSING_VALUE : formatCount(value, locale));
  const engagement = numbers.engagement;
  const perVideo = numbers.perVideo;
  const creatorRewards = (estimate: typeof perVideo) => {
    if (estimate === null) return MISSING_VALUE;
    return estimate.creatorRewardsEligible ? formatMoneyRange(estimate.creatorRewards, money) : t('pdf.notEligible', { min: CREATOR_REWARDS_MIN_FOLLOWERS });
  };
  const bili = report.platform === 'bilibili';
  // Bilibili's room API gives followers only: its report has no video rows.
  const rows: Row[] = bili
    ? [[t('followers'), count(numbers.followers)]]
    : [
        [t('followers'), count(numbers.followers)],
        [t('pdf.following'), count(numbers.following)],
        [t('pdf.totalLikes'), count(numbers.hearts)],
        [t('videos'), count(numbers.videos)],
        [t('pdf.diggs'), count(numbers.diggs)],
        [t('pdf.friends'), count(numbers.friends)],
        [metricLabel(t, 'averageLikesPerVideo'), count(numbers.averageLikesPerVideo)],
        [
          t('engagement'),
          engagement
            ? t('pdf.engagementValue', {
                value: formatPercent(engagement.percent, locale),
                basis: engagement.basis === 'views' ? t('pdf.engagementViews') : t('pdf.engagementApproximation'),
              })
            : MISSING_VALUE,
        ],
        // Creator Rewards and a sponsor's price apart: their sum read as what every video earns (issue 19).
        [t('pdf.creatorRewardsPerVideo'), creatorRewards(numbers.perVideo)],
        [t('pdf.sponsoredPrice'), perVideo && perVideo.sponsoredPost.high > 0 ? formatMoneyRange(perVideo.sponsoredPost, money) : MISSING_VALUE],
      ];
  const live = numbers.live;
  if (live === null) return [...rows, [t('pdf.liveNone'), t('pdf.noneRecorded')]];
  const end = new Date(generatedAt);
  const period = t('livePeriod', { from: display.date(new Date(end.getTime() - LIVE_WINDOW_MS), 'dateLong'), to: display.date(end, 'dateLong') });
  return [
    ...rows,
    [t('pdf.livePeriod'), period],
    [t('pdf.lives30d'), count(live.lives30d)],
    [t('pdf.hours30d'), formatDecimal(live.hours30d, locale)],
    [bili ? t('bilibili.pdf.gold30d') : t('pdf.diamonds30d'), count(live.diamonds30d)],
    [t('pdf.earnings30d'), formatMoneyRange(live.earnings30d, money)],
    ...(bili
      ? ([
          [t('bilibili.pdf.superChats30d'), count(live.superChats30d)],
          [t('bilibili.pdf.guards30d'), count(live.guards30d)],
        ] satisfies Row[])
      : []),
  ];
}

function writeBand(w: Writer, report: ReportData): void {
  const { doc, t, display } = w;
  const { band } = report;
  const { locale } = display;
  const width = doc.page.width - 2 * MARGIN;
  writeHeading(w, t('pdf.bandTitle', { band: bandName(t, locale, band) }));
  const typical = formatPercent(band.typicalEngagementPercent, locale);
  const { note, table } = writeBandComparison(band, { t, display }, 'full', report.platform);
  const bili = report.platform === 'bilibili';
  const intro = bili
    ? table
      ? t('bilibili.pdf.bandIntro', { count: band.accounts })
      : t('bilibili.bandAccounts', { count: band.accounts })
    : table
      ? t('pdf.bandIntro', { count: band.accounts, typical })
      : t('bandAccounts', { count: band.accounts, typical });
  writeText(w, intro, { size: 10, color: COLORS.text, width }, { x: MARGIN, y: doc.y });
  if (note) writeText(w, note, { size: 10, color: COLORS.text, width }, { x: MARGIN, y: doc.y + 4 });
  doc.moveDown(0.5);
  if (table) writeTable(w, table.columns, table.rows, ['*', 90, 110, 90]);
}

function buildHabitRows({ t, display }: Writer, report: ReportData): Row[] {
  const { cadence, growth, live, platform } = report;
  const { locale } = display;
  const decimal = (value: number | null) => (value === null ? MISSING_VALUE : formatDecimal(value, locale));
  const history = t('pdf.historyValue', { snapshots: cadence.snapshots, days: shownQuantity(cadence.spanDays) });
  const rows: Row[] = [
    ...(platform === 'bilibili' ? [] : ([[metricLabel(t, 'videosPerWeek'), decimal(cadence.videosPerWeek)]] satisfies Row[])),
    // People come whole: the stored weekly rate has a decimal, the reader sees the nearest count.
    [t('pdf.followerChange'), growth ? formatCount(growth.followersPerWeek, locale) : MISSING_VALUE],
    [platform === 'bilibili' ? t('bilibili.pdf.followerHistory') : t('pdf.historyMeasured'), history],
  ];
  if (live === null) return rows;
  return [
    ...rows,
    [metricLabel(t, 'livesPerWeek'), decimal(live.livesPerWeek)],
    [metricLabel(t, 'averageHoursPerLive'), decimal(live.averageHoursPerLive)],
    [metricLabel(t, 'diamondsPerHour', platform), live.averageDiamondsPerHour === null ? MISSING_VALUE : formatCount(live.averageDiamondsPerHour, locale)],
    [platform === 'bilibili' ? t('bilibili.pdf.bestStart') : t('pdf.bestStart'), bestStartText(report, display)],
    [metricLabel(t, 'topGifterSharePercent', platform), formatPercent(live.topGifterSharePercent, locale)],
  ];
}

function writeGuide(w: Writer, report: ReportData): void {
  const { doc, t, display } = w;
  writeHeading(w, t('guideTitle'));
  const width = doc.page.width - 2 * MARGIN;
  for (const section of writeGuideTexts(report, { t, display })) {
    // A section split across pages separates its advice from its evidence; start it on the next page instead.
    const needed = heightOf(w, section.body, 10, width, 1.5) + heightOf(w, section.title, 12, width, 0, true) + SECTION_CHROME_HEIGHT;
    if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
    writeText(w, section.areaTitle.toLocaleUpperCase(display.locale), { size: 8, color: COLORS.muted, bold: true, width }, { x: MARGIN, y: doc.y });
    writeText(w, section.title, { size: 12, color: COLORS.text, bold: true, width }, { x: MARGIN, y: doc.y });
    doc.moveDown(0.2);
    writeText(w, section.body, { size: 10, color: COLORS.text, width, lineGap: 1.5 }, { x: MARGIN, y: doc.y });
    doc.moveDown(0.2);
    writeText(w, section.evidence, { size: 9, color: COLORS.muted, width }, { x: MARGIN, y: doc.y });
    doc.moveDown(0.8);
  }
}

function writeFooters(w: Writer, report: ReportData): void {
  const { doc, t, display } = w;
  const date = display.date(report.generatedAt, 'dateLong');
  const footer = report.platform === 'bilibili' ? t('bilibili.pdf.footer', { date }) : t('pdf.footer', { date });
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + (MARGIN - FOOTER_HEIGHT) / 2;
    const page = t('pdf.page', { page: index - range.start + 1, pages: range.count });
    writeText(w, `${footer}  ${page}`, { size: 8, color: COLORS.muted, width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false }, { x: MARGIN, y });
    doc.page.margins.bottom = bottom;
  }
}

/** The report as a PDF file (A4), written for the reader of `display`. */
export async function renderReportPdf(report: ReportData, display: Display): Promise<Buffer> {
  const t = await getTranslations({ locale: isLocale(display.locale) ? display.locale : DEFAULT_LOCALE, namespace: 'reports' });
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: display.locale,
    info: {
      Title: report.platform === 'bilibili' ? t('bilibili.pdf.documentTitle', { uid: toPdfText(report.account.handle) }) : t('pdf.documentTitle', { handle: toPdfText(report.account.handle) }),
      Author: 'LiveLens',
      Creator: 'LiveLens',
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const w: Writer = { doc, t, display };
  writeTitle(w, report);
  writeHeading(w, t('numbersTitle'));
  writeTable(w, [t('colMeasure'), t('pdf.colValue')], buildNumberRows(w, report), ['*', 190]);
  if (display.currency !== 'USD') writeNote(w, t('pdf.moneyNote', { currency: display.currency, date: display.ratesDate }));
  writeBand(w, report);
  writeHeading(w, t('pdf.habitsTitle'));
  writeTable(w, [t('colMeasure'), t('pdf.colValue')], buildHabitRows(w, report), ['*', 190]);
  writeGuide(w, report);
  writeFooters(w, report);
  doc.end();
  return finished;
}
