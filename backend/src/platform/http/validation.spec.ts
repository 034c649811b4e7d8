import type { ValidationError as ClassValidatorError } from '@nestjs/common';
import { toFieldErrors } from './validation';

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
