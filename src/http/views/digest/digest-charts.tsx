// The digest's two charts, each with the same numbers as a table: the values chosen this
// month, and thank-yous sent in each of the last 12 months.
import type { Digest, DigestTrend } from '../../../domain/digest';
import { DataTable, FoldedTable, type DataTableProps } from '../data-table';
import { monthLabel } from '../format';
import { MonthlyBarChart, ValueBarsChart } from '../svg-charts';

const valuesTable = (d: Digest): DataTableProps => ({
  caption: `Values chosen in ${monthLabel(d.month)}`,
  head: ['Value', 'Thank-yous'],
  rows: d.values.map((v) => [v.value, v.slips]),
});

const trendTable = (trend: DigestTrend): DataTableProps => ({
  caption: 'Thank-yous sent each month',
  head: ['Month', 'Thank-yous'],
  rows: trend.map((t) => [monthLabel(t.month), t.slips]),
});

/** `folded`: the table under "Show as a table" (on screen), or always shown (on paper). */
export function ValuesChart({ d, folded }: { d: Digest; folded: boolean }) {
  if (!d.values.length) return <p>No values were chosen this month.</p>;
  const Table = folded ? FoldedTable : DataTable;
  return (
    <>
      <ValueBarsChart
        values={d.values.map((v) => ({ value: v.value, count: v.slips }))}
        id="values-chart"
        title={`Values chosen in ${monthLabel(d.month)}`}
      />
      <Table {...valuesTable(d)} />
    </>
  );
}

export function TrendChart({ trend, folded }: { trend: DigestTrend; folded: boolean }) {
  const Table = folded ? FoldedTable : DataTable;
  return (
    <>
      <MonthlyBarChart
        points={trend.map((t) => ({ month: t.month, count: t.slips }))}
        id="trend-chart"
        title="Thank-yous sent each month"
      />
      <Table {...trendTable(trend)} />
    </>
  );
}
