import { Injectable, type PipeTransform } from '@nestjs/common';
import { validate } from 'uuid';
import { ValidationError } from './app-error';

/** Path ids are UUIDs; anything else is a 400 before it reaches SQL. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!validate(value)) {
      throw new ValidationError(
        [{ field: 'id', message: 'id must be a UUID', code: 'isUuid' }],
        'The id is not a UUID.',
      );
    }
    return value.toLowerCase();
  }
}
