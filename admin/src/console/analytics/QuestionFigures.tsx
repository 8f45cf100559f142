/** @jsxImportSource react */
// One question's figures: options with counts and shares (per year for a year matrix) beside a
// bar chart, statistics of numbers, or only how many answered.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '../BarChart.tsx';
import { NumbersHead } from '../NumbersHead.tsx';
import { countWithShare, formatNumber, formatShare } from './format.ts';
import type { NumberStats, OptionShare, QuestionFigures as Figures } from '../operations.ts';

const title = (question: Figures) => (question.number ? `${question.number}. ${question.label}` : question.label);

function OptionsTable({ question, columns }: { question: Figures; columns: { name: string; answered: number; options: OptionShare[] }[] }) {
  const options = columns[0]!.options;
  return (
    <Table size="small" aria-label={title(question)} sx={{ flex: '1 1 420px', minWidth: 320, alignSelf: 'flex-start' }}>
      <NumbersHead label="Вариант ответа" columns={columns.map((column) => column.name || 'Количество (доля)')} />
      <TableBody>
        {options.map((option, o) => (
          <TableRow key={option.code}>
            <TableCell component="th" scope="row">
              {option.label}
            </TableCell>
            {columns.map((column) => (
              <TableCell key={column.name} align="right" sx={{ whiteSpace: 'nowrap' }}>
                {countWithShare(column.options[o]!.count, column.options[o]!.share)}
              </TableCell>
            ))}
          </TableRow>
        ))}
        <TableRow>
          <TableCell component="th" scope="row">
            Ответили
          </TableCell>
          {columns.map((column) => (
            <TableCell key={column.name} align="right">
              {formatNumber(column.answered)}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}

function NumbersTable({ question, rows }: { question: Figures; rows: { name: string; answered: number; numbers: NumberStats | null }[] }) {
  const perYear = rows.length > 1 || rows[0]?.name;
  return (
    <Table size="small" aria-label={title(question)} sx={{ maxWidth: 760 }}>
      <TableHead>
        <TableRow>
          {perYear && (
            <TableCell component="th" scope="col">
              Год
            </TableCell>
          )}
          {['Ответили', 'Среднее', 'Минимум', 'Максимум', 'Медиана'].map((name) => (
            <TableCell key={name} component="th" scope="col" align="right">
              {name}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.name}>
            {perYear && (
              <TableCell component="th" scope="row">
                {row.name}
              </TableCell>
            )}
            <TableCell align="right">{formatNumber(row.answered)}</TableCell>
            <TableCell align="right">{formatNumber(row.numbers?.mean)}</TableCell>
            <TableCell align="right">{formatNumber(row.numbers?.min)}</TableCell>
            <TableCell align="right">{formatNumber(row.numbers?.max)}</TableCell>
            <TableCell align="right">{formatNumber(row.numbers?.median)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function QuestionFigures({ question }: { question: Figures }) {
  const years = question.years;
  const choiceColumns = years
    ? years.every((year) => year.options) && years.map((year) => ({ name: String(year.year), answered: year.answered, options: year.options! }))
    : question.options && [{ name: '', answered: question.answered, options: question.options }];
  const numeric = question.type === 'number' || question.cellType === 'number';
  const numberRows =
    numeric &&
    (years
      ? years.map((year) => ({ name: String(year.year), answered: year.answered, numbers: year.numbers }))
      : [{ name: '', answered: question.answered, numbers: question.numbers }]);
  const multiple = question.type === 'multipleChoice' || question.cellType === 'multipleChoice';
  return (
    <Box component="article" aria-labelledby={`q-${question.code}`} sx={{ display: 'grid', gap: 1, breakInside: 'avoid' }}>
      <Typography variant="subtitle1" component="h3" id={`q-${question.code}`} sx={{ fontWeight: 600 }}>
        {title(question)}
      </Typography>
      {choiceColumns ? (
        <>
          {multiple && (
            <Typography variant="body2" color="text.secondary">
              Можно было выбрать несколько вариантов: доли считаются от ответивших, их сумма может превышать 100 %.
            </Typography>
          )}
          <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <OptionsTable question={question} columns={choiceColumns} />
            <Box sx={{ flex: '1 1 480px', minWidth: 320 }}>
              <BarChart
                title={`${title(question)}, доля ответивших`}
                categories={choiceColumns[0]!.options.map((option) => ({ key: option.code, label: option.label }))}
                series={choiceColumns.map((column) => ({ name: column.name, values: column.options.map((option) => option.share) }))}
                max={1}
                ticks={[0, 0.25, 0.5, 0.75, 1]}
                formatTick={formatShare}
                formatValue={formatShare}
                layout={{ zoom: 1.1 }}
              />
            </Box>
          </Box>
        </>
      ) : numberRows ? (
        <NumbersTable question={question} rows={numberRows} />
      ) : (
        <Typography variant="body2">
          Ответили: {formatNumber(question.answered)}
          {question.type === 'region' ? ' (регионы без отправленных анкет — в конце страницы)' : ' (сами ответы — в карточках анкет и в выгрузке)'}
        </Typography>
      )}
    </Box>
  );
}
