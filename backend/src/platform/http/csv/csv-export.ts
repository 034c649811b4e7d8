import { StreamableFile } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

/**
 * Streams a query's rows as CSV: rows come from a server-side cursor (pg-query-stream, 100 at a
 * time) through csv-stringify to the client with backpressure, so memory stays flat however
 * many rows there are (QUALITY P8). The connection returns to the pool when the stream ends,
 * fails or the client goes away.
 */
export async function csvExport<Row>(
  dataSource: DataSource,
  sql: string,
  params: unknown[],
  columns: CsvColumn<Row>[],
  filename: string,
): Promise<StreamableFile> {
  const runner = dataSource.createQueryRunner('slave');
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    void runner.release();
  };
  let rows: Readable;
  try {
    rows = await runner.stream(sql, params);
  } catch (error) {
    release();
    throw error;
  }
  const toRecord = new Transform({
    objectMode: true,
    transform(row: Row, _encoding, done) {
      done(
        null,
        columns.map((column) => column.value(row)),
      );
    },
  });
  const csv = stringify({ header: true, columns: columns.map((column) => column.header) });
  // Errors end the response; the cursor's connection is always given back.
  pipeline(rows, toRecord, csv)
    .catch(() => undefined)
    .finally(release);
  return new StreamableFile(csv, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${filename}"`,
  });
}

/** A date-stamped file name, e.g. `products-2026-11-23.csv`. */
export function csvFilename(prefix: string): string {
  return `${prefix}-${new Date().toISOString().slice(0, 10)}.csv`;
}
