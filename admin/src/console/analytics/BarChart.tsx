/** @jsxImportSource react */
// Horizontal bars of shares (0–100 %) as plain SVG, one bar per series (a year) in each category
// (an option). The figure is role="img" with a summary for screen readers; the table beside it
// carries the exact numbers.
import { Box } from '@mui/material';
import { formatShare } from './format.ts';

export interface BarSeries {
  /** «2021»; empty for a single series. */
  name: string;
  /** Per category, 0–1. */
  shares: number[];
}

/** Colours told apart also in grey print (distinct lightness). */
export const SERIES_COLOURS = ['#1565c0', '#e65100', '#2e7d32', '#6a1b9a', '#37474f'];

const LABEL = 250;
const BAR = 300;
const BAR_HEIGHT = 13;
const LINE = 14;
const CHARS = 36;

/** Splits a label into lines of about CHARS characters (SVG text does not wrap by itself). */
function lines(label: string): string[] {
  const result: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && line.length + word.length + 1 > CHARS) {
      result.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) result.push(line);
  return result.length > 4
    ? [
        ...result.slice(0, 3),
        `${result
          .slice(3)
          .join(' ')
          .slice(0, CHARS - 1)}…`,
      ]
    : result;
}

export function BarChart({ title, categories, series }: { title: string; categories: string[]; series: BarSeries[] }) {
  const labelled = categories.map(lines);
  const rowHeights = labelled.map((label) => Math.max(label.length * LINE, series.length * BAR_HEIGHT) + 10);
  const tops = rowHeights.map((_, index) => rowHeights.slice(0, index).reduce((sum, height) => sum + height, 0));
  const legend = series.length > 1 ? 20 : 0;
  const plotHeight = rowHeights.reduce((sum, height) => sum + height, 0);
  const height = legend + plotHeight + 18;
  const summary = categories
    .map((category, c) => `${category}: ${series.map((one) => `${one.name ? `${one.name} — ` : ''}${formatShare(one.shares[c] ?? 0)}`).join(', ')}`)
    .join('; ');
  return (
    <Box sx={{ flex: '1 1 480px', minWidth: 320, maxWidth: (LABEL + BAR + 60) * 1.1 }}>
      <svg role="img" aria-label={`${title}. ${summary}`} width="100%" viewBox={`0 0 ${LABEL + BAR + 60} ${height}`}>
        {series.length > 1 &&
          series.map((one, s) => (
            <g key={one.name} transform={`translate(${LABEL + s * 70}, 0)`}>
              <rect width={10} height={10} y={2} fill={SERIES_COLOURS[s % SERIES_COLOURS.length]} />
              <text x={14} y={11} fontSize="12" fill="#222">
                {one.name}
              </text>
            </g>
          ))}
        <g transform={`translate(0, ${legend})`}>
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick}>
              <line x1={LABEL + (BAR * tick) / 100} x2={LABEL + (BAR * tick) / 100} y1={0} y2={plotHeight} stroke="#ddd" />
              <text x={LABEL + (BAR * tick) / 100} y={plotHeight + 13} fontSize="11" textAnchor="middle" fill="#444">
                {tick} %
              </text>
            </g>
          ))}
          {labelled.map((label, c) => (
            <g key={c} transform={`translate(0, ${tops[c]! + 5})`}>
              <text x={LABEL - 8} y={10} fontSize="12" textAnchor="end" fill="#222">
                {label.map((text, l) => (
                  <tspan key={l} x={LABEL - 8} dy={l === 0 ? 0 : LINE}>
                    {text}
                  </tspan>
                ))}
              </text>
              {series.map((one, s) => {
                const share = one.shares[c] ?? 0;
                return (
                  <g key={one.name} transform={`translate(0, ${s * BAR_HEIGHT})`}>
                    <rect
                      x={LABEL}
                      y={0}
                      width={Math.max(BAR * share, share > 0 ? 1 : 0)}
                      height={BAR_HEIGHT - 2}
                      fill={SERIES_COLOURS[s % SERIES_COLOURS.length]}
                    />
                    <text x={LABEL + BAR * share + 4} y={BAR_HEIGHT - 3} fontSize="11" fill="#222">
                      {formatShare(share)}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </g>
      </svg>
    </Box>
  );
}
