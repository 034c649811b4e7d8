import { IMPORT_LIMITS, type ImportRowError } from '@depot/contracts';
import { CsvError, parse } from 'csv-parse/sync';
import { MalformedCsvError } from './import.errors';

export interface CsvTable<Column extends string> {
  /** Data rows keyed by column; missing optional columns are absent. */
  rows: Partial<Record<Column, string>>[];
}

/**
 * Parses an uploaded CSV with csv-parse: UTF-8 (BOM allowed), comma separated, a header row,
 * cells trimmed. Refuses with 400 (never a partial read) a file that does not parse, lacks a
 * required column, has an unknown or repeated one, or has too many rows.
 */
export function readCsv<Column extends string>(
  body: unknown,
  columns: readonly Column[],
  required: readonly Column[],
): CsvTable<Column> {
  if (typeof body !== 'string' || body.trim().length === 0) {
    throw new MalformedCsvError('Send the CSV file as the request body with Content-Type: text/csv.');
  }
  let records: string[][];
  try {
    const options = { bom: true, trim: true, skip_empty_lines: true, relax_column_count: false };
    records = parse(body, options);
  } catch (error) {
    const message = error instanceof CsvError ? error.message : 'the file could not be read as CSV';
    throw new MalformedCsvError(`The file is not valid CSV: ${message}`);
  }
  const [header, ...data] = records;
  if (!header) throw new MalformedCsvError('The file is empty: expected a header row.');
  const names = header.map((name) => name.toLowerCase());
  const unknown = names.filter((name) => !(columns as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new MalformedCsvError(`Unknown column(s) ${unknown.join(', ')}; expected some of ${columns.join(', ')}.`);
  }
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) throw new MalformedCsvError(`Column(s) ${repeated.join(', ')} appear more than once.`);
  const missing = required.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new MalformedCsvError(`Missing required column(s): ${missing.join(', ')}.`);
  if (data.length === 0) throw new MalformedCsvError('The file has a header but no data rows.');
  if (data.length > IMPORT_LIMITS.maxRows) {
    throw new MalformedCsvError(`The file has ${data.length} rows; at most ${IMPORT_LIMITS.maxRows} per import.`);
  }
  return {
    rows: data.map(
      (record) =>
        Object.fromEntries(names.map((name, index) => [name, record[index]])) as Partial<Record<Column, string>>,
    ),
  };
}

/** Collects row errors. */
export class RowErrors {
  readonly list: ImportRowError[] = [];

  add(row: number, column: string | null, message: string): void {
    this.list.push({ row, column, message });
  }
}
