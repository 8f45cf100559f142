/** @jsxImportSource react */
// The campaign the console is about: chosen in the app bar (hooks.ts keeps the choice across pages
// and reloads), and the pages that show one campaign's data.
import type { ReactNode } from 'react';
import { Alert, CircularProgress, MenuItem, TextField } from '@mui/material';
import { useCampaignChoice } from '../hooks.ts';
import type { CampaignRecord } from '../records.ts';

/** «Мониторинг … (2021)»: the year is added where the title does not say it. */
export const campaignTitle = (campaign: CampaignRecord) =>
  campaign.title.includes(String(campaign.year)) ? campaign.title : `${campaign.title} (${campaign.year})`;

/** «Опрос» in the app bar: the console's campaign, for every page, kept across reloads. */
export function ChosenCampaignSelect() {
  const { campaigns, campaignCode, choose } = useCampaignChoice();
  if (!campaigns?.length) return null;
  return (
    <TextField
      select
      variant="standard"
      size="small"
      label="Опрос"
      value={campaignCode}
      onChange={(event) => choose(event.target.value)}
      data-testid="chosen-campaign"
      // The year first: long titles are cut in the bar, the year must stay visible.
      slotProps={{
        select: {
          renderValue: (code: unknown) => {
            const campaign = campaigns.find((candidate) => candidate.code === code);
            return campaign ? `${campaign.year} — ${campaign.title.replace(` (${campaign.year})`, '')}` : '';
          },
        },
      }}
      sx={{
        mx: 2,
        minWidth: 240,
        maxWidth: 420,
        // White on the app bar's blue (#1456a8: contrast 7:1).
        '& .MuiInputBase-root, & .MuiInputLabel-root, & .MuiInputLabel-root.Mui-focused, & .MuiSelect-icon': { color: 'inherit' },
        '& .MuiInput-underline:before, & .MuiInput-underline:hover:not(.Mui-disabled):before': { borderBottomColor: 'rgba(255, 255, 255, 0.8)' },
        '& .MuiInput-underline:after': { borderBottomColor: '#fff' },
        '@media print': { display: 'none' },
      }}
    >
      {campaigns.map((campaign) => (
        <MenuItem key={campaign.code} value={campaign.code}>
          {campaignTitle(campaign)}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * Where a page used to choose its own campaign: the choice is the app bar's now (one campaign across
 * the console), so this shows nothing; pages may drop it.
 */
export function CampaignSelect(_props: {
  campaigns: CampaignRecord[];
  value: string;
  onChange(code: string): void;
  size?: 'small' | 'medium';
  sx?: unknown;
}) {
  return null;
}

/** Shows its content for the console's campaign (chosen in the app bar), once the campaigns are loaded. */
export function WithCurrentCampaign({ children }: { children: (campaign: CampaignRecord | undefined) => ReactNode }) {
  const { campaigns, error, campaign } = useCampaignChoice();
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!campaigns) return <CircularProgress aria-label="Загрузка" sx={{ m: 4 }} />;
  return children(campaign);
}
