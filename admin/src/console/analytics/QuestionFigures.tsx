/** @jsxImportSource react */
// One question's figures: options with counts and shares per column (a year of a matrix, the years
// pooled, or the question itself) beside a bar chart, with n, «не применимо» and the share method
// under every table; statistics of numbers with the total and the regions at the extremes; free-text
// answers; the fields of a repeatable group (the practices' level, the measures' type) each as a
// table of its own. Suppressed figures (a publication's disclosure control) show as «<N».
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '../BarChart.tsx';
import { NumbersHead } from '../NumbersHead.tsx';
import type { AnalyticsColumn, FieldFigures, QuestionFigures as Figures, RegionRef } from '../operations.ts';
import {
  formatNumber,
  formatShare,
  hiddenMark,
  methodNote,
  type NamedColumn,
  questionColumns,
  questionTitle,
  suppressionNote,
  byMentions,
} from '../../../../api/src/services/analyticsReport.ts';

const title = questionTitle;

type Column = NamedColumn<AnalyticsColumn>;

const hidden = hiddenMark;
const regionNames = (regions: RegionRef[]) => regions.map((region) => region.name).join(', ');

function OptionsTable({ label, columns, threshold }: { label: string; columns: Column[]; threshold: number | null }) {
  const options = columns[0]!.options!;
  const showNotApplicable = columns.some((column) => column.notApplicable > 0);
  return (
    <Table size="small" aria-label={label} sx={{ flex: '1 1 420px', minWidth: 320, alignSelf: 'flex-start' }}>
      <NumbersHead label="Вариант ответа" columns={columns.map((column) => column.name || 'Количество (доля)')} />
      <TableBody>
        {options.map((option, o) => (
          <TableRow key={option.code}>
            <TableCell component="th" scope="row">
              {option.label}
            </TableCell>
            {columns.map((column) => {
              const cell = column.options![o]!;
              return (
                <TableCell key={column.name} align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {cell.suppressed || cell.count === null ? hidden(threshold) : `${formatNumber(cell.count)} (${formatShare(cell.share ?? 0)})`}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
        <TableRow>
          <TableCell component="th" scope="row">
            Ответили (n)
          </TableCell>
          {columns.map((column) => (
            <TableCell key={column.name} align="right">
              {column.answered === null ? hidden(threshold) : formatNumber(column.answered)}
            </TableCell>
          ))}
        </TableRow>
        {byMentions(columns[0]!) && (
          <TableRow>
            <TableCell component="th" scope="row">
              Упоминаний
            </TableCell>
            {columns.map((column) => (
              <TableCell key={column.name} align="right">
                {column.mentions === null ? hidden(threshold) : formatNumber(column.mentions)}
              </TableCell>
            ))}
          </TableRow>
        )}
        {showNotApplicable && (
          <TableRow>
            <TableCell component="th" scope="row">
              Не применимо
            </TableCell>
            {columns.map((column) => (
              <TableCell key={column.name} align="right">
                {formatNumber(column.notApplicable)}
              </TableCell>
            ))}
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

function ChoiceFigures({ label, columns, type, threshold }: { label: string; columns: Column[]; type: string | null; threshold: number | null }) {
  const options = columns[0]!.options!;
  const withRegions = options.filter((option) => columns.some((column) => column.options!.find((one) => one.code === option.code)!.regions.length));
  return (
    <>
      <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <OptionsTable label={label} columns={columns} threshold={threshold} />
        <Box sx={{ flex: '1 1 480px', minWidth: 320 }}>
          <BarChart
            title={`${label}, ${byMentions(columns[0]!) ? 'доля упоминаний' : 'доля ответивших'}`}
            categories={options.map((option) => ({ key: option.code, label: option.label }))}
            series={columns.map((column) => ({ name: column.name, values: column.options!.map((option) => option.share ?? 0) }))}
            max={1}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            formatTick={formatShare}
            formatValue={formatShare}
            layout={{ zoom: 1.1 }}
          />
        </Box>
      </Box>
      <Typography variant="body2" color="text.secondary" data-testid="method-note">
        {methodNote(columns, type)}
        {columns.some((column) => column.suppressed) && ` ${suppressionNote(threshold)}`}
      </Typography>
      {withRegions.length > 0 && (
        <details className="analytics-regions">
          <summary>Регионы по вариантам ответа</summary>
          {columns.map((column) => (
            <Box key={column.name} sx={{ mt: 1 }}>
              {columns.length > 1 && <Typography variant="subtitle2">{column.name}</Typography>}
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {column
                  .options!.filter((option) => option.regions.length > 0)
                  .map((option) => (
                    <li key={option.code}>
                      {option.label}: {regionNames(option.regions)}
                    </li>
                  ))}
              </Box>
            </Box>
          ))}
        </details>
      )}
    </>
  );
}

function NumbersTable({ label, columns, threshold }: { label: string; columns: Column[]; threshold: number | null }) {
  const perYear = columns.length > 1 || columns[0]?.name;
  const extreme = (value: number | undefined, regions: RegionRef[] | undefined) =>
    value === undefined ? '—' : `${formatNumber(value)}${regions?.length ? ` (${regionNames(regions)})` : ''}`;
  return (
    <>
      <Table size="small" aria-label={label} sx={{ maxWidth: 1100 }}>
        <TableHead>
          <TableRow>
            {perYear && (
              <TableCell component="th" scope="col">
                Год
              </TableCell>
            )}
            {['Ответили (n)', 'Сумма', 'Среднее', 'Минимум', 'Максимум', 'Медиана'].map((name) => (
              <TableCell key={name} component="th" scope="col" align="right">
                {name}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {columns.map((column) => (
            <TableRow key={column.name}>
              {perYear && (
                <TableCell component="th" scope="row">
                  {column.name}
                </TableCell>
              )}
              <TableCell align="right">{column.answered === null ? hidden(threshold) : formatNumber(column.answered)}</TableCell>
              <TableCell align="right">{formatNumber(column.numbers?.sum)}</TableCell>
              <TableCell align="right">{formatNumber(column.numbers?.mean)}</TableCell>
              <TableCell align="right">{extreme(column.numbers?.min, column.numbers?.minRegions)}</TableCell>
              <TableCell align="right">{extreme(column.numbers?.max, column.numbers?.maxRegions)}</TableCell>
              <TableCell align="right">{formatNumber(column.numbers?.median)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2" color="text.secondary">
        n — ответившие на вопрос за год; минимум и максимум — с регионами, давшими эти ответы.
        {columns.some((column) => column.suppressed) && ` «—» — скрыто: меньше ${threshold ?? 3} ответов.`}
      </Typography>
    </>
  );
}

function Texts({ label, columns, open }: { label: string; columns: Column[]; open: boolean }) {
  const texts = columns.flatMap((column) => (column.texts ?? []).map((text, t) => ({ ...text, year: column.name, key: `${column.name}-${t}` })));
  const total = columns.reduce((sum, column) => sum + column.textsTotal, 0);
  if (!texts.length) return null;
  const list = (
    <Box component="ol" aria-label={label} sx={{ m: 0, pl: 4 }}>
      {texts.map((text) => (
        <li key={text.key}>
          {text.text}
          {text.region ? ` — ${text.region.name}` : ''}
          {text.year && columns.length > 1 ? ` (${text.year})` : ''}
        </li>
      ))}
    </Box>
  );
  return open ? (
    list
  ) : (
    <details>
      <summary>
        Ответы ({formatNumber(total)}
        {total > texts.length ? `, показаны ${formatNumber(texts.length)}` : ''})
      </summary>
      {list}
    </details>
  );
}

const columnsOf = (question: Figures): Column[] => questionColumns(question) as Column[];

function ColumnsFigures({
  label,
  columns,
  type,
  threshold,
  textsOpen,
}: {
  label: string;
  columns: Column[];
  type: string | null;
  threshold: number | null;
  textsOpen: boolean;
}) {
  if (columns[0]!.options) return <ChoiceFigures label={label} columns={columns} type={type} threshold={threshold} />;
  if (type === 'number') return <NumbersTable label={label} columns={columns} threshold={threshold} />;
  const yearly = columns.filter((column) => column.name && !column.name.includes('–'));
  const listed = yearly.length ? yearly : columns;
  return (
    <>
      <Typography variant="body2">
        Ответили (n):{' '}
        {columns
          .map((column) => `${column.name ? `${column.name} — ` : ''}${column.answered === null ? hidden(threshold) : formatNumber(column.answered)}`)
          .join(', ')}
      </Typography>
      <Texts label={label} columns={listed} open={textsOpen} />
    </>
  );
}

function FieldBlock({ question, field, threshold }: { question: Figures; field: FieldFigures; threshold: number | null }) {
  const label = `${title(question)}: ${field.label}`;
  if (field.type === 'longText') return null;
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography variant="subtitle2" component="h4">
        {field.caption ?? field.label}
      </Typography>
      <ColumnsFigures label={field.caption ?? label} columns={[{ ...field, name: '' }]} type={field.type} threshold={threshold} textsOpen={false} />
    </Box>
  );
}

export function QuestionFigures({ question, threshold = null }: { question: Figures; threshold?: number | null }) {
  const type = question.cellType ?? question.type;
  const label = question.caption ?? title(question);
  return (
    <Box component="article" aria-labelledby={`q-${question.code}`} sx={{ display: 'grid', gap: 1, breakInside: 'avoid' }}>
      <Typography variant="subtitle1" component="h3" id={`q-${question.code}`} sx={{ fontWeight: 600 }}>
        {question.caption ? (
          <>
            {question.caption}
            <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
              {title(question)}
            </Typography>
          </>
        ) : (
          title(question)
        )}
      </Typography>
      {question.fields ? (
        <>
          <Typography variant="body2">
            Ответили (n): {question.answered === null ? hidden(threshold) : formatNumber(question.answered)}; всего записей:{' '}
            {formatNumber(question.items)}. Доли полей — от числа записей, ответивших на поле.
          </Typography>
          {question.fields.map((field) => (
            <FieldBlock key={field.code} question={question} field={field} threshold={threshold} />
          ))}
        </>
      ) : (
        <ColumnsFigures
          label={label}
          columns={columnsOf(question)}
          type={question.type === 'region' ? 'region' : type}
          threshold={threshold}
          textsOpen={Boolean(question.caption)}
        />
      )}
    </Box>
  );
}
