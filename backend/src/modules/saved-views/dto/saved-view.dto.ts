import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SAVED_VIEW_LIMITS,
  SAVED_VIEW_SORT_FIELDS,
  savedViewStateProblem,
  type CreateSavedViewRequest,
  type Page,
  type SavedViewDto,
  type SavedViewListQuery,
  type UpdateSavedViewRequest,
} from '@depot/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, MaxLength, Min, MinLength, ValidateBy } from 'class-validator';
import { ListQueryDto } from '../../../platform/http/pagination/list-query.dto';
import { trimString } from '../../../platform/http/transforms';
import { Optional } from '../../../platform/http/validators';

const LIST_KEY_MESSAGE = 'listKey may contain lower-case letters, digits, ".", "_" and "-"';

/** A flat string-to-string object within the saved-view limits. */
function IsViewState(): PropertyDecorator {
  return ValidateBy({
    name: 'isViewState',
    validator: {
      validate: (value: unknown) => savedViewStateProblem(value) === null,
      defaultMessage: (args) => savedViewStateProblem(args?.value) ?? 'state is invalid',
    },
  });
}

const STATE_SCHEMA = {
  type: 'object',
  maxProperties: SAVED_VIEW_LIMITS.maxStateKeys,
  additionalProperties: { type: 'string', maxLength: SAVED_VIEW_LIMITS.stateValueMaxLength },
  example: { status: 'active', sort: '-createdAt', cols: 'sku,name,price' },
} as const;

export class SavedViewResponseDto implements SavedViewDto {
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10 */
  id!: string;
  /** @example products */
  listKey!: string;
  /** @example Active, newest first */
  name!: string;
  /** The list's URL query parameters. */
  @ApiProperty(STATE_SCHEMA)
  state!: Record<string, string>;
  /** @example false */
  shared!: boolean;
  /** @example true */
  isDefault!: boolean;
  /** @example 0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c99 */
  ownerId!: string;
  /** @example Ada Admin */
  ownerName!: string;
  /** @example 1 */
  version!: number;
  /** @example 2026-11-23T10:15:30.123Z */
  createdAt!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  updatedAt!: string;
}

export class SavedViewPageDto implements Page<SavedViewDto> {
  @ApiProperty({ type: [SavedViewResponseDto] })
  items!: SavedViewResponseDto[];
  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
  /** Total matching rows, when `includeTotal=true`. */
  total?: number;
}

export class SavedViewListQueryDto extends ListQueryDto implements SavedViewListQuery {
  /** The list whose views to return. @example products */
  @ApiProperty({ pattern: SAVED_VIEW_LIMITS.listKeyPattern, maxLength: SAVED_VIEW_LIMITS.listKeyMaxLength })
  @IsString()
  @MaxLength(SAVED_VIEW_LIMITS.listKeyMaxLength)
  @Matches(new RegExp(SAVED_VIEW_LIMITS.listKeyPattern), { message: LIST_KEY_MESSAGE })
  listKey!: string;

  @ApiPropertyOptional({
    description: 'Sort field, `-` prefix for descending.',
    enum: SAVED_VIEW_SORT_FIELDS.flatMap((field) => [field, `-${field}`]),
    example: 'name',
  })
  declare sort?: string;
}

export class CreateSavedViewDto implements CreateSavedViewRequest {
  /** @example products */
  @ApiProperty({ pattern: SAVED_VIEW_LIMITS.listKeyPattern, maxLength: SAVED_VIEW_LIMITS.listKeyMaxLength })
  @IsString()
  @MaxLength(SAVED_VIEW_LIMITS.listKeyMaxLength)
  @Matches(new RegExp(SAVED_VIEW_LIMITS.listKeyPattern), { message: LIST_KEY_MESSAGE })
  listKey!: string;

  /** @example Active, newest first */
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(SAVED_VIEW_LIMITS.nameMaxLength)
  name!: string;

  /** The list's URL query parameters (a `cursor` is dropped). */
  @ApiProperty(STATE_SCHEMA)
  @IsViewState()
  state!: Record<string, string>;

  /** Visible to every user. @example false */
  @Optional()
  @IsBoolean()
  shared?: boolean;

  /** Make this your default view for the list (replaces your previous default). @example false */
  @Optional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateSavedViewDto implements UpdateSavedViewRequest {
  /** The version you read; stale -> 409. @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ maxLength: SAVED_VIEW_LIMITS.nameMaxLength, example: 'Active, newest first' })
  @Optional()
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(SAVED_VIEW_LIMITS.nameMaxLength)
  name?: string;

  @ApiPropertyOptional(STATE_SCHEMA)
  @Optional()
  @IsViewState()
  state?: Record<string, string>;

  /** @example true */
  @Optional()
  @IsBoolean()
  shared?: boolean;

  /** @example true */
  @Optional()
  @IsBoolean()
  isDefault?: boolean;
}
