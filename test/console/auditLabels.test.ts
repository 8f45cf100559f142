// Every action the API writes to the audit log has a Russian label in the console, and every subject
// type a name: the list is api/src/services/auditActions.ts (recordAudit takes only its actions, the
// labels are typed against it); this test also reads the API's source for the actions it writes, so
// an action written outside the list (a cast, a new helper) is caught too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabels, subjectTypeLabels } from '../../admin/src/console/labels.ts';
import { auditActions, auditSubjectTypes } from '../../api/src/services/auditActions.ts';

const root = join(import.meta.dirname, '../../api/src');
const sources = (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((file) => file.endsWith('.ts') && !file.startsWith('generated'))
  .map((file) => readFileSync(join(root, file), 'utf8'));
const auditing = sources.filter((text) => /\brecordAudit\(/.test(text));

/** Literals of `action: '…'` (and of unions `'a' | 'b'`), and of the strings an audited helper is handed. */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const text of auditing) {
    for (const match of text.matchAll(/\baction\??:\s*('[^']+'(?:\s*\|\s*'[^']+')*)/g)) {
      for (const literal of match[1]!.matchAll(/'([^']+)'/g)) found.add(literal[1]!);
    }
  }
  // Actions handed over as arguments ('portalToken.clearOperations'): dotted literals of a known prefix.
  const prefixes = new Set([...found].map((action) => action.split('.')[0]));
  for (const text of auditing) {
    for (const match of text.matchAll(/'([a-z][A-Za-z]*)\.([A-Za-z_.]+)'/g)) if (prefixes.has(match[1]!)) found.add(`${match[1]}.${match[2]}`);
  }
  return found;
}

describe('the audit log in Russian', () => {
  it('every action written by the API is in the list, and has a label', () => {
    const written = writtenActions();
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((action) => !(auditActions as readonly string[]).includes(action))).toEqual([]);
    expect(auditActions.filter((action) => !auditActionLabels[action])).toEqual([]);
    expect(Object.keys(auditActionLabels).filter((action) => !(auditActions as readonly string[]).includes(action))).toEqual([]);
  });

  it('every subject type written by the API has a name', () => {
    const written = new Set(auditing.flatMap((text) => [...text.matchAll(/\bsubjectType:\s*'([^']+)'/g)].map((match) => match[1]!)));
    expect(written.size).toBeGreaterThan(5);
    expect([...written].filter((type) => !(auditSubjectTypes as readonly string[]).includes(type))).toEqual([]);
    expect(auditSubjectTypes.filter((type) => !subjectTypeLabels[type])).toEqual([]);
  });

  it('labels are Russian text', () => {
    for (const label of [...Object.values(auditActionLabels), ...Object.values(subjectTypeLabels)]) expect(label).toMatch(/^[А-ЯЁ][а-яё]/);
  });
});
