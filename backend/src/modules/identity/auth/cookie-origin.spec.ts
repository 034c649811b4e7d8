import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/app-error';
import { assertCookieRequestOrigin } from './cookie-origin';

const allowed = { publicUrl: 'https://depot.example.com', corsOrigins: ['https://admin.example.org'] };
const request = (headers: Record<string, string>, host = 'depot.internal:3000', protocol = 'http') =>
  ({ headers, host, protocol }) as unknown as FastifyRequest;
const refused = (headers: Record<string, string>) => {
  try {
    assertCookieRequestOrigin(request(headers), allowed);
    return false;
  } catch (error) {
    return error instanceof AppError && error.status === 403;
  }
};

describe('assertCookieRequestOrigin', () => {
  it('accepts Depot itself, the address it was reached at, and allowlisted origins', () => {
    expect(refused({ origin: 'https://depot.example.com' })).toBe(false);
    expect(refused({ origin: 'http://depot.internal:3000' })).toBe(false);
    expect(refused({ origin: 'https://admin.example.org' })).toBe(false);
    expect(refused({ 'sec-fetch-site': 'same-origin' })).toBe(false);
    // Not a browser page (curl, the SDK): no cookie of someone else's to abuse.
    expect(refused({})).toBe(false);
  });

  it('refuses foreign and opaque origins and cross-site fetches', () => {
    expect(refused({ origin: 'https://evil.example' })).toBe(true);
    expect(refused({ origin: 'https://depot.example.com.evil.example' })).toBe(true);
    expect(refused({ origin: 'null' })).toBe(true);
    expect(refused({ origin: 'not a url' })).toBe(true);
    expect(refused({ 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(refused({ 'sec-fetch-site': 'same-site' })).toBe(true);
  });
});
