import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ListQueryDto, SortParam, WholeListQueryOf } from './list-query.dto';

class ThingListQueryDto extends ListQueryDto {
  @SortParam(['name', 'createdAt'], '-createdAt')
  declare sort?: string;
}

/** Where @nestjs/swagger keeps a property's OpenAPI options. */
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

const ThingWholeListQueryDto = WholeListQueryOf(['name'], 'name', 'by name');

const errorsOf = (type: new () => object, query: Record<string, string>) =>
  validateSync(plainToInstance(type, query)).map((error) => error.property);

describe('list query parameters', () => {
  it.each(['name', '-name', 'createdAt', '-createdAt', ''])(
    'accepts the allowed sort %p (empty: the default)',
    (sort) => {
      expect(errorsOf(ThingListQueryDto, { sort })).toEqual([]);
    },
  );

  it.each(['password', '--name', 'name ', 'NAME', '-'])('refuses the sort %p', (sort) => {
    expect(errorsOf(ThingListQueryDto, { sort })).toEqual(['sort']);
  });

  it('documents the allowed sort values as an OpenAPI enum with the default', () => {
    const metadata = Reflect.getMetadata(SWAGGER_PROPERTY, ThingListQueryDto.prototype, 'sort') as {
      enum: string[];
      description: string;
    };
    expect(metadata.enum).toEqual(['name', '-name', 'createdAt', '-createdAt']);
    expect(metadata.description).toContain('`-createdAt`');
  });

  it('gives whole lists the same parameters, with no default page size', () => {
    const query = plainToInstance(ThingWholeListQueryDto, { sort: '-name', includeTotal: 'true' });
    expect(validateSync(query)).toEqual([]);
    expect(query.limit).toBeUndefined();
    expect(query.includeTotal).toBe(true);
    expect(errorsOf(ThingWholeListQueryDto, { sort: 'createdAt' })).toEqual(['sort']);
    expect(errorsOf(ThingWholeListQueryDto, { limit: '0' })).toEqual(['limit']);
    expect(errorsOf(ThingWholeListQueryDto, { limit: '101' })).toEqual(['limit']);
  });
});
