import { ErrorCode, PartnerKind } from '@depot/contracts';
import { ConflictError, NotFoundError } from '../../platform/http/app-error';

export class PartnerNotFoundError extends NotFoundError {
  constructor(kind: PartnerKind, id: string) {
    super(
      kind === PartnerKind.Supplier ? ErrorCode.SupplierNotFound : ErrorCode.CustomerNotFound,
      `No ${kind} with id ${id}.`,
    );
  }
}

export class PartnerCodeTakenError extends ConflictError {
  constructor(kind: PartnerKind, code: string) {
    super(ErrorCode.PartnerCodeTaken, `A ${kind} with code "${code}" already exists.`);
  }
}

export class PartnerInactiveError extends ConflictError {
  constructor(kind: PartnerKind, code: string) {
    super(ErrorCode.PartnerInactive, `The ${kind} ${code} is inactive; activate it before ordering.`);
  }
}
