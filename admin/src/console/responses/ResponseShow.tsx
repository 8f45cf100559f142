/** @jsxImportSource react */
// One questionnaire as coordinators read it: answers by section (a section of measures shows its
// measures' table, numbered from 1), and
// returning a submitted questionnaire to its respondent.
import { useState } from 'react';
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DateField, FunctionField, Show, SimpleShowLayout, TextField, useRecordContext, useRefresh } from 'react-admin';
import { campaignTitle } from '../campaigns/CampaignSelect.tsx';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { DoneAlert } from '../feedback.tsx';
import { useCampaigns, useConsoleDataProvider } from '../hooks.ts';
import { responseStatusLabels } from '../labels.ts';
import type { MeasureRecordRow, ResponseRecord, SectionRecord } from '../records.ts';
import { LabelField, PercentField } from '../fields.tsx';

function ReopenAction() {
  const record = useRecordContext<ResponseRecord>();
  const refresh = useRefresh();
  const dataProvider = useConsoleDataProvider();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gap: 1.5, px: 2, pt: 2 }}>
      {record.status === 'SUBMITTED' && (
        <Box>
          <Button variant="outlined" onClick={() => setOpen(true)}>
            Вернуть на доработку
          </Button>
        </Box>
      )}
      <DoneAlert>{done && `Анкета возвращена на доработку: ${record.respondentEmail} снова может её изменять и отправить заново.`}</DoneAlert>
      <ConfirmDialog
        open={open}
        title="Вернуть анкету на доработку"
        confirmLabel="Вернуть"
        reason={{ required: true }}
        consequence={`Анкета ${record.respondentEmail}${record.regionName ? ` (${record.regionName})` : ''} снова станет черновиком: респондент сможет изменить ответы и должен будет отправить её заново. До повторной отправки она не считается отправленной.`}
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          const outcome = await dataProvider.reopenResponse(record.id, reason);
          if (!outcome.ok) return outcome;
          setOpen(false);
          setDone(true);
          refresh();
          return undefined;
        }}
      />
    </Box>
  );
}

function Sections() {
  const record = useRecordContext<ResponseRecord>();
  const sections = record?.sections ?? [];
  const measures = record?.measures ?? [];
  return (
    <Box sx={{ display: 'grid', gap: 3 }}>
      {sections.map((section) => {
        const own = measures.filter((measure) => section.measureQuestionCodes.includes(measure.questionCode));
        const asksMeasures = section.measureQuestionCodes.length > 0;
        return (
          <Box component="section" key={section.code} aria-labelledby={`section-${section.code}`}>
            <Typography variant="h6" component="h2" id={`section-${section.code}`}>
              {section.title} — {section.percent}%
            </Typography>
            {section.answers.length > 0 && <Answers section={section} />}
            {asksMeasures && <Measures measures={own} labelledBy={`section-${section.code}`} />}
            {section.answers.length === 0 && !asksMeasures && <Typography>Ответов в разделе нет.</Typography>}
          </Box>
        );
      })}
    </Box>
  );
}

function Answers({ section }: { section: SectionRecord }) {
  return (
    <Table size="small" aria-labelledby={`section-${section.code}`}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col" sx={{ width: '45%' }}>
            Вопрос
          </TableCell>
          <TableCell component="th" scope="col">
            Ответ
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {section.answers.map((answer) => (
          <TableRow key={answer.questionCode}>
            <TableCell>
              {answer.number ? `${answer.number}. ` : ''}
              {answer.label}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{answer.text || '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A section's measures, numbered from 1 as the respondent entered them. */
function Measures({ measures, labelledBy }: { measures: MeasureRecordRow[]; labelledBy: string }) {
  if (measures.length === 0) return <Typography>Мероприятия не указаны.</Typography>;
  return (
    <Table size="small" aria-labelledby={labelledBy} data-testid="measures-table">
      <TableHead>
        <TableRow>
          {['№', 'Группа', 'Вид меры', 'Мера', 'Год', 'Результат'].map((heading) => (
            <TableCell key={heading} component="th" scope="col">
              {heading}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {measures.map((measure) => (
          <TableRow key={`${measure.questionCode}-${measure.position}`}>
            <TableCell>{measure.position + 1}</TableCell>
            <TableCell>{measure.groupName ?? '—'}</TableCell>
            <TableCell>{measure.typeName ?? '—'}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{[measure.title, measure.description].filter(Boolean).join(': ') || '—'}</TableCell>
            <TableCell>{measure.year ?? '—'}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{measure.result ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The campaign by its title (the code is for machines). */
function CampaignName({ code }: { code: string }) {
  const { campaigns } = useCampaigns();
  const campaign = campaigns?.find((candidate) => candidate.code === code);
  return <>{campaign ? campaignTitle(campaign) : code}</>;
}

export function ResponseShow() {
  return (
    <Show>
      <ReopenAction />
      <SimpleShowLayout>
        <TextField source="respondentEmail" />
        <TextField source="regionName" emptyText="—" />
        <FunctionField<ResponseRecord> source="campaignCode" render={(record) => <CampaignName code={record.campaignCode} />} />
        <LabelField source="status" labels={responseStatusLabels} />
        <PercentField source="completion" />
        <DateField source="updatedAt" showTime locales="ru-RU" />
        <DateField source="submittedAt" showTime locales="ru-RU" emptyText="—" />
      </SimpleShowLayout>
      <Box sx={{ display: 'grid', gap: 3, px: 2, pb: 3 }}>
        <Sections />
      </Box>
    </Show>
  );
}
