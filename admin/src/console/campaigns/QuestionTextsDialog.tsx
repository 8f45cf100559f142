/** @jsxImportSource react */
// Edits a draft question's help text and option rows (add, remove, reorder, rename); the API checks
// everything again and its refusal is shown here, next to the rows it is about.
import { useEffect, useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, IconButton, TextField, Typography } from '@mui/material';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import type { Refusal } from '../feedback.tsx';
import { useConsoleDataProvider } from '../hooks.ts';
import type { OptionRow, QuestionRow } from '../operations.ts';
import { editableOptions } from './definitions.ts';

interface Props {
  campaignCode: string;
  question: QuestionRow | null;
  onClose(): void;
  onSaved(): void;
}

/** An option row being edited, with a key of its own that follows it when rows move or go. */
interface EditedOption extends OptionRow {
  key: number;
}

let lastRowKey = 0;
const edited = (option: OptionRow): EditedOption => ({ ...option, key: ++lastRowKey });

export function QuestionTextsDialog({ campaignCode, question, onClose, onSaved }: Props) {
  const dataProvider = useConsoleDataProvider();
  const [help, setHelp] = useState('');
  const [options, setOptions] = useState<EditedOption[]>([]);
  const hasOptions = question ? editableOptions(question) !== null : false;

  useEffect(() => {
    if (!question) return;
    setHelp(question.help ?? '');
    setOptions((editableOptions(question) ?? []).map((option) => edited({ code: option.code, label: option.label, help: option.help ?? '' })));
  }, [question]);

  const change = (index: number, patch: Partial<OptionRow>) => setOptions((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: number) =>
    setOptions((rows) => {
      const next = [...rows];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });

  async function save(): Promise<Refusal | undefined> {
    if (!question) return undefined;
    const outcome = await dataProvider.updateQuestionTexts({
      campaignCode,
      questionCode: question.code,
      help: help.trim(),
      options: hasOptions ? options : [],
    });
    if (!outcome.ok) return outcome;
    onSaved();
    return undefined;
  }

  return (
    <ConfirmDialog
      open={Boolean(question)}
      title={hasOptions ? 'Изменить варианты и подсказку' : 'Изменить подсказку'}
      confirmLabel="Сохранить"
      maxWidth="md"
      onClose={onClose}
      onConfirm={save}
    >
      {(refusal) => {
        // The API's problems by input path, shown under the rows they are about.
        const problemAt = (path: string) => refusal?.fieldErrors?.find((problem) => problem.path === path)?.message;
        return (
          <>
            <Typography sx={{ pt: 1 }}>
              {question?.number ? `${question.number}. ` : ''}
              {question?.label} <Box component="code">({question?.code})</Box>
            </Typography>
            <TextField
              label="Подсказка к вопросу"
              value={help}
              onChange={(event) => setHelp(event.target.value)}
              multiline
              minRows={2}
              helperText="Пустая подсказка будет удалена."
            />
            {!hasOptions && (
              <Alert severity="info">
                У этого вопроса нет списка вариантов ответа
                {question?.type === 'GROUP' || question?.type === 'MEASURES'
                  ? ' (варианты полей списка здесь не меняются — правьте их в файле определения)'
                  : ''}
                : можно изменить только подсказку.
              </Alert>
            )}
            {hasOptions && (
              <Box sx={{ display: 'grid', gap: 1.5 }}>
                <Typography component="h3" variant="subtitle1">
                  Варианты ответа{question?.type === 'YEAR_MATRIX' ? ' (одинаковые для каждого года)' : ''}
                </Typography>
                {options.map((option, index) => (
                  <Box
                    component="fieldset"
                    key={option.key}
                    sx={{
                      border: 1,
                      borderColor: 'divider',
                      borderRadius: 1,
                      p: 1.5,
                      m: 0,
                      display: 'grid',
                      gridTemplateColumns: '160px 1fr 1fr auto',
                      gap: 1,
                      alignItems: 'start',
                    }}
                  >
                    <Box component="legend" sx={{ px: 0.5, fontSize: '0.875rem' }}>
                      Вариант {index + 1}
                    </Box>
                    <TextField
                      label="Код"
                      size="small"
                      value={option.code}
                      onChange={(event) => change(index, { code: event.target.value })}
                      error={Boolean(problemAt(`options[${index}].code`))}
                      helperText={problemAt(`options[${index}].code`)}
                    />
                    <TextField
                      label="Текст"
                      size="small"
                      multiline
                      value={option.label}
                      onChange={(event) => change(index, { label: event.target.value })}
                      error={Boolean(problemAt(`options[${index}].label`))}
                      helperText={problemAt(`options[${index}].label`)}
                    />
                    <TextField
                      label="Подсказка"
                      size="small"
                      multiline
                      value={option.help ?? ''}
                      onChange={(event) => change(index, { help: event.target.value })}
                    />
                    <Box sx={{ display: 'flex' }}>
                      <IconButton aria-label={`Поднять вариант ${index + 1}`} size="small" disabled={index === 0} onClick={() => move(index, -1)}>
                        <ArrowUpwardIcon fontSize="small" />
                      </IconButton>
                      <IconButton
                        aria-label={`Опустить вариант ${index + 1}`}
                        size="small"
                        disabled={index === options.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        <ArrowDownwardIcon fontSize="small" />
                      </IconButton>
                      <IconButton
                        aria-label={`Удалить вариант ${index + 1}`}
                        size="small"
                        onClick={() => setOptions((rows) => rows.filter((_, i) => i !== index))}
                      >
                        <DeleteOutlinedIcon fontSize="small" />
                      </IconButton>
                    </Box>
                  </Box>
                ))}
                <Box>
                  <Button startIcon={<AddIcon />} onClick={() => setOptions((rows) => [...rows, edited({ code: '', label: '', help: '' })])}>
                    Добавить вариант
                  </Button>
                </Box>
              </Box>
            )}
          </>
        );
      }}
    </ConfirmDialog>
  );
}
