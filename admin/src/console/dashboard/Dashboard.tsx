/** @jsxImportSource react */
// The coordinators' home for the console's campaign (chosen in the app bar): its counts, window
// control, completion chart and the table of all 89 regions.
import { Alert, Box, CircularProgress } from '@mui/material';
import { Title } from 'react-admin';
import { useCampaignChoice, useConsoleQuery } from '../hooks.ts';
import { CompletionChart } from './CompletionChart.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { RegionTable } from './RegionTable.tsx';
import { StatusCards } from './StatusCards.tsx';
import { WindowControl } from './WindowControl.tsx';

export function Dashboard() {
  const { campaigns, error: campaignsError, campaignCode: code, campaign } = useCampaignChoice();
  const {
    data: dashboard,
    error,
    refetch,
  } = useConsoleQuery(['campaignDashboard', code], (dataProvider) => dataProvider.campaignDashboard(code), { enabled: Boolean(code) });

  const problem = campaignsError ?? error?.message;
  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Title title={campaign ? `Ход опроса ${campaign.year}` : 'Ход опроса'} />
      {problem && <Alert severity="error">{problem}</Alert>}
      {campaigns && campaigns.length === 0 && <Alert severity="info">Опросов пока нет.</Alert>}
      {!dashboard && !problem && campaigns?.length !== 0 && <CircularProgress aria-label="Загрузка" />}
      {dashboard && campaign && (
        <>
          <StatusCards dashboard={dashboard} />
          <WindowControl campaign={campaign} dashboard={dashboard} onChanged={() => refetch()} />
          <ExportLinks campaignCode={campaign.code} />
          <CompletionChart regions={dashboard.regions} />
          <RegionTable dashboard={dashboard} />
        </>
      )}
    </Box>
  );
}
