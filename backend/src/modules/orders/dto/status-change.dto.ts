import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORDER_LIMITS, type OrderTransitionRequest, type StatusChangeDto } from '@depot/contracts';
import { IsInt, IsString, MaxLength, Min } from 'class-validator';
import { OptionalOrNull } from '../../../platform/http/validators';

export class StatusChangeActorDto {
  /** @example user */
  type!: string;
  @ApiProperty({ type: String, nullable: true })
  id!: string | null;
  /** @example admin@depot.local */
  label!: string;
}

export class StatusChangeResponseDto implements StatusChangeDto {
  @ApiProperty({ type: String, nullable: true, example: 'draft' })
  from!: string | null;
  /** @example submitted */
  to!: string;
  /** @example 2026-11-23T10:15:30.123Z */
  at!: string;
  actor!: StatusChangeActorDto;
  @ApiProperty({ type: String, nullable: true, example: null })
  note!: string | null;
}

/** Body of the order actions (submit, confirm, cancel, invoice). */
export class OrderTransitionDto implements OrderTransitionRequest {
  /** The version you read; stale -> 409. @example 1 */
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Customer called' })
  @OptionalOrNull()
  @IsString()
  @MaxLength(ORDER_LIMITS.transitionNoteMaxLength)
  note?: string | null;
}
