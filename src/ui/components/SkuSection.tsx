import type { ReactNode } from 'react';

export interface SkuColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** SKUs and EANs: set in a monospace font so that similar codes can be told apart. */
  mono?: boolean;
}

export interface SkuList<Row> {
  id: string;
  title: string;
  intro: string;
  /** Said instead of an empty table. */
  none: string;
  rows: Row[];
  rowKey: (row: Row) => string;
  /** The first column names the row (a SKU or an EAN) for screen readers. */
  columns: [SkuColumn<Row>, ...SkuColumn<Row>[]];
}

/** One list of the SKU check: what it is, why it matters, and its rows (or that there are none). */
export function SkuSection<Row>({ id, title, intro, none, rows, rowKey, columns }: SkuList<Row>) {
  const [first, ...rest] = columns;
  return (
    <section className="section card card-flush" id={id} aria-labelledby={`${id}-heading`}>
      <div className="card-flush-heading">
        <h2 id={`${id}-heading`}>
          {title} <span className="count">{rows.length}</span>
        </h2>
        <p className="muted">{intro}</p>
      </div>
      {rows.length === 0 ? (
        <p className="empty empty-flush">{none}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)}>
                  <th scope="row" data-label={first.header} className={first.mono ? 'mono' : undefined}>
                    {first.cell(row)}
                  </th>
                  {rest.map((c) => (
                    <td key={c.header} data-label={c.header} className={c.mono ? 'mono' : undefined}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
