/** class-transformer `@Transform`: trims strings, leaves anything else for the validators. */
export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
