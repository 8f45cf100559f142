/** @jsxImportSource react */
// Average completion by region as horizontal bars, drawn as plain SVG (no chart library).
import { Card, CardContent, Typography } from '@mui/material';
import type { RegionCompletion } from './queries.ts';

const ROW = 16;
const LABEL = 240;
const BAR = 420;

export function CompletionChart({ regions }: { regions: RegionCompletion[] }) {
  const rows = regions.filter((region) => region.participates).sort((a, b) => b.completion - a.completion || a.name.localeCompare(b.name, 'ru'));
  const height = Math.max(rows.length, 1) * ROW + 24;
  return (
    <Card variant="outlined" component="section" aria-labelledby="chart-title">
      <CardContent>
        <Typography variant="h6" component="h2" id="chart-title">
          Заполненность анкет по регионам, %
        </Typography>
        {rows.length === 0 ? (
          <Typography color="text.secondary">Пока ни один регион не приступил к заполнению.</Typography>
        ) : (
          <svg
            role="img"
            aria-label={`Заполненность по регионам: ${rows.map((row) => `${row.name} ${row.completion}%`).join(', ')}`}
            width="100%"
            viewBox={`0 0 ${LABEL + BAR + 48} ${height}`}
            style={{ maxWidth: LABEL + BAR + 48 }}
          >
            {[0, 50, 100].map((tick) => (
              <g key={tick}>
                <line x1={LABEL + (BAR * tick) / 100} x2={LABEL + (BAR * tick) / 100} y1={0} y2={height - 16} stroke="#ccc" />
                <text x={LABEL + (BAR * tick) / 100} y={height - 4} fontSize="10" textAnchor="middle" fill="#444">
                  {tick}%
                </text>
              </g>
            ))}
            {rows.map((row, index) => (
              <g key={row.code} transform={`translate(0, ${index * ROW})`}>
                <text x={LABEL - 6} y={ROW - 4} fontSize="11" textAnchor="end" fill="#222">
                  {row.name}
                </text>
                <rect x={LABEL} y={3} width={(BAR * row.completion) / 100} height={ROW - 5} fill="#1565c0" />
                <text x={LABEL + (BAR * row.completion) / 100 + 4} y={ROW - 4} fontSize="11" fill="#222">
                  {row.completion}%
                </text>
              </g>
            ))}
          </svg>
        )}
      </CardContent>
    </Card>
  );
}
