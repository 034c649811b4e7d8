import { COMPANY_LIMITS } from '@depot/contracts';
import { checkLogo } from './company-logo';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('checkLogo', () => {
  it('accepts a real PNG sent as image/png', () => {
    expect(checkLogo('image/png', PNG)).toEqual({ type: 'image/png', bytes: PNG });
  });

  it('refuses other types with 415, SVG included (it can carry script)', () => {
    expect(() => checkLogo('image/svg+xml', Buffer.from('<svg/>'))).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => checkLogo(undefined, PNG)).toThrow(expect.objectContaining({ status: 415 }));
  });

  it('refuses a file larger than the limit with 413', () => {
    const big = Buffer.concat([PNG, Buffer.alloc(COMPANY_LIMITS.logoMaxBytes)]);
    expect(() => checkLogo('image/png', big)).toThrow(expect.objectContaining({ status: 413 }));
  });

  it('refuses bytes that are not the image they claim to be with 400', () => {
    expect(() => checkLogo('image/jpeg', PNG)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => checkLogo('image/png', Buffer.from('not an image at all'))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    // The PNG signature followed by garbage: pdfkit, which prints the logo, cannot read it.
    expect(() => checkLogo('image/png', Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(64, 7)]))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => checkLogo('image/png', Buffer.alloc(0))).toThrow(expect.objectContaining({ status: 400 }));
  });
});
