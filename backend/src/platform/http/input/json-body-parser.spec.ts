import { AppError, ValidationError } from '../app-error';
import { exceedsDepth, inspectParameters, INPUT_LIMITS } from './inspect-input';
import { parseJsonBody } from './json-body-parser';

const parse = (text: string | Buffer) => parseJsonBody(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'));
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseJsonBody', () => {
  it('parses ordinary bodies', () => {
    expect(parse('{"name":"Bolt","lines":[{"note":"two\\nlines\\ttab"}]}')).toEqual({
      name: 'Bolt',
      lines: [{ note: 'two\nlines\ttab' }],
    });
    expect(parse(nested(INPUT_LIMITS.maxDepth))).toBeDefined();
  });

  it('refuses nesting deeper than the limit before parsing, cheaply, whatever the spelling', () => {
    expect(refusal(() => parse(nested(INPUT_LIMITS.maxDepth + 1))).code).toBe('REQUEST.MALFORMED_BODY');
    expect(refusal(() => parse(`{"a":${'{"b":'.repeat(5000)}1${'}'.repeat(5000)}}`)).detail).toMatch(/deeper/);
    const started = process.hrtime.bigint();
    expect(refusal(() => parse(`{"note":${'['.repeat(500_000)}`)).code).toBe('REQUEST.MALFORMED_BODY');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(100);
  });

  it('does not count brackets inside strings as nesting', () => {
    expect(exceedsDepth(JSON.stringify({ text: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["\\' }), 2)).toBe(false);
  });

  it('refuses too many entries, prototype keys, bad UTF-8, empty and invalid JSON with 400', () => {
    const many = JSON.stringify(
      Object.fromEntries(Array.from({ length: INPUT_LIMITS.maxEntries + 1 }, (_, i) => [`k${i}`, i])),
    );
    expect(refusal(() => parse(many)).detail).toMatch(/more than/);
    expect(refusal(() => parse(JSON.stringify(Array(INPUT_LIMITS.maxEntries + 1).fill(0)))).status).toBe(400);
    expect(refusal(() => parse('{"__proto__":{"admin":true}}')).detail).toMatch(/__proto__/);
    expect(refusal(() => parse('{"a":{"constructor":{"prototype":{"x":1}}}}')).detail).toMatch(/constructor/);
    expect(refusal(() => parse(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]))).detail).toMatch(/UTF-8/);
    expect(refusal(() => parse('   ')).detail).toMatch(/empty/);
    expect(refusal(() => parse('{"a":')).detail).toMatch(/not valid JSON/);
  });

  it('names every field holding control characters or unpaired surrogates', () => {
    const error = refusal(() =>
      parse(
        JSON.stringify({
          name: 'a\u0000b',
          lines: [{ note: 'ok' }, { note: 'bell\u0007' }],
          ok: 'fine\n',
          lone: '\ud800',
        }),
      ),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.errors?.map((e) => e.field).sort()).toEqual(['lines.1.note', 'lone', 'name']);
    expect(error.errors?.[0].message).toMatch(/U\+/);
    const key = refusal(() => parse('{"bad\\u0001key":1}'));
    expect(key.errors?.[0].message).toMatch(/the name of/);
  });
});

describe('inspectParameters', () => {
  it('refuses any C0 character (even line breaks) in query and path values and names', () => {
    expect(inspectParameters({ q: 'a\u0000', sort: 'name' }).map((e) => e.field)).toEqual(['q']);
    expect(inspectParameters({ q: ['ok', 'x\ny'] }).map((e) => e.field)).toEqual(['q']);
    expect(inspectParameters({ 'a\u0001': 'x' })).toHaveLength(1);
    expect(inspectParameters({ q: 'Schrauben M8 😀' })).toEqual([]);
    expect(inspectParameters(undefined)).toEqual([]);
  });
});
