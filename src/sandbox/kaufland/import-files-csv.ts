/**
 * Reads an inventory feed CSV the way the sandbox's import does: a header line naming the columns (any order),
 * the separator taken from the header (semicolon, tab or comma), fields optionally in double quotes ("" inside
 * quotes is one quote, and a quoted field may hold separators and line breaks).
 */
export interface CsvTable {
  header: string[];
  /** Each row with its line number in the file (the header is line 1). */
  rows: { line: number; fields: Record<string, string> }[];
}

export function parseFeedCsv(text: string): CsvTable {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const records = splitRecords(body, separator);
  const header = (records.shift()?.fields ?? []).map((name) => name.trim().toLowerCase());
  const rows = records
    .filter((record) => record.fields.some((field) => field.trim() !== ''))
    .map((record) => ({
      line: record.line,
      fields: Object.fromEntries(header.map((name, i) => [name, (record.fields[i] ?? '').trim()])),
    }));
  return { header, rows };
}

function splitRecords(text: string, separator: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line += 1;
      recordLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}
