import { ErrorCode, type ImportReportDto } from '@depot/contracts';
import { AppError } from '../../platform/http/app-error';

/** 400: the upload is not a usable CSV file (syntax, header, size); nothing was read. */
export class MalformedCsvError extends AppError {
  constructor(detail: string) {
    super(400, ErrorCode.MalformedCsv, 'Bad Request', detail);
  }
}

/** 422: some rows are invalid, so nothing was imported; `report` lists every problem. */
export class ImportRowsInvalidError extends AppError {
  constructor(report: ImportReportDto) {
    super(
      422,
      ErrorCode.ImportRowsInvalid,
      'Unprocessable Content',
      `${report.errors.length} problem(s) in the file; nothing was imported. Fix them and upload again.`,
      undefined,
      { report },
    );
  }
}
