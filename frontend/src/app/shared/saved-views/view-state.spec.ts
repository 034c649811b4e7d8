import { convertToParamMap } from '@angular/router';

import { queryParamsOf, sameState, stateOf } from './view-state';

describe('saved view state', () => {
  it('takes the query parameters without the cursor, repeated ones joined', () => {
    const state = stateOf(convertToParamMap({ status: 'active', cursor: 'abc', attribute: ['color:red', 'size:M'] }));
    expect(state).toEqual({ attribute: 'color:red\nsize:M', status: 'active' });
    expect(queryParamsOf(state)).toEqual({ attribute: ['color:red', 'size:M'], status: 'active' });
  });

  it('compares states by their parameters', () => {
    expect(sameState({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameState({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameState({ a: '1' }, { a: '2' })).toBe(false);
  });
});
