/** @jsxImportSource react */
// Analytics of a campaign over submitted questionnaires (seed 002's tables and figures). Two views:
// «Текущие данные» — the live figures, unsuppressed (per section and question the shares of options
// per year and pooled, n and the method under every table, numbers with totals and the regions at the
// extremes, group fields, the cost ratios, who did not take part against the campaign's expected
// regions, which coordinators set here); «Опубликованный отчёт» — a publication as anyone reads it
// (AnalyticsReport.tsx), where a coordinator publishes a new version. Both printable.
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  GlobalStyles,
  Tab,
  Table,
  TableBody,
  Tabs,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { Title } from 'react-admin';
import { CampaignSelect } from '../campaigns/CampaignSelect.tsx';
import { NumbersHead } from '../NumbersHead.tsx';
import { currentCampaign, useCampaignChoice, useConsoleQuery } from '../hooks.ts';
import { formatNumber, questionnaires, regionsCount } from './format.ts';
import { AnalyticsReport } from './AnalyticsReport.tsx';
import { ExpectedRegions } from './ExpectedRegions.tsx';
import { QuestionFigures } from './QuestionFigures.tsx';
import type { CampaignAnalytics, RatioFigures, RatioYear } from '../operations.ts';
import { useState } from 'react';

// On paper: only the figures, no menus or controls, sections not cut across pages where avoidable.
// The page's heading is in the app bar, which paper leaves out, so paper gets its own.
const printStyles = (
  <GlobalStyles
    styles={{
      '.print-only': { display: 'none' },
      '@media print': {
        '.print-only': { display: 'block !important' },
        'header, .RaSidebar-root, .MuiDrawer-root, .no-print': { display: 'none !important' },
        '.RaLayout-content, .RaLayout-contentWithSidebar, main': { padding: '0 !important', margin: '0 !important' },
        '.analytics-card': { boxShadow: 'none !important', border: 'none !important' },
      },
    }}
  />
);

/** A ratio's columns after the year: each statistic with its heading. */
const RATIO_COLUMNS: { key: Exclude<keyof RatioYear, 'year'>; name: string }[] = [
  { key: 'count', name: 'Учтено анкет' },
  { key: 'skipped', name: 'Не учтено' },
  { key: 'mean', name: 'Среднее' },
  { key: 'min', name: 'Минимум' },
  { key: 'max', name: 'Максимум' },
  { key: 'median', name: 'Медиана' },
  { key: 'aggregate', name: 'Совокупно' },
];

