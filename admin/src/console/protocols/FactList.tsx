/** @jsxImportSource react */
// Facts of a record as a definition list (term: value, in two columns): a protocol's header, a task
// deadline's facts.
import { Box } from '@mui/material';
import { Fragment, type ReactNode } from 'react';

export function FactList({ facts, testId }: { facts: [string, ReactNode][]; testId: string }) {
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }} data-testid={testId}>
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <Box component="dt" sx={{ color: 'text.secondary' }}>
            {term}
          </Box>
          <Box component="dd" sx={{ m: 0 }}>
            {value}
          </Box>
        </Fragment>
      ))}
    </Box>
  );
}
