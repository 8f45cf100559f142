/** @jsxImportSource react */
// Downloads of the campaign's answers (served by /admin/export/<campaign>.xlsx|.csv with the
// coordinator's session cookie).
import { Box, Button, Card, CardContent, Typography } from '@mui/material';

export function ExportLinks({ campaignCode }: { campaignCode: string }) {
  const base = `/admin/export/${encodeURIComponent(campaignCode)}`;
  return (
    <Card variant="outlined" component="section" aria-labelledby="export-title">
      <CardContent sx={{ display: 'grid', gap: 1 }}>
        <Typography variant="h6" component="h2" id="export-title">
          Выгрузка ответов
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button variant="outlined" href={`${base}.xlsx`} download>
            Скачать в Excel (.xlsx)
          </Button>
          <Button variant="outlined" href={`${base}.csv`} download>
            Скачать в CSV
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
}
