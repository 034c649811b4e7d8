import { Injectable } from '@nestjs/common';
import { AppError, TooManyRequestsError } from '../../../platform/http/app-error';
import { RateLimits } from '../../../platform/rate-limit/rate-limits';

/**
 * Per-account brute-force protection for sign-in: after LOGIN_MAX_FAILURES failed attempts
 * within the window, the account answers 429 (with Retry-After) until the window passes,
 * whatever the password. A success clears the count.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly limits: RateLimits) {}

  async run<T>(email: string, attempt: () => Promise<T>): Promise<T> {
    await this.limits.assertNotBlocked('login-account', email);
    try {
      const result = await attempt();
      await this.limits.reset('login-account', email);
      return result;
    } catch (error) {
      if (error instanceof AppError && error.status === 401) {
        // This attempt still gets its 401; the next one sees the 429.
        await this.limits.consume('login-account', email).catch((limitError: unknown) => {
          if (!(limitError instanceof TooManyRequestsError)) throw limitError;
        });
      }
      throw error;
    }
  }
}
