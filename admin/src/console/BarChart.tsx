/** @jsxImportSource react */
// The console's one bar chart: horizontal bars as plain SVG (no chart library), one bar per series
// (e.g. a year) in each category, optional grid lines, and each bar's value at its end. The figure
// is role="img"; its accessible name is the title followed by every category's values, so a screen
// reader hears what the eye sees. The tables beside the charts carry the exact numbers.

export interface BarSeries {
  /** «2021»; empty for a single series (then no legend is drawn). */
  name: string;
  /** Per category, in the unit of the chart's `max`. */
  values: number[];
}

export interface BarChartLayout {
  /** Width of the label column, in the viewBox's pixels. */
  labelWidth: number;
  /** Length of a full bar (the value `max`). */
  barWidth: number;
  /** Room after a full bar for its value. */
  valueWidth: number;
  /** Height given to each bar of a category (the bar and the space around it). */
  band: number;
  /** Space above and below each category. */
  rowGap: number;
  /** Labels wrap into lines of about this many characters… */
  chars: number;
  /** …and at most this many lines, the last cut with «…». */
  maxLines: number;
  fontSize: number;
  /** How much wider than its natural width the chart may grow on a wide screen. */
  zoom: number;
}

const defaults: BarChartLayout = {
  labelWidth: 250,
  barWidth: 300,
  valueWidth: 60,
  band: 13,
  rowGap: 10,
  chars: 36,
  maxLines: 4,
  fontSize: 12,
  zoom: 1,
};

/** Colours told apart also in grey print (distinct lightness). */
const SERIES_COLOURS = ['#1565c0', '#e65100', '#2e7d32', '#6a1b9a', '#37474f'];
const BAR = 11;
const LEGEND = 20;
const AXIS = 18;

export interface BarChartProps {
  /** What the chart shows; the start of its accessible name. */
  title: string;
  /** The rows, top to bottom; `key` is unique among them. */
  categories: { key: string; label: string }[];
  series: BarSeries[];
  /** The value a full bar stands for: 100 for percentages, 1 for shares, the largest count. */
  max: number;
  /** Grid lines at these values, labelled with formatTick; none when not given. */
  ticks?: number[];
  formatTick?: (value: number) => string;
  /** The text at a bar's end and in the accessible name. */
  formatValue: (value: number, category: number, series: number) => string;
  layout?: Partial<BarChartLayout>;
}

/**
 * A label as lines of about `chars` characters (SVG text does not wrap by itself), at most
 * `maxLines`; each line keeps its offset in the label, which tells the lines apart.
 */
export function labelLines(label: string, chars: number, maxLines: number): { text: string; offset: number }[] {
  const lines: { text: string; offset: number }[] = [];
  let offset = 0;
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > chars) {
      lines.push({ text: line, offset });
      offset += line.length + 1;
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push({ text: line, offset });
  if (lines.length <= maxLines) return lines;
  const last = lines[maxLines - 1]!;
  const rest = lines
    .slice(maxLines - 1)
    .map((one) => one.text)
    .join(' ');
  return [...lines.slice(0, maxLines - 1), { text: `${rest.slice(0, chars - 1)}…`, offset: last.offset }];
}

export function BarChart({ title, categories, series, max, ticks = [], formatTick = String, formatValue, layout }: BarChartProps) {
  const { labelWidth, barWidth, valueWidth, band, rowGap, chars, maxLines, fontSize, zoom } = { ...defaults, ...layout };
  const lineHeight = fontSize + 2;
  const legend = series.length > 1 ? LEGEND : 0;
  let plotHeight = 0;
  const rows = categories.map((category) => {
    const lines = labelLines(category.label, chars, maxLines);
    const top = plotHeight;
    plotHeight += Math.max(lines.length * lineHeight, series.length * band) + rowGap;
    return { ...category, lines, top };
  });
  const width = labelWidth + barWidth + valueWidth;
  const height = legend + plotHeight + (ticks.length > 0 ? AXIS : 4);
  const length = (value: number) => (max > 0 ? (barWidth * Math.min(Math.max(value, 0), max)) / max : 0);
  // Where a bar sits in its band, and the baseline shared by its value and the label's first line.
  const barTop = (band - BAR) / 2;
  const baseline = barTop + BAR - 2;
  const summary = categories
    .map(
      (category, c) =>
        `${category.label} — ${series.map((one, s) => `${one.name ? `${one.name} — ` : ''}${formatValue(one.values[c] ?? 0, c, s)}`).join(', ')}`,
    )
    .join('; ');
  return (
    <svg
      role="img"
      aria-label={`${title}: ${summary}`}
      width="100%"
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: width * zoom, display: 'block' }}
    >
      {series.length > 1 &&
        series.map((one, s) => (
          <g key={one.name} transform={`translate(${labelWidth + s * 70}, 0)`}>
            <rect width={10} height={10} y={2} fill={SERIES_COLOURS[s % SERIES_COLOURS.length]} />
            <text x={14} y={11} fontSize={fontSize} fill="#222">
              {one.name}
            </text>
          </g>
        ))}
      <g transform={`translate(0, ${legend})`}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={labelWidth + length(tick)} x2={labelWidth + length(tick)} y1={0} y2={plotHeight} stroke="#ddd" />
            <text x={labelWidth + length(tick)} y={plotHeight + 13} fontSize={11} textAnchor="middle" fill="#444">
              {formatTick(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, c) => (
          <g key={row.key} transform={`translate(0, ${row.top + rowGap / 2})`}>
            <text x={labelWidth - 8} y={baseline} fontSize={fontSize} textAnchor="end" fill="#222">
              {row.lines.map((line, l) => (
                <tspan key={line.offset} x={labelWidth - 8} dy={l === 0 ? 0 : lineHeight}>
                  {line.text}
                </tspan>
              ))}
            </text>
            {series.map((one, s) => {
              const value = one.values[c] ?? 0;
              const bar = value > 0 ? Math.max(length(value), 1) : 0;
              return (
                <g key={one.name} transform={`translate(0, ${s * band})`}>
                  <rect x={labelWidth} y={barTop} width={bar} height={BAR} fill={SERIES_COLOURS[s % SERIES_COLOURS.length]} />
                  <text x={labelWidth + bar + 4} y={baseline} fontSize={11} fill="#222">
                    {formatValue(value, c, s)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </g>
    </svg>
  );
}
