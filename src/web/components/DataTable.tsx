import type { ReactNode } from 'react';
import { classNames } from './classNames';

export interface Column {
  key: string;
  header: ReactNode;
  /** The header is for screen readers only (a column of buttons). */
  hideHeader?: boolean;
}

interface DataTableProps<T> {
  /** What the table lists, for screen readers. */
  caption: ReactNode;
  columns: readonly Column[];
  rows: readonly T[];
  /** Draws one row: a `<tr>` with its key. */
  children: (row: T) => ReactNode;
  /** Said across the table when there are no rows (unset: the body stays empty). */
  empty?: ReactNode;
  className?: string;
  wrapClassName?: string;
}

/** A table of records in its scrolling frame, with a caption and column headers. */
export function DataTable<T>({ caption, columns, rows, children, empty, className, wrapClassName }: DataTableProps<T>) {
  return (
    <div className={classNames('table-wrap', wrapClassName)}>
      <table className={classNames('data-table', className)}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => children(row))}
        </tbody>
      </table>
    </div>
  );
}
