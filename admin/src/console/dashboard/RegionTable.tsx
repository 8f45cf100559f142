/** @jsxImportSource react */
// All 89 regions with their counts and each section's average %, sortable by name, district,
// completion, submitted and each section; regions where nobody has started read «не участвует».
// Section titles are long, so the columns are «Раздел N» and a legend under the table names them.
import { useMemo, useState } from 'react';
import { Card, CardContent, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel, Typography } from '@mui/material';
import { federalDistrictLabels } from '../labels.ts';
import type { CampaignDashboard, RegionCompletion } from '../operations.ts';

/** A column: name, district, completion, submitted, or `section:<code>`. */
type SortKey = 'name' | 'federalDistrict' | 'completion' | 'submitted' | `section:${string}`;

const sectionPercent = (row: RegionCompletion, code: string) => row.sections.find((section) => section.code === code)?.percent ?? 0;

function compare(key: SortKey) {
  return (a: RegionCompletion, b: RegionCompletion): number => {
    if (key === 'name') return a.name.localeCompare(b.name, 'ru');
    if (key === 'federalDistrict') {
      const district = (federalDistrictLabels[a.federalDistrict] ?? a.federalDistrict).localeCompare(
        federalDistrictLabels[b.federalDistrict] ?? b.federalDistrict,
        'ru',
      );
      return district || a.name.localeCompare(b.name, 'ru');
    }
    // Non-participants sort below a participant at 0 %.
    const measure = (row: RegionCompletion) =>
      key.startsWith('section:') ? sectionPercent(row, key.slice('section:'.length)) : row[key as 'completion' | 'submitted'];
    const value = (row: RegionCompletion) => (row.participates ? measure(row) : -1);
    return value(a) - value(b) || a.name.localeCompare(b.name, 'ru');
  };
}

export function RegionTable({ dashboard }: { dashboard: CampaignDashboard }) {
  const [sort, setSort] = useState<{ key: SortKey; order: 'asc' | 'desc' }>({ key: 'name', order: 'asc' });
  const rows = useMemo(() => {
    const sorted = [...dashboard.regions].sort(compare(sort.key));
    return sort.order === 'asc' ? sorted : sorted.reverse();
  }, [dashboard.regions, sort]);
  const participating = dashboard.regions.filter((region) => region.participates).length;

  const header = (key: SortKey, label: string, numeric = false) => (
    <TableCell key={key} align={numeric ? 'right' : 'left'} sortDirection={sort.key === key ? sort.order : false}>
      <TableSortLabel
        active={sort.key === key}
        direction={sort.key === key ? sort.order : 'asc'}
        onClick={() =>
          setSort((current) => ({
            key,
            order: current.key === key ? (current.order === 'asc' ? 'desc' : 'asc') : key === 'name' || key === 'federalDistrict' ? 'asc' : 'desc',
          }))
        }
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );

  return (
    <Card variant="outlined" component="section" aria-labelledby="regions-title">
      <CardContent>
        <Typography variant="h6" component="h2" id="regions-title">
          Регионы: участвуют {participating} из {dashboard.regions.length}
        </Typography>
        <TableContainer>
          <Table size="small" aria-labelledby="regions-title" data-testid="region-table" sx={{ '& th, & td': { px: 1 } }}>
            <TableHead>
              <TableRow>
                {header('name', 'Субъект РФ')}
                {header('federalDistrict', 'Федеральный округ')}
                <TableCell align="right">Анкет</TableCell>
                <TableCell align="right">Заполняют</TableCell>
                {header('submitted', 'Отправили', true)}
                {header('completion', 'Заполненность', true)}
                {dashboard.sections.map((section, index) => header(`section:${section.code}`, `Раздел ${index + 1}, %`, true))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.code} hover data-region={row.code}>
                  <TableCell component="th" scope="row" sx={{ minWidth: 220 }}>
                    {row.name}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{federalDistrictLabels[row.federalDistrict] ?? row.federalDistrict}</TableCell>
                  {row.participates ? (
                    <>
                      <TableCell align="right">{row.responses}</TableCell>
                      <TableCell align="right">{row.inProgress}</TableCell>
                      <TableCell align="right">{row.submitted}</TableCell>
                      <TableCell align="right">{row.completion}%</TableCell>
                      {dashboard.sections.map((section) => (
                        <TableCell key={section.code} align="right">
                          {sectionPercent(row, section.code)}
                        </TableCell>
                      ))}
                    </>
                  ) : (
                    <TableCell colSpan={4 + dashboard.sections.length} sx={{ color: 'text.secondary' }}>
                      не участвует
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        <Typography component="h3" variant="subtitle2" sx={{ mt: 2 }}>
          Разделы анкеты
        </Typography>
        <ol className="section-legend" data-testid="section-legend">
          {dashboard.sections.map((section) => (
            <li key={section.code}>{section.title}</li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
