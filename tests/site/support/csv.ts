/**
 * A strict RFC 4180 reader for the tests: it accepts only what the site promises to write (a
 * UTF-8 BOM, every field quoted, CRLF after every record) and throws, saying where, otherwise.
 */
export function parseCsv(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('CSV: no UTF-8 byte order mark at the start');
  const records: string[][] = [];
  let at = 1;
  while (at < text.length) {
    const record: string[] = [];
    for (;;) {
      if (text[at] !== '"') throw new Error(`CSV: a field that is not quoted at offset ${at}`);
      let field = '';
      at += 1;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote === -1) throw new Error('CSV: an unterminated quoted field');
        field += text.slice(at, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          at = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
      record.push(field);
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text.startsWith('\r\n', at)) {
        at += 2;
        break;
      }
      throw new Error(`CSV: expected "," or CRLF after a field at offset ${at}, found ${JSON.stringify(text.slice(at, at + 5))}`);
    }
    records.push(record);
  }
  return records;
}