export function RatioTable({ ratio }: { ratio: RatioFigures }) {
  const unit = ratio.unit ? `, ${ratio.unit}` : '';
  return (
    <Box component="article" aria-labelledby={`ratio-${ratio.code}`} sx={{ display: 'grid', gap: 1 }}>
      <Typography variant="subtitle1" component="h3" id={`ratio-${ratio.code}`} sx={{ fontWeight: 600 }}>
        {ratio.label}
        {unit}
      </Typography>
      <Table size="small" aria-label={`${ratio.label}${unit}`} sx={{ maxWidth: 960 }}>
        <NumbersHead label="Год" columns={RATIO_COLUMNS.map((column) => column.name)} />
        <TableBody>
          {ratio.years.map((year) => (
            <TableRow key={year.year}>
              <TableCell component="th" scope="row">
                {year.year}
              </TableCell>
              {RATIO_COLUMNS.map((column) => (
                <TableCell key={column.key} align="right">
                  {formatNumber(year[column.key])}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function Ratios({ ratios }: { ratios: RatioFigures[] }) {
  return (
    <Card variant="outlined" component="section" aria-labelledby="ratios-title" className="analytics-card">
      <CardContent sx={{ display: 'grid', gap: 2 }}>
        <Typography variant="h6" component="h2" id="ratios-title">
          Расчётные показатели
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Среднее, минимум, максимум и медиана — по отношениям, рассчитанным для каждой анкеты (каждый регион весит одинаково); анкеты без значения
          или с нулём в знаменателе не учтены. «Совокупно» — сумма числителей, делённая на сумму знаменателей по тем же анкетам.
        </Typography>
        {ratios.map((ratio) => (
          <RatioTable key={ratio.code} ratio={ratio} />
        ))}
      </CardContent>
    </Card>
  );
}

function Figures({ analytics }: { analytics: CampaignAnalytics }) {
  const regions = analytics.nonParticipatingRegions;
  return (
    <>
      <Card variant="outlined" component="section" aria-labelledby="summary-title" className="analytics-card">
        <CardContent>
          <Typography variant="h6" component="h2" id="summary-title">
            {analytics.title}
          </Typography>
          <Typography data-testid="analytics-respondents">
            Учтены только отправленные (полностью заполненные) анкеты: <strong>{questionnaires(analytics.respondentsCount)}</strong>.
          </Typography>
        </CardContent>
      </Card>
      {analytics.respondentsCount === 0 && (
        <Alert severity="info">Отправленных анкет пока нет: показатели появятся после первой отправленной анкеты.</Alert>
      )}
      {analytics.ratios.length > 0 && <Ratios ratios={analytics.ratios} />}
      {analytics.sections.map((section) => (
        <Card key={section.code} variant="outlined" component="section" aria-labelledby={`section-${section.code}`} className="analytics-card">
          <CardContent sx={{ display: 'grid', gap: 3 }}>
            <Typography variant="h6" component="h2" id={`section-${section.code}`}>
              {section.title}
            </Typography>
            {analytics.questions
              .filter((question) => question.sectionCode === section.code)
              .map((question) => (
                <QuestionFigures key={question.code} question={question} threshold={analytics.threshold} />
              ))}
          </CardContent>
        </Card>
      ))}
      <Card variant="outlined" component="section" aria-labelledby="regions-title" className="analytics-card">
        <CardContent>
          <Typography variant="h6" component="h2" id="regions-title">
            Не приняли участие: {regionsCount(regions.length)}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="expected-regions">
            Приняли участие {regionsCount(analytics.participatingRegionsCount)} из {formatNumber(analytics.expectedRegionsCount)}{' '}
            {analytics.expectedRegionsSet ? 'ожидаемых в этом опросе' : '(ожидаются все регионы: список ожидаемых не задан)'}.
          </Typography>
          {regions.length === 0 ? (
            <Typography>Отправленные анкеты есть от всех регионов.</Typography>
          ) : (
            <Box component="ol" data-testid="non-participating" sx={{ columnWidth: 260, columnGap: 4, m: 0, pl: 4 }}>
              {regions.map((region) => (
                <li key={region.code}>{region.name}</li>
              ))}
            </Box>
          )}
        </CardContent>
      </Card>
    </>
  );
}

export function AnalyticsPage() {
  const { campaigns, error: loadError, campaignCode, choose } = useCampaignChoice(currentCampaign);
  // Keyed by campaign: a slow answer for a campaign no longer chosen never replaces the current one.
  const { data: analytics, error: failure } = useConsoleQuery(
    ['campaignAnalytics', campaignCode],
    (dataProvider) => dataProvider.campaignAnalytics(campaignCode),
    { enabled: Boolean(campaignCode) },
  );
  const error = failure?.message;
  const [view, setView] = useState<'live' | 'report'>('live');

  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Title title="Аналитика" />
      {printStyles}
      <Typography variant="h5" component="h1" className="print-only">
        Аналитика
      </Typography>
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {campaigns && campaigns.length === 0 && <Alert severity="info">Опросов пока нет.</Alert>}
      {campaigns && campaigns.length > 0 && (
        <Box className="no-print" sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <CampaignSelect campaigns={campaigns} value={campaignCode} onChange={choose} size="small" sx={{ width: 720, maxWidth: '100%' }} />
          <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()} disabled={!analytics && view === 'live'}>
            Печать
          </Button>
        </Box>
      )}
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {campaignCode && (
        <Tabs className="no-print" value={view} onChange={(_event, value: 'live' | 'report') => setView(value)} aria-label="Вид аналитики">
          <Tab value="live" label="Текущие данные" />
          <Tab value="report" label="Опубликованный отчёт" />
        </Tabs>
      )}
      {view === 'report' && campaignCode && <AnalyticsReport campaignCode={campaignCode} />}
      {view === 'live' && analytics === null && <Alert severity="warning">Опрос не найден.</Alert>}
      {view === 'live' && ((!campaigns && !loadError) || (campaignCode && analytics === undefined && !error)) && (
        <CircularProgress aria-label="Загрузка" />
      )}
      {view === 'live' && analytics && (
        <>
          <Figures analytics={analytics} />
          <ExpectedRegions campaignCode={analytics.campaignCode} />
        </>
      )}
    </Box>
  );
}
