// The mails, in Russian, as plain text and HTML.
export const SUPPORT = {
  organisation: 'Ресурсный центр ФГБУ «ВНИИ труда» Минтруда России',
  phone: '(495) 917-26-89',
  email: 'diagnostica@vcot.info',
} as const;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const supportText = `По вопросам, связанным с проведением мониторинга, обращайтесь в ${SUPPORT.organisation}: телефон ${SUPPORT.phone}, электронная почта ${SUPPORT.email}.`;

/** A mail's plain text: the greeting, `body`'s lines, the support's contacts. */
const textMail = (body: string[]) => ['Уважаемый коллега!', '', ...body, '', supportText].join('\n');

/** A mail's HTML: the greeting, `body` (paragraphs), the support's contacts. */
const htmlMail = (body: string) => `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;font-size:15px;color:#1b1b1b">
<p>Уважаемый коллега!</p>
${body}
<p style="color:#555">${escapeHtml(supportText)}</p></body></html>`;

type LinkOptions = { link: string; siteHost: string };

const linkIntro = (options: LinkOptions) => `Для входа в систему ${options.siteHost} воспользуйтесь персональной ссылкой:`;

/** The personal link, as lines of text and as paragraphs. */
const linkText = (options: LinkOptions) => [linkIntro(options), options.link];
const linkHtml = (options: LinkOptions) =>
  `<p>${escapeHtml(linkIntro(options))}</p>
<p><a href="${escapeHtml(options.link)}">${escapeHtml(options.link)}</a></p>`;

const LINK_LIFE = 'Ссылка действует до отправки анкеты или до окончания срока опроса.';
const DO_NOT_FORWARD = 'Не пересылайте её: по ней входят в Ваш личный кабинет.';
/** What a fresh link (a reminder's, a return's) says of itself. */
const FRESH_LINK = `${LINK_LIFE} Ранее полученные ссылки больше не действуют. ${DO_NOT_FORWARD}`;

export function loginLinkMail(options: { link: string; campaignTitle: string; window: string; siteHost: string }): RenderedMail {
  const subject = 'Мониторинг результатов НОК';
  const notRegistered = 'Если Вы не регистрировались в системе мониторинга, просто удалите это письмо.';
  const text = textMail([...linkText(options), '', `${options.campaignTitle}. ${options.window}.`, `${LINK_LIFE} ${DO_NOT_FORWARD}`, notRegistered]);
  const html = htmlMail(`${linkHtml(options)}
<p>${escapeHtml(options.campaignTitle)}. ${escapeHtml(options.window)}.</p>
<p>${LINK_LIFE} ${DO_NOT_FORWARD}<br>
${notRegistered}</p>`);
  return { subject, text, html };
}

/** A coordinators' reminder to finish the questionnaire, with a fresh personal link. */
export function reminderMail(options: { link: string; campaignTitle: string; window: string; siteHost: string }): RenderedMail {
  const subject = 'Напоминание: мониторинг результатов НОК';
  const onlySent = 'В обработке учитываются только полностью заполненные и отправленные анкеты.';
  const text = textMail([
    `Напоминаем о необходимости заполнить и отправить анкету: ${options.campaignTitle}. ${options.window}.`,
    onlySent,
    '',
    ...linkText(options),
    '',
    FRESH_LINK,
  ]);
  const html =
    htmlMail(`<p>Напоминаем о необходимости заполнить и отправить анкету: ${escapeHtml(options.campaignTitle)}. ${escapeHtml(options.window)}.<br>
${onlySent}</p>
${linkHtml(options)}
<p>${FRESH_LINK}</p>`);
  return { subject, text, html };
}

/** The questionnaire was returned for rework (issue 13, item 1): the reason and a fresh personal link. */
export function returnedMail(options: { link: string; campaignTitle: string; window: string; siteHost: string; reason: string }): RenderedMail {
  const subject = 'Анкета возвращена на доработку: мониторинг результатов НОК';
  const rework = 'Внесите исправления и отправьте анкету снова. Ранее введённые ответы сохранены.';
  const text = textMail([
    `Ваша анкета возвращена на доработку: ${options.campaignTitle}.`,
    `Причина: ${options.reason}`,
    '',
    rework,
    `${options.window}.`,
    '',
    ...linkText(options),
    '',
    FRESH_LINK,
  ]);
  const html = htmlMail(`<p>Ваша анкета возвращена на доработку: ${escapeHtml(options.campaignTitle)}.</p>
<p style="border-left:4px solid #b35c00;padding:4px 12px"><strong>Причина:</strong> ${escapeHtml(options.reason).replace(/\n/g, '<br>')}</p>
<p>${rework}<br>${escapeHtml(options.window)}.</p>
${linkHtml(options)}
<p>${FRESH_LINK}</p>`);
  return { subject, text, html };
}

/**
 * The receipt of a sent questionnaire (issue 13, item 2): when it was received and every answer, so
 * the official keeps a copy; no link (the personal link of the earlier mail shows it read-only).
 */
export function receiptMail(options: {
  campaignTitle: string;
  sentAt: string;
  siteHost: string;
  answersText: string;
  answersHtml: string;
}): RenderedMail {
  const subject = 'Анкета получена: мониторинг результатов НОК';
  const thanks =
    'Благодарим за участие в опросе! Ниже — копия отправленных ответов. Просмотреть анкету можно и по персональной ссылке из прежнего письма (только чтение, до окончания срока опроса).';
  const text = textMail([
    `Ваша анкета получена: ${options.campaignTitle}.`,
    `Дата и время отправки: ${options.sentAt}.`,
    thanks,
    '',
    'ОТПРАВЛЕННЫЕ ОТВЕТЫ',
    options.answersText,
  ]);
  const html = htmlMail(`<p>Ваша анкета получена: ${escapeHtml(options.campaignTitle)}.<br>Дата и время отправки: ${escapeHtml(options.sentAt)}.</p>
<p>${thanks}</p>
<h2 style="font-size:17px">Отправленные ответы</h2>
${options.answersHtml}`);
  return { subject, text, html };
}
