import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ORDER_LIMITS,
  OrderBulkAction,
  type OrderBulkAction as OrderBulkActionType,
  type OrderBulkRequest,
} from '@depot/contracts';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { BulkRequestBaseDto } from '../../../platform/http/bulk/bulk.dto';
import { OptionalOrNull } from '../../../platform/http/validators';

/** Bulk action on sales or purchase orders: `cancel` drafts. */
export class OrderBulkDto extends BulkRequestBaseDto implements OrderBulkRequest {
  @ApiProperty({ enum: Object.values(OrderBulkAction), example: OrderBulkAction.Cancel })
  @IsIn(Object.values(OrderBulkAction))
  action!: OrderBulkActionType;

  /** Note recorded in each cancelled order's status history. */
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Duplicate drafts' })
  @OptionalOrNull()
  @IsString()
  @MaxLength(ORDER_LIMITS.transitionNoteMaxLength)
  note?: string | null;
}
