import { Injectable } from '@nestjs/common';
import { PASSWORD_LIMITS, type FieldError } from '@depot/contracts';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { ValidationError } from '../../../platform/http/app-error';

/** zxcvbn score a new password must reach (0 = guessable in seconds … 4 = very strong). */
export const MIN_PASSWORD_SCORE = 3;

/**
 * OWASP ASVS password rules: 12 to 128 characters, any characters allowed, and refused when it
 * is one of the ~49,000 most common breached passwords shipped with @zxcvbn-ts/language-common,
 * contains the user's own name or e-mail, or is otherwise easy to guess.
 */
@Injectable()
export class PasswordPolicy {
  private readonly common = new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  private readonly zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

  /** Problems with the password, empty when it is acceptable. */
  check(password: string, userInputs: string[] = []): string[] {
    const length = [...password].length;
    if (length < PASSWORD_LIMITS.minLength) return [`must be at least ${PASSWORD_LIMITS.minLength} characters long`];
    if (length > PASSWORD_LIMITS.maxLength) return [`must be at most ${PASSWORD_LIMITS.maxLength} characters long`];
    if (this.common.has(password.toLowerCase())) return ['is one of the most common passwords; choose another'];
    const inputs = userInputs
      .flatMap((input) => [input, ...input.split(/[@.\s_-]+/)])
      .filter((part) => part.length >= 4);
    const lower = password.toLowerCase();
    if (inputs.some((part) => lower.includes(part.toLowerCase()))) return ['must not contain your name or e-mail'];
    const result = this.zxcvbn.check(password, inputs);
    if (result.score < MIN_PASSWORD_SCORE) {
      return [result.feedback.warning ? `is too easy to guess: ${result.feedback.warning}` : 'is too easy to guess'];
    }
    return [];
  }

  /** Throws a 400 with the problems on `field` when the password is not acceptable. */
  assertAcceptable(password: string, userInputs: string[] = [], field = 'password'): void {
    const problems = this.check(password, userInputs);
    if (problems.length > 0) {
      const errors: FieldError[] = problems.map((message) => ({
        field,
        message: `${field} ${message}`,
        code: 'passwordPolicy',
      }));
      throw new ValidationError(errors, 'The password does not meet the password policy.');
    }
  }
}
