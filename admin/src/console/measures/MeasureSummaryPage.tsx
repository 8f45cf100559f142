/** @jsxImportSource react */
// «Measures by type group, type and region»: the counts the API makes in the database, as tables
// (each row opens the matching measures) and as bar charts (BarChart.tsx).
import { useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CircularProgress,
  FormControlLabel,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { Link } from 'react-router-dom';
import { Title } from 'react-admin';
import { countOf } from '../../../../api/src/i18n/plural.ts';
import { BarChart } from '../BarChart.tsx';
import { NumbersHead } from '../NumbersHead.tsx';
import { CampaignSelect } from '../campaigns/CampaignSelect.tsx';
import { currentCampaign, useCampaignChoice, useConsoleQuery } from '../hooks.ts';

const percent = (share: number) => `${(share * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })}%`;
const measuresWord = (n: number) => countOf(n, ['мероприятие', 'мероприятия', 'мероприятий']);

/** A link to the measures list with the given filter on top of the summary's own. */
const listLink = (filter: Record<string, unknown>) => `/Measure?filter=${encodeURIComponent(JSON.stringify(filter))}`;

interface CountRow {
  key: string;
  name: string;
  count: number;
  share: number;
}

/** Counts as bars scaled to the largest, each with its share. */
function CountChart({ title, rows }: { title: string; rows: CountRow[] }) {
  return (
    <BarChart
      title={title}
      categories={rows.map((row) => ({ key: row.key, label: row.name }))}
      series={[{ name: '', values: rows.map((row) => row.count) }]}
      max={Math.max(...rows.map((row) => row.count), 1)}
      formatValue={(count, c) => `${count} (${percent(rows[c]?.share ?? 0)})`}
      layout={{ labelWidth: 300, barWidth: 380, valueWidth: 90, band: 18, rowGap: 0, chars: 44, maxLines: 1, fontSize: 11 }}
    />
  );
}

export function MeasureSummaryPage() {
  const { campaigns, error: loadError, campaignCode, choose } = useCampaignChoice(currentCampaign);
  const [submittedOnly, setSubmittedOnly] = useState(true);
  const { data: summary, error: failure } = useConsoleQuery(
    ['measureSummary', campaignCode, submittedOnly],
    (dataProvider) => dataProvider.measureSummary(campaignCode, submittedOnly),
    { enabled: Boolean(campaignCode) },
  );
  const error = failure?.message;

  const base = { campaignCode, ...(submittedOnly ? { submittedOnly: true } : {}) };
  const types =
    summary?.groups.flatMap((group) => group.types.map((type) => ({ key: type.typeId, name: type.name, count: type.count, share: type.share }))) ??
    [];
  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2, maxWidth: 1100 }}>
      <Title title="Мероприятия по итогам НОК: сводка" />
      <Typography variant="h5" component="h1">
        Мероприятия по типам и субъектам РФ
      </Typography>
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {campaigns && (
        <Box sx={{ display: 'flex', gap: 3, alignItems: 'center', flexWrap: 'wrap' }}>
          <CampaignSelect campaigns={campaigns} value={campaignCode} onChange={choose} sx={{ minWidth: 320 }} />
          <FormControlLabel
            control={<Switch checked={submittedOnly} onChange={(event) => setSubmittedOnly(event.target.checked)} />}
            label="Только отправленные анкеты"
          />
        </Box>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {!summary && !error && <CircularProgress aria-label="Загрузка" />}
      {summary && (
        <>
          <Typography data-testid="measure-total">
            Всего: {measuresWord(summary.total)}
            {summary.untyped > 0 ? `, из них без выбранного типа: ${summary.untyped}` : ''}
            {summary.submittedOnly ? ' (только отправленные анкеты).' : ' (включая черновики).'}
          </Typography>
          <Card variant="outlined" component="section" aria-labelledby="by-type-title">
            <CardContent sx={{ display: 'grid', gap: 2 }}>
              <Typography variant="h6" component="h2" id="by-type-title">
                По группам и типам мер
              </Typography>
              <Table size="small" aria-labelledby="by-type-title">
                <NumbersHead label="Группа и тип меры" columns={['Мероприятий', 'Доля']} />
                <TableBody>
                  {summary.groups.flatMap((group) => [
                    <TableRow key={`g${group.groupId}`} data-testid="summary-group">
                      <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                        <Link to={listLink({ ...base, groupId: group.groupId })}>{group.name}</Link>
                      </TableCell>
                      <TableCell align="right" sx={{ fontWeight: 600 }}>
                        {group.count}
                      </TableCell>
                      <TableCell align="right" sx={{ fontWeight: 600 }}>
                        {percent(group.share)}
                      </TableCell>
                    </TableRow>,
                    ...group.types.map((type) => (
                      <TableRow key={`t${type.typeId}`} data-testid="summary-type">
                        <TableCell component="th" scope="row" sx={{ pl: 4 }}>
                          <Link to={listLink({ ...base, typeId: type.typeId })}>{type.name}</Link>
                        </TableCell>
                        <TableCell align="right">{type.count}</TableCell>
                        <TableCell align="right">{percent(type.share)}</TableCell>
                      </TableRow>
                    )),
                  ])}
                </TableBody>
              </Table>
              <CountChart title="Мероприятия по типам мер" rows={types} />
            </CardContent>
          </Card>
          <Card variant="outlined" component="section" aria-labelledby="by-region-title">
            <CardContent sx={{ display: 'grid', gap: 2 }}>
              <Typography variant="h6" component="h2" id="by-region-title">
                По субъектам РФ
              </Typography>
              {summary.regions.length === 0 ? (
                <Typography color="text.secondary">Пока ни один субъект РФ не сообщил о мероприятиях.</Typography>
              ) : (
                <>
                  <Table size="small" aria-labelledby="by-region-title">
                    <NumbersHead label="Субъект РФ" columns={['Мероприятий', 'Доля', 'Органов власти', 'Анкет']} />
                    <TableBody>
                      {summary.regions.map((region) => (
                        <TableRow key={region.regionId} data-testid="summary-region">
                          <TableCell component="th" scope="row">
                            <Link to={listLink({ ...base, regionId: region.regionId })}>{region.name}</Link>
                          </TableCell>
                          <TableCell align="right">{region.count}</TableCell>
                          <TableCell align="right">{percent(region.share)}</TableCell>
                          <TableCell align="right">{region.authorities}</TableCell>
                          <TableCell align="right">{region.responses}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                  <CountChart
                    title="Мероприятия по субъектам РФ"
                    rows={summary.regions.map((region) => ({ key: region.regionId, name: region.name, count: region.count, share: region.share }))}
                  />
                </>
              )}
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
}
