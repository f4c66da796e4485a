// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, fields with a comma, quote or line break
// in double quotes, quotes doubled), made safe to open in a spreadsheet: a text cell that starts with a
// character Excel, LibreOffice or Sheets would read as a formula gets a leading single quote (OWASP,
// "CSV Injection"). Numbers we format ourselves are written as they are.

export type CsvCell = string | number | bigint | boolean | null | undefined;

// = + - @ start formulas; tab and carriage return are on OWASP's list because some spreadsheets strip
// them and then read what follows as a formula. A spreadsheet opened with another separator (`;` in
// much of Europe, tab, `|`) splits a cell at it, so a formula start after any of them is neutralised too:
// `hello;=1+1` becomes `hello;'=1+1`.
const FORMULA_START = /(^|[,;\t|])(\s*)([=+\-@\t\r])/g;
// Quoted: anything with a quote, a line break or any separator a spreadsheet might split at.
const NEEDS_QUOTES = /[",;\t|\r\n]/;

/** A text cell that cannot be run as a spreadsheet formula, however the spreadsheet splits it. */
export function neutraliseFormula(text: string): string {
  return text.replace(FORMULA_START, "$1$2'$3");
}

export function formatCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF line end. */
export function formatCsvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(formatCsvCell).join(',')}\r\n`;
}

/**
 * A byte stream over text chunks, pulled one chunk at a time so a slow client holds back the database
 * reads instead of the server buffering the whole file. `prefix` goes first (e.g. a byte-order mark).
 */
export function createTextStream(chunks: AsyncIterable<string>, prefix = ''): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && prefix) controller.enqueue(encoder.encode(prefix));
      started = true;
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
