/** @jsxImportSource react */
// A portal token's secret, shown once after it is issued or rotated: the value, a copy button and the
// warning that it cannot be shown again (only its SHA-256 is stored).
import { useState } from 'react';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, TextField } from '@mui/material';

export function SecretPanel({ secret, note }: { secret: string; note?: string }) {
  const [copied, setCopied] = useState<'yes' | 'no'>();
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }} data-testid="portal-token-secret">
      <Alert severity="warning">
        Сохраните токен сейчас и передайте его порталу по защищённому каналу: он показывается один раз, на сервере хранится только его хеш, и
        восстановить его нельзя — только заменить.{note ? ` ${note}` : ''}
      </Alert>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <TextField
          label="Токен портала"
          value={secret}
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } } }}
          onFocus={(event) => event.target.select()}
        />
        <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={copy} sx={{ flexShrink: 0 }}>
          Копировать
        </Button>
      </Box>
      <Box role="status" sx={{ minHeight: '1.5em', color: copied === 'no' ? 'error.main' : 'text.secondary' }}>
        {copied === 'yes'
          ? 'Токен скопирован в буфер обмена.'
          : copied === 'no'
            ? 'Не удалось скопировать: выделите токен и скопируйте вручную.'
            : ''}
      </Box>
    </Box>
  );
}
