/** @jsxImportSource react */
// Opening, closing and moving a campaign's window, and extending it for one region. Every action
// asks for confirmation in words that say exactly what will happen, takes an optional reason (it
// goes to the audit log), and shows the resulting state or the API's refusal.
import { useState, type ReactNode } from 'react';
import { Box, Button, Card, CardContent, MenuItem, TextField, Typography } from '@mui/material';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { DoneAlert, type Refusal } from '../feedback.tsx';
import { useConsoleDataProvider } from '../hooks.ts';
import { formatMoscow, moscowDateInput, moscowDayEnd, moscowDayStart, windowStateLabels } from '../labels.ts';
import type { CampaignDashboard } from '../operations.ts';
import type { CampaignRecord } from '../records.ts';

type Action = 'open' | 'close' | 'move' | 'extend';

const titles: Record<Action, string> = {
  open: 'Открыть приём ответов сейчас',
  close: 'Закрыть приём ответов сейчас',
  move: 'Изменить сроки приёма ответов',
  extend: 'Продлить приём ответов для региона',
};

interface Props {
  campaign: CampaignRecord;
  dashboard: CampaignDashboard;
  onChanged(): Promise<unknown>;
}

export function WindowControl({ campaign, dashboard, onChanged }: Props) {
  const dataProvider = useConsoleDataProvider();
  const [action, setAction] = useState<Action>();
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [done, setDone] = useState<string>();

  function start(next: Action) {
    setAction(next);
    setDone(undefined);
    setOpensOn(moscowDateInput(dashboard.opensAt));
    setClosesOn(next === 'open' || next === 'close' ? '' : moscowDateInput(dashboard.closesAt));
    setRegionCode('');
  }

  const region = dashboard.regions.find((candidate) => candidate.code === regionCode);
  // Opening after a close reopens until the planned end (the server keeps it); only once that has
  // passed is a new closing date needed.
  const plannedEnd = campaign.plannedClosesAt ?? dashboard.closesAt;
  const closingPassed = new Date(plannedEnd).getTime() <= Date.now();
  const closedEarly = new Date(dashboard.closesAt).getTime() < new Date(plannedEnd).getTime();

  function consequence(): ReactNode {
    switch (action) {
      case 'open':
        if (closingPassed && !closesOn) return `Плановый срок опроса закончился (${formatMoscow(plannedEnd)}): укажите новую дату закрытия.`;
        return closesOn
          ? `Приём ответов будет открыт немедленно и продлится до ${formatMoscow(moscowDayEnd(closesOn))}. Респонденты смогут регистрироваться, сохранять и отправлять анкеты.`
          : `Приём ответов будет открыт немедленно и продлится до планового окончания (${formatMoscow(plannedEnd)}). Респонденты смогут регистрироваться, сохранять и отправлять анкеты.`;
      case 'close':
        return 'Приём ответов будет закрыт немедленно. Респонденты не смогут сохранять и отправлять анкеты. Плановые сроки опроса в анкете и текстах не изменятся.';
      case 'move':
        return opensOn && closesOn
          ? `Приём ответов будет идти с ${formatMoscow(moscowDayStart(opensOn))} по ${formatMoscow(moscowDayEnd(closesOn))}. Вне этих сроков респонденты не смогут регистрироваться, сохранять и отправлять анкеты.`
          : 'Укажите даты открытия и закрытия.';
      case 'extend':
        return region && closesOn
          ? `Респонденты региона «${region.name}» смогут сохранять и отправлять анкеты до ${formatMoscow(moscowDayEnd(closesOn))}, даже если общий приём ответов закрыт. Для остальных регионов сроки не изменятся.`
          : `Выберите регион и дату, до которой продлить приём ответов (позже закрытия опроса: ${formatMoscow(dashboard.closesAt)}).`;
      default:
        return null;
    }
  }

  const ready =
    action === 'move'
      ? Boolean(opensOn && closesOn)
      : action === 'extend'
        ? Boolean(region && closesOn)
        : action === 'open'
          ? Boolean(closesOn) || !closingPassed
          : true;

  async function confirm(reason: string): Promise<Refusal | undefined> {
    if (!action) return undefined;
    const campaignCode = campaign.code;
    const why = reason ? { reason } : {};
    if (action === 'extend') {
      const outcome = await dataProvider.extendRegionWindow({ campaignCode, regionCode, closesAt: moscowDayEnd(closesOn), ...why });
      if (!outcome.ok) return outcome;
      setDone(`Готово. Регион «${region?.name}» может отвечать до ${formatMoscow(outcome.data.closesAt)}.`);
    } else {
      const dates =
        action === 'move'
          ? { opensAt: moscowDayStart(opensOn), closesAt: moscowDayEnd(closesOn) }
          : action === 'open' && closesOn
            ? { closesAt: moscowDayEnd(closesOn) }
            : {};
      const outcome = await dataProvider.changeCampaignWindow(action, { campaignCode, ...dates, ...why });
      if (!outcome.ok) return outcome;
      const changed = outcome.data;
      setDone(
        `Готово. Приём ответов: ${(windowStateLabels[changed.windowState] ?? changed.windowState).toLowerCase()}; сроки: с ${formatMoscow(changed.opensAt)} по ${formatMoscow(changed.closesAt)}.`,
      );
    }
    setAction(undefined);
    await onChanged();
    return undefined;
  }

  const state = dashboard.windowState;
  return (
    <Card variant="outlined" component="section" aria-labelledby="window-title">
      <CardContent sx={{ display: 'grid', gap: 1.5 }}>
        <Typography variant="h6" component="h2" id="window-title">
          Приём ответов
        </Typography>
        <Typography data-testid="window-state">
          Сейчас: <strong>{windowStateLabels[state] ?? state}</strong>. Сроки: с {formatMoscow(dashboard.opensAt)} по{' '}
          {formatMoscow(dashboard.closesAt)}.
        </Typography>
        {(closedEarly || (campaign.plannedOpensAt && campaign.plannedOpensAt !== dashboard.opensAt)) && campaign.plannedOpensAt && (
          <Typography data-testid="window-planned">
            Плановый срок опроса: с {formatMoscow(campaign.plannedOpensAt)} по {formatMoscow(plannedEnd)}
            {closedEarly ? ' (приём закрыт досрочно)' : ''}.
          </Typography>
        )}
        {dashboard.extensions.length > 0 && (
          <Box data-testid="window-extensions">
            <Typography>Продлено для регионов:</Typography>
            <ul className="window-extensions">
              {dashboard.extensions.map((extension) => (
                <li key={extension.regionCode}>
                  {extension.regionName} — до {formatMoscow(extension.closesAt)}
                </li>
              ))}
            </ul>
          </Box>
        )}
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button variant="outlined" onClick={() => start('open')} disabled={state === 'OPEN'}>
            Открыть сейчас
          </Button>
          <Button variant="outlined" color="error" onClick={() => start('close')} disabled={state !== 'OPEN'}>
            Закрыть сейчас
          </Button>
          <Button variant="outlined" onClick={() => start('move')}>
            Изменить сроки
          </Button>
          <Button variant="outlined" onClick={() => start('extend')}>
            Продлить для региона
          </Button>
        </Box>
        <DoneAlert>{done}</DoneAlert>
      </CardContent>
      <ConfirmDialog
        open={Boolean(action)}
        title={action ? titles[action] : ''}
        consequence={consequence()}
        reason={{ required: false }}
        danger={action === 'close'}
        ready={ready}
        onClose={() => setAction(undefined)}
        onConfirm={confirm}
      >
        {action === 'extend' && (
          <TextField select label="Регион" value={regionCode} onChange={(event) => setRegionCode(event.target.value)} required>
            {[...dashboard.regions]
              .sort((a, b) => a.name.localeCompare(b.name, 'ru'))
              .map((candidate) => (
                <MenuItem key={candidate.code} value={candidate.code}>
                  {candidate.name}
                </MenuItem>
              ))}
          </TextField>
        )}
        {action === 'move' && (
          <TextField
            type="date"
            label="Дата открытия"
            value={opensOn}
            onChange={(event) => setOpensOn(event.target.value)}
            required
            slotProps={{ inputLabel: { shrink: true } }}
          />
        )}
        {(action === 'move' || action === 'extend' || action === 'open') && (
          <TextField
            type="date"
            label={
              action === 'open'
                ? closingPassed
                  ? 'Дата закрытия (включительно)'
                  : 'Дата закрытия (необязательно)'
                : action === 'extend'
                  ? 'Продлить до (включительно)'
                  : 'Дата закрытия (включительно)'
            }
            value={closesOn}
            onChange={(event) => setClosesOn(event.target.value)}
            required={action !== 'open' || closingPassed}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        )}
      </ConfirmDialog>
    </Card>
  );
}
