/** @jsxImportSource react */
// A campaign's questionnaire on its show page: sections → questions (number, label, type, required,
// help) → options; «Скачать определение»; and, on a draft, «Изменить варианты и подсказку» per question.
import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/Edit';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useNotify, useRecordContext } from 'react-admin';
import { useConsoleDataProvider, useConsoleQuery } from '../hooks.ts';
import type { QuestionRow } from '../operations.ts';
import { editableOptions, questionTypeLabels } from './definitions.ts';
import type { CampaignRecord } from '../records.ts';
import { QuestionTextsDialog } from './QuestionTextsDialog.tsx';

function OptionsTable({ question }: { question: QuestionRow }) {
  const options = editableOptions(question);
  if (!options || options.length === 0) return null;
  return (
    <Table size="small" aria-label={`Варианты ответа: ${question.label}`} sx={{ mt: 1 }}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col" sx={{ width: 200 }}>
            Код
          </TableCell>
          <TableCell component="th" scope="col">
            Вариант
          </TableCell>
          <TableCell component="th" scope="col">
            Подсказка
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {options.map((option) => (
          <TableRow key={option.code}>
            <TableCell>
              <code>{option.code}</code>
            </TableCell>
            <TableCell>{option.label}</TableCell>
            <TableCell>{option.help ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function QuestionCard({ question, editable, onEdit }: { question: QuestionRow; editable: boolean; onEdit(): void }) {
  const headingId = `question-${question.id}`;
  return (
    <Box component="article" aria-labelledby={headingId} sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5, display: 'grid', gap: 0.75 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography component="h3" variant="subtitle1" id={headingId} sx={{ fontWeight: 600, flex: '1 1 420px' }}>
          {question.number ? `${question.number}. ` : ''}
          {question.label}
        </Typography>
        <Chip size="small" label={questionTypeLabels[question.type] ?? question.type} />
        {question.required && <Chip size="small" color="primary" variant="outlined" label="Обязательный" />}
        <Typography variant="body2" component="code" color="text.secondary">
          {question.code}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary" data-testid="question-help">
        {question.help ? `Подсказка: ${question.help}` : 'Без подсказки'}
      </Typography>
      <OptionsTable question={question} />
      {editable && (
        <Box>
          <Button size="small" startIcon={<EditIcon />} onClick={onEdit}>
            {editableOptions(question) ? 'Изменить варианты и подсказку' : 'Изменить подсказку'}
          </Button>
        </Box>
      )}
    </Box>
  );
}

export function Questionnaire() {
  const record = useRecordContext<CampaignRecord>();
  const notify = useNotify();
  const dataProvider = useConsoleDataProvider();
  const code = record?.code ?? '';
  const { data, error, refetch } = useConsoleQuery(['questionnaire', code], (provider) => provider.questionnaire(code), { enabled: Boolean(code) });
  const [editing, setEditing] = useState<QuestionRow | null>(null);

  async function download() {
    const outcome = await dataProvider.definitionDocument(code);
    if (!outcome.ok) {
      notify(outcome.message, { type: 'error' });
      return;
    }
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(outcome.data, null, 2)}\n`], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${code}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (data === undefined) return <CircularProgress aria-label="Загрузка анкеты" sx={{ m: 2 }} />;
  if (data === null) return <Alert severity="error">Опрос не найден.</Alert>;
  const editable = data.state === 'DRAFT';
  return (
    <Box sx={{ display: 'grid', gap: 2, px: 2, pb: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography component="h2" variant="h6" sx={{ flex: 1 }}>
          Анкета
        </Typography>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={download}>
          Скачать определение
        </Button>
      </Box>
      {editable ? (
        <Alert severity="info" data-testid="questionnaire-note">
          Это черновик: варианты ответа и подсказки можно менять, пока на опрос нет ответов. Остальное (вопросы, разделы, сроки) меняется импортом
          исправленного определения.
        </Alert>
      ) : (
        <Alert severity="info" data-testid="questionnaire-note">
          Опрос {data.state === 'ARCHIVED' ? 'в архиве' : 'опубликован'}: анкету видят респонденты, а их ответы ссылаются на коды вопросов и
          вариантов, поэтому изменять её нельзя. Чтобы подготовить исправленную анкету, скачайте определение, измените его и импортируйте под новым
          кодом (поле code).
        </Alert>
      )}
      {data.sections.map((section, index) => (
        <Accordion key={section.id} defaultExpanded={index === 0} disableGutters>
          <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`section-${section.id}-content`} id={`section-${section.id}-header`}>
            <Typography component="span" sx={{ fontWeight: 600 }}>
              {index + 1}. {section.title}
            </Typography>
            <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
              ({section.questions.length})
            </Typography>
          </AccordionSummary>
          <AccordionDetails id={`section-${section.id}-content`} sx={{ display: 'grid', gap: 1.5 }}>
            {section.description && <Typography variant="body2">{section.description}</Typography>}
            {section.questions.map((question) => (
              <QuestionCard key={question.id} question={question} editable={editable} onEdit={() => setEditing(question)} />
            ))}
          </AccordionDetails>
        </Accordion>
      ))}
      <QuestionTextsDialog
        campaignCode={data.code}
        question={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          notify('Варианты и подсказка сохранены.', { type: 'success' });
          void refetch();
        }}
      />
    </Box>
  );
}
