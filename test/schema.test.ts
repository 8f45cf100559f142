// schema.graphql is printed by `npm run schema:print`; this fails when the checked-in file is stale.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { printedSchema, schemaFile } from '../api/scripts/print-schema.ts';

it('schema.graphql matches the schema the code builds (run `npm run schema:print`)', () => {
  expect(readFileSync(schemaFile, 'utf8')).toBe(printedSchema());
});
