/** @jsxImportSource react */
// Issuing a regional portal's token: region, name, scopes, expiry; the answer shows the secret once
// (SecretPanel), with a copy button and the warning that it cannot be shown again.
import { type FormEvent, useState } from 'react';
import { Box, Button, Card, CardContent, Checkbox, FormControlLabel, FormGroup, FormLabel, MenuItem, TextField, Typography } from '@mui/material';
import { Link, Title, useGetList } from 'react-admin';
import { RefusalAlert, type Refusal } from '../feedback.tsx';
import { useConsoleDataProvider } from '../hooks.ts';
import { portalScopeLabels } from '../labels.ts';
import type { IssuedPortalToken } from '../operations.ts';
import { SecretPanel } from './SecretPanel.tsx';

const SCOPE_HELP: Record<string, string> = {
  status: 'сроки, число анкет, заполнение по разделам и органам власти, сдавшие органы',
  answers: 'поданные ответы и меры своего региона (без ФИО и должностей)',
  personal: 'ФИО, e-mail и должности должностных лиц своего региона',
  report: 'опубликованная аналитика',
};

export function PortalTokenCreate() {
  const dataProvider = useConsoleDataProvider();
  const { data: regions } = useGetList<{ id: string; code: string; name: string }>('Region', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [regionCode, setRegionCode] = useState('');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['status']);
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const [issued, setIssued] = useState<IssuedPortalToken>();
  const problem = (field: string) => refusal?.fieldErrors?.find((error) => error.path === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const outcome = await dataProvider.issuePortalToken({
        regionCode,
        name,
        scopes,
        expiresAt: expires ? `${expires}T00:00:00+03:00` : null,
      });
      if (outcome.ok) {
        setIssued(outcome.data);
        setRefusal(undefined);
      } else setRefusal({ message: outcome.message, fieldErrors: outcome.fieldErrors });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title="Выпуск токена портала" />
      <CardContent sx={{ display: 'grid', gap: 2 }}>
        <Typography variant="h5" component="h1">
          Выпуск токена регионального портала
        </Typography>
        {issued ? (
          <>
            <Typography>
              Токен «{issued.token.name}» выпущен (№ {issued.token.id}).
            </Typography>
            <SecretPanel secret={issued.secret} />
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button component={Link} to={`/PortalToken/${issued.token.id}/show`} variant="contained">
                Открыть токен
              </Button>
              <Button component={Link} to="/PortalToken">
                К списку токенов
              </Button>
            </Box>
          </>
        ) : (
          <Box component="form" onSubmit={submit} noValidate sx={{ display: 'grid', gap: 2 }}>
            <TextField
              select
              label="Субъект РФ"
              value={regionCode}
              onChange={(event) => setRegionCode(event.target.value)}
              required
              error={Boolean(problem('regionCode'))}
              helperText={problem('regionCode') ?? 'Токен открывает сведения только этого региона.'}
            >
              {(regions ?? []).map((region) => (
                <MenuItem key={region.id} value={region.code}>
                  {region.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label="Название"
              value={name}
              onChange={(event) => setName(event.target.value)}
              required
              error={Boolean(problem('name'))}
              helperText={problem('name') ?? 'По нему токен узнают в списке, например «Портал Минтруда КБР».'}
            />
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <FormLabel component="legend" error={Boolean(problem('scopes'))}>
                Права
              </FormLabel>
              <FormGroup>
                {Object.entries(portalScopeLabels).map(([scope, label]) => (
                  <FormControlLabel
                    key={scope}
                    control={
                      <Checkbox
                        checked={scopes.includes(scope)}
                        onChange={(event) => setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((item) => item !== scope))}
                      />
                    }
                    label={`${label}: ${SCOPE_HELP[scope] ?? ''}`}
                  />
                ))}
              </FormGroup>
            </Box>
            <TextField
              label="Действует до"
              type="date"
              value={expires}
              onChange={(event) => setExpires(event.target.value)}
              error={Boolean(problem('expiresAt'))}
              helperText={problem('expiresAt') ?? 'Пусто — год с сегодняшнего дня.'}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            {refusal && <RefusalAlert refusal={refusal} testId="issue-refusal" />}
            <Box>
              <Button type="submit" variant="contained" disabled={busy || !regionCode || !name.trim()}>
                Выпустить токен
              </Button>
            </Box>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
