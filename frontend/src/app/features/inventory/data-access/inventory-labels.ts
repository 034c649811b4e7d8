import { AdjustmentReason, MovementType, type StockMovementDto } from '@depot/contracts';

export const MOVEMENT_TYPE_LABELS: Readonly<Record<MovementType, string>> = {
  [MovementType.Receipt]: 'Receipt',
  [MovementType.Issue]: 'Issue',
  [MovementType.Adjustment]: 'Adjustment',
  [MovementType.TransferOut]: 'Transfer out',
  [MovementType.TransferIn]: 'Transfer in',
  [MovementType.Reservation]: 'Reservation',
  [MovementType.Release]: 'Release',
  [MovementType.Shipment]: 'Shipment',
  [MovementType.Return]: 'Return',
};

export const ADJUSTMENT_REASON_LABELS: Readonly<Record<AdjustmentReason, string>> = {
  [AdjustmentReason.CountCorrection]: 'Count correction',
  [AdjustmentReason.OpeningBalance]: 'Opening balance',
  [AdjustmentReason.Damaged]: 'Damaged',
  [AdjustmentReason.Lost]: 'Lost',
  [AdjustmentReason.Found]: 'Found',
  [AdjustmentReason.Expired]: 'Expired',
  [AdjustmentReason.Other]: 'Other',
};

export function movementTypeLabel(type: string): string {
  return (MOVEMENT_TYPE_LABELS as Readonly<Record<string, string>>)[type] ?? type;
}

export function reasonLabel(reason: string | null): string {
  return reason ? ((ADJUSTMENT_REASON_LABELS as Readonly<Record<string, string>>)[reason] ?? reason) : '';
}

/** A quantity change with its sign ("+10", "−4", "0"), with a real minus sign for screen readers. */
export function signedQuantity(value: number): string {
  if (value > 0) {
    return `+${value}`;
  }
  return value < 0 ? `−${Math.abs(value)}` : '0';
}

/** Who caused a movement, for people. */
export function movementActor(movement: Pick<StockMovementDto, 'actorType' | 'actorName'>): string {
  if (movement.actorName) {
    return movement.actorName;
  }
  return movement.actorType === 'system' ? 'System' : movement.actorType === 'api_key' ? 'API key' : 'Unknown user';
}

/**
 * The start of a `YYYY-MM-DD` day in the user's time zone as an ISO date-time; with `nextDay`,
 * the start of the following day (for an exclusive upper bound that includes the whole day).
 */
export function dayToIso(day: string, nextDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) {
    return undefined;
  }
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (nextDay ? 1 : 0));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
