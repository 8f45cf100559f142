/** @jsxImportSource react */
// Choosing the campaign a page is about, and waiting for the one people are answering now.
import type { ReactNode } from 'react';
import { Alert, CircularProgress, MenuItem, type SxProps, TextField, type Theme } from '@mui/material';
import { currentCampaign, useCampaigns } from '../hooks.ts';
import type { CampaignRecord } from '../records.ts';

/** «Мониторинг … (2021)»: the year is added where the title does not say it. */
export const campaignTitle = (campaign: CampaignRecord) =>
  campaign.title.includes(String(campaign.year)) ? campaign.title : `${campaign.title} (${campaign.year})`;

interface Props {
  campaigns: CampaignRecord[];
  value: string;
  onChange(code: string): void;
  size?: 'small' | 'medium';
  sx?: SxProps<Theme>;
}

/** «Опрос»: one of the campaigns, by title. */
export function CampaignSelect({ campaigns, value, onChange, size, sx }: Props) {
  return (
    <TextField select size={size} label="Опрос" value={value} onChange={(event) => onChange(event.target.value)} sx={sx}>
      {campaigns.map((campaign) => (
        <MenuItem key={campaign.code} value={campaign.code}>
          {campaignTitle(campaign)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Shows its content for the campaign people are answering now, once the campaigns are loaded. */
export function WithCurrentCampaign({ children }: { children: (campaign: CampaignRecord | undefined) => ReactNode }) {
  const { campaigns, error } = useCampaigns();
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!campaigns) return <CircularProgress aria-label="Загрузка" sx={{ m: 4 }} />;
  return children(currentCampaign(campaigns));
}
