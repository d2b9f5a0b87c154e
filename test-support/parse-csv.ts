// A strict RFC 4180 reader for tests of the audit export: quoted fields may hold commas, quotes
// ("") and line breaks; rows end with CRLF. Returns the header's names as keys of each row.

export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === "") {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      index++;
    } else {
      field += char;
    }
  }
  if (quoted || field !== "" || row.length > 0) throw new Error("CSV does not end with a complete CRLF-terminated row");
  const [header, ...records] = rows;
  if (!header) throw new Error("CSV has no header row");
  return records.map((record) => {
    if (record.length !== header.length) throw new Error(`CSV row has ${record.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((name, index) => [name, record[index]!]));
  });
}
