import { PurchaseOrderStatus, SalesOrderStatus, type PurchaseOrderDto, type SalesOrderDto } from '@depot/contracts';

/**
 * When a record has which document, as the server decides it (it answers 409
 * `DOCUMENTS.NOT_AVAILABLE` otherwise). Each function returns why the document is not there yet,
 * in a few words for a disabled menu item or button, or `null` when it is.
 */

/** Statuses in which an order has been confirmed to the customer. */
const CONFIRMED: readonly SalesOrderStatus[] = [
  SalesOrderStatus.Confirmed,
  SalesOrderStatus.PartiallyFulfilled,
  SalesOrderStatus.Fulfilled,
  SalesOrderStatus.Invoiced,
];

export function confirmationUnavailable(order: Pick<SalesOrderDto, 'status'>): string | null {
  if (CONFIRMED.includes(order.status)) {
    return null;
  }
  return order.status === SalesOrderStatus.Cancelled ? 'None for a cancelled order' : 'Once the order is confirmed';
}

export function deliveryNoteUnavailable(order: Pick<SalesOrderDto, 'lines'>): string | null {
  return order.lines.some((line) => line.fulfilledQuantity > 0) ? null : 'Once something has shipped';
}

export function purchaseOrderUnavailable(order: Pick<PurchaseOrderDto, 'status'>): string | null {
  switch (order.status) {
    case PurchaseOrderStatus.Draft:
      return 'Once the order is submitted';
    case PurchaseOrderStatus.Cancelled:
      return 'None for a cancelled order';
    default:
      return null;
  }
}
