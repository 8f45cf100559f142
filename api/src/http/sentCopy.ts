// The sent questionnaire, read-only and printable (issue 13, item 2).
//
// Two ways in:
//   GET  /form/<campaign>/copy   the signed-in respondent's own questionnaire (session cookie), linked
//                                from the form's thank-you page;
//   POST /auth/copy              with the personal link's e and h, once the questionnaire is sent.
//
// The personal link stays unable to edit after the submit: it signs nobody in and makes no session.
// GET /auth?e=…&h=… of a sent questionnaire shows only «Анкета отправлена» and a button (mail scanners
// that follow links see no answers); the button POSTs the link to /auth/copy, which checks it as a
// sign-in does (hash, bound to the e-mail and the campaign, not revoked, the person not disabled,
// the campaign not closed) and answers the copy itself — a page with no-store, no cookie, no form
// to change anything. Refusals are logged and aggregated like the sign-in's. So a leaked link shows
// the answers until the campaign closes, as it did before the submit; the answers are mailed to the
// official at the submit anyway (the receipt).
import { logAuthEvent, logRefusal, type RequestOrigin } from '../auth/authEvents.ts';
import { checkLoginLink } from '../auth/loginLinks.ts';
import { databaseNow, type Db } from '../db/client.ts';
import { type AnswerSheet, answerSheet, answerSheetHtml, sentAtText } from '../services/answerSheet.ts';
import { linkRefusalMessages } from '../services/signIn.ts';
import type { LinkRefusal } from '../auth/loginLinks.ts';
import { escapeHtml, layout } from './pages.ts';

/** Print: the answers alone, black on white, tables kept whole where they fit. */
const PRINT_STYLE = `<style>
.sheet-meta { margin: 0 0 16px; }
.sheet-meta dt { font-weight: bold; }
.sheet-meta dd { margin: 0 0 8px; }
.sheet th { width: 45%; font-weight: normal; }
.sheet-section h2 { font-size: 1.2em; margin: 24px 0 8px; }
.print-hint { color: #555; }
@media print {
  header.site, footer.site, .skip, .print-hint, .sheet-actions { display: none !important; }
  body { font-size: 11pt; color: #000; background: #fff; }
  main { max-width: none; margin: 0; padding: 0; }
  .sheet th, .sheet td { border: 1px solid #777 !important; }
  .sheet tr { break-inside: avoid; }
  .sheet-section h2 { break-after: avoid; }
}
</style>`;

/** The copy: what was sent, when, by whom, and every answer. */
export function sentCopyPage(sheet: AnswerSheet, options: { backToForm?: boolean } = {}): string {
  const sent = sheet.status === 'SUBMITTED';
  return layout({
    title: 'Отправленная анкета',
    body: `${PRINT_STYLE}
<h1>${sent ? 'Отправленная анкета' : 'Анкета (черновик)'}</h1>
<dl class="sheet-meta">
<dt>Опрос</dt><dd>${escapeHtml(sheet.campaignTitle)}</dd>
<dt>Электронная почта</dt><dd>${escapeHtml(sheet.email)}</dd>
<dt>Отправлена</dt><dd data-testid="sent-at">${escapeHtml(sentAtText(sheet))}</dd>
</dl>
<p class="print-hint">Только для просмотра: изменить ответы нельзя. Чтобы распечатать копию или сохранить её в PDF, воспользуйтесь печатью браузера (Ctrl+P).</p>
${options.backToForm ? `<p class="sheet-actions"><a href="/form/${encodeURIComponent(sheet.campaignCode)}/">Вернуться к анкете</a></p>` : ''}
${answerSheetHtml(sheet)}`,
  });
}

/** GET of a personal link whose questionnaire is sent: no answers yet, a button to see them. */
export function sentLinkPage(options: { email: string; token: string }): string {
  return layout({
    title: 'Анкета отправлена',
    body: `<h1>Анкета отправлена</h1>
<p>${escapeHtml(linkRefusalMessages.submitted)} Изменить ответы больше нельзя; копия ответов отправлена на Вашу электронную почту.</p>
<form method="post" action="/auth/copy">
<input type="hidden" name="e" value="${escapeHtml(options.email)}">
<input type="hidden" name="h" value="${escapeHtml(options.token)}">
<button type="submit">Посмотреть отправленную анкету</button>
</form>`,
  });
}

export type CopyByLink =
  | { kind: 'copy'; sheet: AnswerSheet }
  /** The link would sign in (the questionnaire is a draft again): show the sign-in page. */
  | { kind: 'draft' }
  | { kind: 'refused'; reason: LinkRefusal; message: string };

/** The copy a personal link opens, checked as a sign-in checks it; a refusal is logged as one. */
export async function sentCopyByLink(prisma: Db, input: { email: string; token: string; origin: RequestOrigin }): Promise<CopyByLink> {
  const check = await prisma.$transaction(async (tx) => checkLoginLink(tx, input.email, input.token, await databaseNow(tx)));
  if (check.ok) return { kind: 'draft' };
  const sheet = check.sent ? await answerSheet(prisma, check.sent.responseId) : null;
  if (!sheet) {
    await logRefusal(prisma, 'login_refused', input.origin, { email: input.email.slice(0, 254), detail: `copy:${check.reason}` });
    return { kind: 'refused', reason: check.reason, message: linkRefusalMessages[check.reason] };
  }
  await logAuthEvent(prisma, 'sent_copy_viewed', input.origin, { email: sheet.email });
  return { kind: 'copy', sheet };
}
