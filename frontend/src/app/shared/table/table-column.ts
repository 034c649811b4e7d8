/** One column of a `app-data-table`. */
export interface TableColumn<T> {
  key: string;
  label: string;
  /** The server's sort field (from the contracts' allowlist); leave out for an unsortable column. */
  sortField?: string;
  /** Direction of the first click (dates usually start newest first). */
  sortStart?: 'asc' | 'desc';
  /** The cell text when there is no `appCell` template. */
  value?: (row: T) => string | number | null | undefined;
  /** Whether the column chooser may hide it (default true). */
  hideable?: boolean;
  /** Hidden until chosen in the column chooser. */
  hiddenByDefault?: boolean;
  align?: 'start' | 'end';
  /** On phones: `title` heads the card, `hidden` leaves the column out, `field` (default) is a line. */
  card?: 'title' | 'field' | 'hidden';
  /** The header says its label to screen readers only (e.g. an actions column). */
  labelHidden?: boolean;
  /** Keep the cell on one line. */
  nowrap?: boolean;
}
