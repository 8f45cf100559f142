/** @jsxImportSource react */
// Average completion by region as horizontal bars, the regions that have started, best first.
import { Card, CardContent, Typography } from '@mui/material';
import { BarChart } from '../BarChart.tsx';
import type { RegionCompletion } from '../operations.ts';

export function CompletionChart({ regions }: { regions: RegionCompletion[] }) {
  const rows = regions.filter((region) => region.participates).sort((a, b) => b.completion - a.completion || a.name.localeCompare(b.name, 'ru'));
  return (
    <Card variant="outlined" component="section" aria-labelledby="chart-title">
      <CardContent>
        <Typography variant="h6" component="h2" id="chart-title">
          Заполненность анкет по регионам, %
        </Typography>
        {rows.length === 0 ? (
          <Typography color="text.secondary">Пока ни один регион не приступил к заполнению.</Typography>
        ) : (
          <BarChart
            title="Заполненность по регионам"
            categories={rows.map((row) => ({ key: row.code, label: row.name }))}
            series={[{ name: '', values: rows.map((row) => row.completion) }]}
            max={100}
            ticks={[0, 50, 100]}
            formatTick={(tick) => `${tick}%`}
            formatValue={(value) => `${value}%`}
            layout={{
              labelWidth: 240,
              barWidth: 420,
              valueWidth: 48,
              band: 16,
              rowGap: 0,
              chars: Number.POSITIVE_INFINITY,
              maxLines: 1,
              fontSize: 11,
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}
