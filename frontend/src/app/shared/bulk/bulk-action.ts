import type { BulkResult } from '@depot/contracts';
import type { Observable } from 'rxjs';

import type { IconName } from '../ui/icon/icon.component';

/** What an action gets: the selected ids and the operation id to send (progress is keyed by it). */
export interface BulkActionContext {
  ids: readonly string[];
  operationId: string;
}

/**
 * A button of the bulk action bar, given by the list. `run` sends the request (after a
 * confirmation or a dialog, if it wants one) and emits the result, or `null` when the user
 * cancelled; an action that only downloads (export) emits `null` too.
 */
export interface BulkAction {
  key: string;
  label: string;
  icon?: IconName;
  run(context: BulkActionContext): Observable<BulkResult | null>;
}
