/** @jsxImportSource react */
// The coordinators' home: pick a campaign (the latest by default), then its counts, window
// control, completion chart and the table of all 89 regions.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, CircularProgress, FormControl, InputLabel, MenuItem, Select } from '@mui/material';
import { Title } from 'react-admin';
import { CompletionChart } from './CompletionChart.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { loadCampaigns, loadDashboard, type CampaignDashboard, type CampaignSummary } from './queries.ts';
import { RegionTable } from './RegionTable.tsx';
import { StatusCards } from './StatusCards.tsx';
import { WindowControl } from './WindowControl.tsx';

export function Dashboard() {
  const [campaigns, setCampaigns] = useState<CampaignSummary[]>();
  const [code, setCode] = useState<string>('');
  const [dashboard, setDashboard] = useState<CampaignDashboard>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    loadCampaigns()
      .then((list) => {
        setCampaigns(list);
        if (list[0]) setCode(list[0].code);
      })
      .catch((failure: Error) => setError(failure.message));
  }, []);

  const refresh = useCallback(async () => {
    if (!code) return;
    try {
      setDashboard(await loadDashboard(code));
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [code]);

  useEffect(() => {
    setDashboard(undefined);
    void refresh();
  }, [refresh]);

  const campaign = campaigns?.find((candidate) => candidate.code === code);
  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Title title="Ход опроса" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        {campaigns && (
          <FormControl size="small" sx={{ minWidth: 320 }}>
            <InputLabel id="campaign-label">Опрос</InputLabel>
            <Select labelId="campaign-label" label="Опрос" value={code} onChange={(event) => setCode(String(event.target.value))}>
              {campaigns.map((candidate) => (
                <MenuItem key={candidate.code} value={candidate.code}>
                  {candidate.title.includes(String(candidate.year)) ? candidate.title : `${candidate.title} (${candidate.year})`}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        )}
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      {campaigns && campaigns.length === 0 && <Alert severity="info">Опросов пока нет.</Alert>}
      {!dashboard && !error && campaigns?.length !== 0 && <CircularProgress aria-label="Загрузка" />}
      {dashboard && campaign && (
        <>
          <StatusCards dashboard={dashboard} />
          <WindowControl campaign={campaign} dashboard={dashboard} onChanged={refresh} />
          <ExportLinks campaignCode={campaign.code} />
          <CompletionChart regions={dashboard.regions} />
          <RegionTable dashboard={dashboard} />
        </>
      )}
    </Box>
  );
}
