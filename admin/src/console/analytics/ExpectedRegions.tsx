/** @jsxImportSource react */
// The regions a campaign expects to take part (issue 14, point 5): «не приняли участие» is counted
// against them. Empty: every region. A coordinator picks them and saves; the figures are re-read.
import { Alert, Autocomplete, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import { useConsoleDataProvider, useConsoleQuery } from '../hooks.ts';

interface RegionRecord {
  id: string;
  code: string;
  name: string;
}

export function ExpectedRegions({ campaignCode }: { campaignCode: string }) {
  const dataProvider = useConsoleDataProvider();
  const queryClient = useQueryClient();
  const { data: regions } = useGetList<RegionRecord>('Region', { pagination: { page: 1, perPage: 100 }, sort: { field: 'id', order: 'ASC' } });
  const { data: current } = useConsoleQuery(['campaignAnalytics', campaignCode], (provider) => provider.campaignAnalytics(campaignCode));
  const [chosen, setChosen] = useState<RegionRecord[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const codes = new Set(current?.expectedRegionCodes ?? []);
  const initial = (regions ?? []).filter((region) => codes.has(region.code));
  const value = chosen ?? initial;

  async function save() {
    const outcome = await dataProvider.setCampaignExpectedRegions(
      campaignCode,
      value.map((region) => region.code),
    );
    if (!outcome.ok) {
      setMessage({ ok: false, text: outcome.message });
      return;
    }
    setMessage({ ok: true, text: value.length ? `Сохранено: ожидается регионов — ${value.length}.` : 'Сохранено: ожидаются все регионы.' });
    setChosen(null);
    await queryClient.invalidateQueries({ queryKey: ['console', 'campaignAnalytics', campaignCode] });
  }

  return (
    <Card variant="outlined" component="section" aria-labelledby="expected-title" className="no-print">
      <CardContent sx={{ display: 'grid', gap: 2 }}>
        <Typography variant="h6" component="h2" id="expected-title">
          Ожидаемые регионы
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Регионы, от которых в этом опросе ждут ответа; «Не приняли участие» считается по ним. Пустой список — ожидаются все регионы.
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Autocomplete
            multiple
            sx={{ flex: '1 1 480px' }}
            options={regions ?? []}
            value={value}
            onChange={(_event, next) => setChosen(next)}
            getOptionLabel={(region) => region.name}
            isOptionEqualToValue={(option, selected) => option.code === selected.code}
            renderInput={(params) => <TextField {...params} label="Ожидаемые регионы" placeholder="Начните вводить название" />}
          />
          <Button variant="contained" onClick={save} disabled={chosen === null}>
            Сохранить список
          </Button>
        </Box>
        {message && (
          <Alert severity={message.ok ? 'success' : 'error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
