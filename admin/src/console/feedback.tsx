/** @jsxImportSource react */
// How the console answers a coordinator's step: what was done (a polite live region), or the API's
// refusal (an alert) with the problems it found in the fields.
import type { ReactNode } from 'react';
import { Alert, Box } from '@mui/material';
import type { FieldProblem } from './operations.ts';

/** A refusal to show: the API's message and, when it found several, the problems field by field. */
export interface Refusal {
  message: string;
  fieldErrors?: FieldProblem[];
}

/** The problems as a list; `withPaths` shows where each is (a place in an imported file). */
export function FieldProblems({ problems, withPaths = false }: { problems: FieldProblem[]; withPaths?: boolean }) {
  if (problems.length === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5, display: 'grid', gap: 0.5 }} data-testid="field-problems">
      {problems.map((problem) => (
        <li key={`${problem.path} ${problem.message}`}>
          {withPaths && problem.path && (
            <Box component="code" sx={{ fontSize: '0.85em', mr: 1 }}>
              {problem.path}
            </Box>
          )}
          {problem.message}
        </li>
      ))}
    </Box>
  );
}

/**
 * The refusal's message, then the field problems that say more than it (the API's message is the
 * problem itself when there is one, and a summary when there are several).
 */
export function RefusalAlert({ refusal, withPaths, testId }: { refusal: Refusal; withPaths?: boolean; testId?: string }) {
  const more = (refusal.fieldErrors ?? []).filter((problem) => problem.message !== refusal.message);
  return (
    <Alert severity="error" role="alert" data-testid={testId}>
      <Box sx={{ mb: more.length > 0 ? 1 : 0 }}>{refusal.message}</Box>
      <FieldProblems problems={more} withPaths={withPaths} />
    </Alert>
  );
}

/** What a step did; nothing when there is nothing to say. */
export function DoneAlert({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <Alert severity="success" role="status">
      {children}
    </Alert>
  );
}
