import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import type { FieldError } from '@depot/contracts';
import { ValidationError } from './app-error';

/** Flattens class-validator's nested errors into `{ field: 'lines.0.quantity', message }`. */
export function toFieldErrors(errors: ClassValidatorError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      result.push({ field, message, code });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}

/** Global pipe: whitelist, refuse unknown fields, transform to DTO classes, 400 with field errors. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationError(toFieldErrors(errors)),
  });
}
