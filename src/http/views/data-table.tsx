// A table of figures: a caption, column headings, and rows whose first cell heads the row and
// whose other cells are numbers. The charts offer their numbers this way.

export interface DataTableProps {
  caption: string;
  head: string[];
  rows: Array<Array<string | number>>;
}

export function DataTable({ caption, head, rows }: DataTableProps) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th scope="col" class={i ? 'num' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>{r.map((c, i) => (i ? <td class="num">{c}</td> : <th scope="row">{c}</th>))}</tr>
        ))}
      </tbody>
    </table>
  );
}

/** The table folded away under "Show as a table", beside its chart. */
export function FoldedTable(props: DataTableProps) {
  return (
    <details>
      <summary>Show as a table</summary>
      <DataTable {...props} />
    </details>
  );
}
