// A strict RFC 4180 reader for tests: quoted fields, doubled quotes, CRLF rows. Written
// independently of src/http/csv.ts so a round trip proves the writer, not itself.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (cell !== '') throw new Error(`stray quote in row ${rows.length + 1}`);
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break outside quotes in row ${rows.length + 1}`);
    } else cell += c;
    i++;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length) throw new Error('last row does not end with CRLF');
  return rows;
}
