// The growth report as an A4 PDF, for download. Its own text uses pdfkit's built-in Helvetica, so every
// string goes through toPdfText first; the account's nickname is drawn in its own scripts with the
// machine's fonts (pdf-fonts.ts). The PDF is a rendering of the stored
// report data; it adds no figure of its own.
import 'server-only';
import PDFDocument from 'pdfkit';
import { pdfFonts, scriptRuns } from '@/lib/reports/pdf-fonts';
import { EMOJI_PARTS, isWinAnsiText, toPdfText } from '@/lib/reports/pdf-text';
import type { GuideArea, ReportData } from '@/lib/reports/types';
import { formatDecimal, formatEvidence, formatHourUtc } from '@/lib/reports/wording';
import { formatCount, formatPercent, formatUsdRange, MISSING_VALUE } from '@/lib/stats/format';

type Doc = PDFKit.PDFDocument;
type Row = [string, string];

const MARGIN = 50;
const FOOTER_HEIGHT = 30;
// Area label, title, evidence line and spacing around a guide section's body, in points.
const SECTION_CHROME_HEIGHT = 60;
const COLORS = { text: '#111827', muted: '#6b7280', accent: '#be185d', rule: '#d1d5db' } as const;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;

const AREA_LABELS: Readonly<Record<GuideArea, string>> = Object.freeze({
  reach: 'Reach',
  engagement: 'Engagement',
  cadence: 'Posting cadence',
  live: 'LIVE schedule',
  gifting: 'Gifting',
});

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? MISSING_VALUE : dateFormat.format(date);
}

function orMissing(value: number | null, format: (value: number) => string): string {
  return value === null ? MISSING_VALUE : format(value);
}

function writeHeading(doc: Doc, text: string): void {
  doc.moveDown(1.2).font(FONT.bold).fontSize(14).fillColor(COLORS.accent).text(toPdfText(text), MARGIN);
  doc.moveDown(0.4).fillColor(COLORS.text);
}

function writeTable(doc: Doc, header: string[], rows: string[][]): void {
  const data = [header, ...rows].map((row) => row.map(toPdfText));
  doc.font(FONT.regular).fontSize(10).fillColor(COLORS.text);
  doc.table({
    position: { x: MARGIN },
    columnStyles: header.length === 2 ? ['*', 170] : ['*', 90, 90, 90],
    rowStyles: (index) => (index === 0 ? { font: { src: FONT.bold }, backgroundColor: '#f3f4f6' } : undefined),
    defaultStyle: { border: 0.5, borderColor: COLORS.rule, padding: 4 },
    data,
  });
  doc.font(FONT.regular);
}

/**
 * "Nickname (@handle)": the nickname in its own scripts with the machine's fonts (pdf-fonts.ts), each run
 * of Latin/Cyrillic, Thai or Chinese with a font that draws it; a script without a font becomes "?".
 * Just the handle when nothing readable is left of the nickname (emoji only).
 */
function writeNameLine(doc: Doc, nickname: string | null, handle: string): void {
  const fonts = pdfFonts();
  const cleaned = nickname === null ? '' : nickname.normalize('NFKC').replace(EMOJI_PARTS, '').replace(/\p{C}/gu, ' ').replace(/\s+/g, ' ').trim();
  const runs = scriptRuns(cleaned).map((run) => {
    // Text Helvetica can draw stays in the title's Helvetica; other letters take the machine's font.
    const face = run.script === 'latin' && isWinAnsiText(run.text) ? undefined : fonts[run.script];
    return face ? { text: run.text, face } : { text: toPdfText(run.text), face: undefined };
  });
  const readable = runs.some((run) => /[\p{L}\p{N}]/u.test(run.text));
  if (!readable) {
    doc.text(handle);
    return;
  }
  for (const run of runs) {
    if (run.face?.family) doc.font(run.face.file, run.face.family);
    else if (run.face) doc.font(run.face.file);
    else doc.font(FONT.bold);
    doc.text(run.text, { continued: true });
  }
  doc.font(FONT.bold).text(` (${handle})`);
}

function writeTitle(doc: Doc, report: ReportData): void {
  const { account } = report;
  doc.font(FONT.bold).fontSize(22).fillColor(COLORS.text).text('LiveLens growth report');
  doc.moveDown(0.3).fontSize(14);
  writeNameLine(doc, account.nickname, `@${toPdfText(account.handle)}`);
  const facts = [
    account.verified ? 'Verified account' : null,
    account.privateAccount ? 'Private account' : null,
    account.region ? `Region: ${toPdfText(account.region)}` : null,
    `Numbers as of ${formatDate(report.numbers.snapshotAt)}`,
  ].filter((fact): fact is string => fact !== null);
  doc.moveDown(0.2).font(FONT.regular).fontSize(10).fillColor(COLORS.muted).text(facts.join('  |  '));
  doc.fillColor(COLORS.text);
}

