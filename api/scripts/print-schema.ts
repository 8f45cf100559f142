// npm run schema:print — writes schema.graphql (the printed SDL, checked in; a test compares it).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { schema } from '../src/schema/index.ts';

export const schemaFile = path.resolve(import.meta.dirname, '../../schema.graphql');
export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await writeFile(schemaFile, printedSchema());
  console.log(`Wrote ${schemaFile}`);
}
