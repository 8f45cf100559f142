// A sent questionnaire as people read it (issue 13, item 2): every section with its answered
// questions (number, label, the answer in words) and the measures, for the receipt mail and the
// read-only printable copy. Built from the console's record of a response (option labels, not codes).
import type { Db } from '../db/client.ts';
import { moscowTimeText } from '../survey/window.ts';
import { responseRecord } from './respondents.ts';

export interface AnswerSheet {
  campaignCode: string;
  campaignTitle: string;
  email: string;
  status: 'DRAFT' | 'SUBMITTED';
  submittedAt: Date | null;
  sections: {
    title: string;
    rows: { number: string | null; label: string; text: string }[];
    measures: { title: string; rows: [label: string, text: string][] }[];
  }[];
}

/** The response's sheet, or null when there is none. */
export async function answerSheet(prisma: Db, responseId: number): Promise<AnswerSheet | null> {
  const record = await responseRecord(prisma, responseId);
  if (!record) return null;
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: record.campaignCode }, select: { title: true } });
  return {
    campaignCode: record.campaignCode,
    campaignTitle: campaign.title,
    email: record.respondentEmail,
    status: record.status,
    submittedAt: record.submittedAt,
    sections: record.sections.map((section) => ({
      title: section.title,
      rows: section.answers.map((answer) => ({ number: answer.number, label: answer.label, text: answer.text })),
      measures: record.measures
        .filter((measure) => section.measureQuestionCodes.includes(measure.questionCode))
        .map((measure, index) => ({
          title: `Мероприятие ${index + 1}`,
          rows: (
            [
              ['Вид мероприятия', [measure.groupName, measure.typeName].filter(Boolean).join(': ')],
              ['Наименование', measure.title],
              ['Описание', measure.description],
              ['Результат', measure.result],
              ['Год', measure.year === null || measure.year === undefined ? '' : String(measure.year)],
            ] as [string, string | null][]
          )
            .filter((row): row is [string, string] => Boolean(row[1]))
            .map(([label, text]) => [label, text] as [string, string]),
        })),
    })),
  };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export const sentAtText = (sheet: AnswerSheet) => (sheet.submittedAt ? `${moscowTimeText(sheet.submittedAt)} (мск)` : 'не отправлена');

/** Plain text, for the mail. */
export function answerSheetText(sheet: AnswerSheet): string {
  const lines: string[] = [];
  for (const section of sheet.sections) {
    lines.push('', section.title.toUpperCase());
    if (!section.rows.length && !section.measures.length) lines.push('  (нет ответов)');
    for (const row of section.rows) lines.push(`${row.number ? `${row.number}. ` : ''}${row.label}`, `  ${row.text.replace(/\n/g, '\n  ')}`);
    for (const measure of section.measures) {
      lines.push(measure.title);
      for (const [label, text] of measure.rows) lines.push(`  ${label}: ${text.replace(/\n/g, '\n    ')}`);
    }
  }
  return lines.join('\n');
}

/** An HTML fragment (a heading and a table per section), for the mail and the printable copy. */
export function answerSheetHtml(sheet: AnswerSheet, options: { headingLevel?: 2 | 3 } = {}): string {
  const h = `h${options.headingLevel ?? 2}`;
  const cell = 'style="border:1px solid #ccc;padding:6px 8px;vertical-align:top;text-align:left"';
  return sheet.sections
    .map((section) => {
      const rows = section.rows.map(
        (row) =>
          `<tr><th scope="row" ${cell}>${row.number ? `${escapeHtml(row.number)}. ` : ''}${escapeHtml(row.label)}</th><td ${cell}>${escapeHtml(row.text).replace(/\n/g, '<br>')}</td></tr>`,
      );
      for (const measure of section.measures) {
        rows.push(`<tr><th colspan="2" scope="rowgroup" ${cell}>${escapeHtml(measure.title)}</th></tr>`);
        for (const [label, text] of measure.rows) {
          rows.push(`<tr><th scope="row" ${cell}>${escapeHtml(label)}</th><td ${cell}>${escapeHtml(text).replace(/\n/g, '<br>')}</td></tr>`);
        }
      }
      const body = rows.length
        ? `<table class="sheet" style="border-collapse:collapse;width:100%;margin:0 0 16px"><tbody>${rows.join('')}</tbody></table>`
        : '<p>Нет ответов.</p>';
      return `<section class="sheet-section"><${h}>${escapeHtml(section.title)}</${h}>${body}</section>`;
    })
    .join('\n');
}