function buildNumberRows(report: ReportData): Row[] {
  const { numbers } = report;
  const rows: Row[] = [
    ['Followers', formatCount(numbers.followers)],
    ['Following', formatCount(numbers.following)],
    ['Total likes', formatCount(numbers.hearts)],
    ['Videos', formatCount(numbers.videos)],
    ['Videos liked by the account', formatCount(numbers.diggs)],
    ['Friends', formatCount(numbers.friends)],
    ['Average likes per video', orMissing(numbers.averageLikesPerVideo, formatCount)],
    ['Engagement', numbers.engagement ? `${formatPercent(numbers.engagement.percent)} (${numbers.engagement.label})` : MISSING_VALUE],
    ['Earnings per video (estimate)', numbers.perVideo ? formatUsdRange(numbers.perVideo.total) : MISSING_VALUE],
  ];
  const live = numbers.live;
  if (live === null) return [...rows, ['LIVE in the last 30 days', 'none recorded']];
  return [
    ...rows,
    ['LIVEs in the last 30 days', formatCount(live.lives30d)],
    ['Hours LIVE in the last 30 days', formatDecimal(live.hours30d)],
    ['Diamonds in the last 30 days', formatCount(live.diamonds30d)],
    ['LIVE earnings, 30 days (estimate)', formatUsdRange(live.earnings30d)],
  ];
}

function writeBand(doc: Doc, report: ReportData): void {
  const { band } = report;
  writeHeading(doc, `Your follower band: ${band.label}`);
  const intro =
    band.medians.followers === null
      ? `LiveLens stores ${formatCount(band.accounts)} account(s) in this band, too few for medians and percentiles (5 are needed).`
      : `Compared with the ${formatCount(band.accounts)} accounts LiveLens stores in this band. Engagement here is average likes per video divided by followers; typical for the band: ${formatPercent(band.typicalEngagementPercent)}.`;
  doc.font(FONT.regular).fontSize(10).text(toPdfText(intro)).moveDown(0.5);
  const percentile = (value: number | null) => orMissing(value, (p) => `${formatDecimal(p)}%`);
  writeTable(
    doc,
    ['Metric', 'You', 'Band median', 'Your percentile'],
    [
      ['Followers', formatCount(band.account.followers), orMissing(band.medians.followers, formatCount), percentile(band.percentiles.followers)],
      ['Engagement', orMissing(band.account.engagementPercent, formatPercent), orMissing(band.medians.engagementPercent, formatPercent), percentile(band.percentiles.engagementPercent)],
      [
        'Average likes per video',
        orMissing(band.account.averageLikesPerVideo, formatCount),
        orMissing(band.medians.averageLikesPerVideo, formatCount),
        percentile(band.percentiles.averageLikesPerVideo),
      ],
    ],
  );
}

function buildHabitRows(report: ReportData): Row[] {
  const { cadence, growth, live } = report;
  const rows: Row[] = [
    ['Videos per week', orMissing(cadence.videosPerWeek, formatDecimal)],
    ['Follower change per week', growth ? formatDecimal(growth.followersPerWeek) : MISSING_VALUE],
    ['History measured', `${formatCount(cadence.snapshots)} snapshot(s) over ${formatDecimal(cadence.spanDays)} days`],
  ];
  if (live === null) return rows;
  return [
    ...rows,
    ['LIVEs per week', formatDecimal(live.livesPerWeek)],
    ['Average hours per LIVE', formatDecimal(live.averageHoursPerLive)],
    ['Diamonds per LIVE hour', orMissing(live.averageDiamondsPerHour, formatCount)],
    ['Best start hour (by diamonds)', orMissing(live.bestStartHourUtc, formatHourUtc)],
    ["Top gifter's share of diamonds", orMissing(live.topGifterSharePercent, (p) => `${formatDecimal(p)}%`)],
  ];
}

function writeGuide(doc: Doc, report: ReportData): void {
  writeHeading(doc, 'Your growth guide');
  const width = doc.page.width - 2 * MARGIN;
  for (const section of report.guide) {
    // A section split across pages separates its advice from its evidence; start it on the next page instead.
    const needed = doc.font(FONT.regular).fontSize(10).heightOfString(toPdfText(section.body), { width, lineGap: 1.5 }) + SECTION_CHROME_HEIGHT;
    if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.font(FONT.bold).fontSize(8).fillColor(COLORS.muted).text(AREA_LABELS[section.area].toUpperCase(), MARGIN);
    doc.font(FONT.bold).fontSize(12).fillColor(COLORS.text).text(toPdfText(section.title));
    doc.moveDown(0.2).font(FONT.regular).fontSize(10).text(toPdfText(section.body), { width, lineGap: 1.5 });
    doc.moveDown(0.2).fontSize(9).fillColor(COLORS.muted).text(toPdfText(formatEvidence(section.evidence)));
    doc.fillColor(COLORS.text).moveDown(0.8);
  }
}

function writeFooters(doc: Doc, report: ReportData): void {
  const footer = `Generated by LiveLens on ${formatDate(report.generatedAt)}. Estimates, not TikTok figures.`;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + (MARGIN - FOOTER_HEIGHT) / 2;
    doc.font(FONT.regular).fontSize(8).fillColor(COLORS.muted);
    doc.text(`${footer}  Page ${index - range.start + 1} of ${range.count}`, MARGIN, y, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The report as a PDF file (A4). */
export async function renderReportPdf(report: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: toPdfText(`LiveLens growth report for @${report.account.handle}`), Author: 'LiveLens', Creator: 'LiveLens' },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  writeTitle(doc, report);
  writeHeading(doc, 'Your numbers');
  writeTable(doc, ['Metric', 'Value'], buildNumberRows(report));
  writeBand(doc, report);
  writeHeading(doc, 'Habits');
  writeTable(doc, ['Metric', 'Value'], buildHabitRows(report));
  writeGuide(doc, report);
  writeFooters(doc, report);
  doc.end();
  return finished;
}
