// A strict RFC 4180 reader, written for the tests apart from src/export/csv.ts: every record ends
// with CRLF, a quote appears only around a field or doubled inside one, and every record has as many
// fields as the header. An unquoted empty field reads as null (missing), `""` as the empty string.

export type CsvRow = (string | null)[];

export function parseCsv(text: string): { header: string[]; rows: CsvRow[] } {
  const records: CsvRow[] = [];
  let i = 0;
  while (i < text.length) {
    const record: CsvRow = [];
    for (;;) {
      let field: string | null;
      if (text[i] === '"') {
        let value = '';
        i++;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote < 0) throw new Error(`unterminated quoted field at ${i}`);
          value += text.slice(i, quote);
          i = quote + 1;
          if (text[i] === '"') {
            value += '"';
            i++;
          } else {
            break;
          }
        }
        field = value;
      } else {
        let end = i;
        while (end < text.length && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') {
          if (text[end] === '"') throw new Error(`quote inside an unquoted field at ${end}`);
          end++;
        }
        field = end === i ? null : text.slice(i, end);
        i = end;
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
    }
    records.push(record);
  }
  const [header, ...rows] = records;
  if (!header) throw new Error('no header');
  if (header.some((h) => h === null)) throw new Error('empty header field');
  for (const [n, row] of rows.entries()) {
    if (row.length !== header.length) throw new Error(`record ${n + 2} has ${row.length} fields, header ${header.length}`);
  }
  return { header: header as string[], rows };
}

/** Rows as objects keyed by header. */
export function csvObjects(text: string): Record<string, string | null>[] {
  const { header, rows } = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? null])));
}
