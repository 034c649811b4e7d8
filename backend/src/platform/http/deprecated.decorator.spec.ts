import { Controller, Get } from '@nestjs/common';
import { Deprecated, deprecationHeaders } from './deprecated.decorator';

const since = new Date('2027-01-01T00:00:00Z');
const sunset = new Date('2027-07-01T00:00:00Z');

describe('deprecationHeaders', () => {
  it('sends Deprecation as @ + Unix seconds (RFC 9745) and Sunset as an HTTP date (RFC 8594)', () => {
    expect(deprecationHeaders({ since, sunset, link: 'https://depot.dev/changelog#1.2.0' })).toEqual({
      Deprecation: '@1798761600',
      Sunset: 'Thu, 01 Jul 2027 00:00:00 GMT',
      Link: '<https://depot.dev/changelog#1.2.0>; rel="deprecation"; type="text/html"',
    });
  });

  it('refuses a sunset sooner than the policy’s six months', () => {
    expect(() => deprecationHeaders({ since, sunset: new Date('2027-03-01T00:00:00Z') })).toThrow(/180 days/);
  });
});

describe('@Deprecated', () => {
  it('sets the headers on the route and marks the operation for the OpenAPI document', () => {
    @Controller('old')
    class OldController {
      @Get()
      @Deprecated({ since, sunset, replacement: '`GET /new`' })
      list(): string[] {
        return [];
      }
    }
    const handler = Object.getOwnPropertyDescriptor(OldController.prototype, 'list')!.value as object;
    expect(Reflect.getMetadata('__headers__', handler)).toEqual([
      { name: 'Deprecation', value: '@1798761600' },
      { name: 'Sunset', value: 'Thu, 01 Jul 2027 00:00:00 GMT' },
    ]);
    expect(Reflect.getMetadata('swagger/apiExtension', handler)).toEqual({
      'x-deprecation': { since: since.toISOString(), sunset: sunset.toISOString(), replacement: '`GET /new`' },
    });
  });
});
