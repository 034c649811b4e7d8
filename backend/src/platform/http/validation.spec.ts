import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min } from 'class-validator';
import { ValidationError } from './app-error';
import { createValidationPipe, toFieldErrors } from './validation';
import { Optional } from './validators';

describe('toFieldErrors', () => {
  it('flattens nested errors into dotted field paths with one entry per rule', () => {
    const errors: ClassValidatorError[] = [
      { property: 'name', constraints: { maxLength: 'too long', isString: 'not a string' }, children: [] },
      {
        property: 'lines',
        children: [
          { property: '0', children: [{ property: 'quantity', constraints: { min: 'too small' }, children: [] }] },
        ],
      },
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'name', message: 'too long', code: 'maxLength' },
      { field: 'name', message: 'not a string', code: 'isString' },
      { field: 'lines.0.quantity', message: 'too small', code: 'min' },
    ]);
  });
});

class ListQuery {
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  limit?: number;

  @Optional()
  @IsString({ each: true })
  ids?: string[];
}

describe('CachingValidationPipe', () => {
  const pipe = createValidationPipe();
  const query = { type: 'query', metatype: ListQuery } as const;

  it('validates a query string once and hands each request its own copy of the instance', async () => {
    const validate = jest.spyOn(ValidationPipe.prototype, 'transform');
    const first = (await pipe.transform({ limit: '25', ids: ['a'] }, query)) as ListQuery;
    const second = (await pipe.transform({ limit: '25', ids: ['a'] }, query)) as ListQuery;
    expect(validate).toHaveBeenCalledTimes(1);
    expect(second).toBeInstanceOf(ListQuery);
    expect(second).toEqual(first);
    expect(second.limit).toBe(25);
    second.ids?.push('changed');
    second.limit = 1;
    expect(await pipe.transform({ limit: '25', ids: ['a'] }, query)).toEqual({ limit: 25, ids: ['a'] });
    validate.mockRestore();
  });

  it('refuses an invalid query every time and never caches bodies', async () => {
    await expect(pipe.transform({ limit: '0' }, query)).rejects.toBeInstanceOf(ValidationError);
    await expect(pipe.transform({ limit: '0' }, query)).rejects.toBeInstanceOf(ValidationError);
    const validate = jest.spyOn(ValidationPipe.prototype, 'transform');
    await pipe.transform({ limit: 3 }, { type: 'body', metatype: ListQuery });
    await pipe.transform({ limit: 3 }, { type: 'body', metatype: ListQuery });
    expect(validate).toHaveBeenCalledTimes(2);
    validate.mockRestore();
  });
});
