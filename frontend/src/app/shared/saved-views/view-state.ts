import type { ParamMap, Params } from '@angular/router';
import { SAVED_VIEW_EXCLUDED_PARAMS } from '@depot/contracts';

/** Joins the values of a repeated parameter (`attribute=a&attribute=b`); URLs never hold a newline. */
const REPEAT_SEPARATOR = '\n';

/** A list's URL query parameters as a view's state (the paging cursor left out). */
export function stateOf(params: ParamMap): Record<string, string> {
  const state: Record<string, string> = {};
  for (const key of [...params.keys].sort()) {
    if (!SAVED_VIEW_EXCLUDED_PARAMS.includes(key)) {
      state[key] = params.getAll(key).join(REPEAT_SEPARATOR);
    }
  }
  return state;
}

/** A view's state as router query parameters (repeated parameters restored). */
export function queryParamsOf(state: Record<string, string>): Params {
  return Object.fromEntries(
    Object.entries(state).map(([key, value]) => [
      key,
      value.includes(REPEAT_SEPARATOR) ? value.split(REPEAT_SEPARATOR) : value,
    ]),
  );
}

/** Whether two states hold the same parameters with the same values. */
export function sameState(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}
