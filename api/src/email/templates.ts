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

export function loginLinkMail(options: { link: string; campaignTitle: string; window: string; siteHost: string }): RenderedMail {
  const subject = 'Мониторинг результатов НОК';
  const text = [
    'Уважаемый коллега!',
    '',
    `Для входа в систему ${options.siteHost} воспользуйтесь персональной ссылкой:`,
    options.link,
    '',
    `${options.campaignTitle}. ${options.window}.`,
    'Ссылка действует до отправки анкеты или до окончания срока опроса. Не пересылайте её: по ней входят в Ваш личный кабинет.',
    'Если Вы не регистрировались в системе мониторинга, просто удалите это письмо.',
    '',
    supportText,
  ].join('\n');
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;font-size:15px;color:#1b1b1b">
<p>Уважаемый коллега!</p>
<p>Для входа в систему ${escapeHtml(options.siteHost)} воспользуйтесь персональной ссылкой:</p>
<p><a href="${escapeHtml(options.link)}">${escapeHtml(options.link)}</a></p>
<p>${escapeHtml(options.campaignTitle)}. ${escapeHtml(options.window)}.</p>
<p>Ссылка действует до отправки анкеты или до окончания срока опроса. Не пересылайте её: по ней входят в Ваш личный кабинет.<br>
Если Вы не регистрировались в системе мониторинга, просто удалите это письмо.</p>
<p style="color:#555">${escapeHtml(supportText)}</p></body></html>`;
  return { subject, text, html };
}

/** A coordinators' reminder to finish the questionnaire, with a fresh personal link. */
export function reminderMail(options: { link: string; campaignTitle: string; window: string; siteHost: string }): RenderedMail {
  const subject = 'Напоминание: мониторинг результатов НОК';
  const lines = [
    'Уважаемый коллега!',
    '',
    `Напоминаем о необходимости заполнить и отправить анкету: ${options.campaignTitle}. ${options.window}.`,
    'В обработке учитываются только полностью заполненные и отправленные анкеты.',
    '',
    `Для входа в систему ${options.siteHost} воспользуйтесь персональной ссылкой:`,
    options.link,
    '',
    'Ссылка действует до отправки анкеты или до окончания срока опроса. Ранее полученные ссылки больше не действуют. Не пересылайте её: по ней входят в Ваш личный кабинет.',
    '',
    supportText,
  ];
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;font-size:15px;color:#1b1b1b">
<p>Уважаемый коллега!</p>
<p>Напоминаем о необходимости заполнить и отправить анкету: ${escapeHtml(options.campaignTitle)}. ${escapeHtml(options.window)}.<br>
В обработке учитываются только полностью заполненные и отправленные анкеты.</p>
<p>Для входа в систему ${escapeHtml(options.siteHost)} воспользуйтесь персональной ссылкой:</p>
<p><a href="${escapeHtml(options.link)}">${escapeHtml(options.link)}</a></p>
<p>Ссылка действует до отправки анкеты или до окончания срока опроса. Ранее полученные ссылки больше не действуют. Не пересылайте её: по ней входят в Ваш личный кабинет.</p>
<p style="color:#555">${escapeHtml(supportText)}</p></body></html>`;
  return { subject, text: lines.join('\n'), html };
}

/** The questionnaire was returned for rework (issue 13, item 1): the reason and a fresh personal link. */
export function returnedMail(options: { link: string; campaignTitle: string; window: string; siteHost: string; reason: string }): RenderedMail {
  const subject = 'Анкета возвращена на доработку: мониторинг результатов НОК';
  const lines = [
    'Уважаемый коллега!',
    '',
    `Ваша анкета возвращена на доработку: ${options.campaignTitle}.`,
    `Причина: ${options.reason}`,
    '',
    'Внесите исправления и отправьте анкету снова. Ранее введённые ответы сохранены.',
    `${options.window}.`,
    '',
    `Для входа в систему ${options.siteHost} воспользуйтесь персональной ссылкой:`,
    options.link,
    '',
    'Ссылка действует до отправки анкеты или до окончания срока опроса. Ранее полученные ссылки больше не действуют. Не пересылайте её: по ней входят в Ваш личный кабинет.',
    '',
    supportText,
  ];
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;font-size:15px;color:#1b1b1b">
<p>Уважаемый коллега!</p>
<p>Ваша анкета возвращена на доработку: ${escapeHtml(options.campaignTitle)}.</p>
<p style="border-left:4px solid #b35c00;padding:4px 12px"><strong>Причина:</strong> ${escapeHtml(options.reason).replace(/\n/g, '<br>')}</p>
<p>Внесите исправления и отправьте анкету снова. Ранее введённые ответы сохранены.<br>${escapeHtml(options.window)}.</p>
<p>Для входа в систему ${escapeHtml(options.siteHost)} воспользуйтесь персональной ссылкой:</p>
<p><a href="${escapeHtml(options.link)}">${escapeHtml(options.link)}</a></p>
<p>Ссылка действует до отправки анкеты или до окончания срока опроса. Ранее полученные ссылки больше не действуют. Не пересылайте её: по ней входят в Ваш личный кабинет.</p>
<p style="color:#555">${escapeHtml(supportText)}</p></body></html>`;
  return { subject, text: lines.join('\n'), html };
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
  const lines = [
    'Уважаемый коллега!',
    '',
    `Ваша анкета получена: ${options.campaignTitle}.`,
    `Дата и время отправки: ${options.sentAt}.`,
    'Благодарим за участие в опросе! Ниже — копия отправленных ответов. Просмотреть анкету можно и по персональной ссылке из прежнего письма (только чтение, до окончания срока опроса).',
    '',
    'ОТПРАВЛЕННЫЕ ОТВЕТЫ',
    options.answersText,
    '',
    supportText,
  ];
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;font-size:15px;color:#1b1b1b">
<p>Уважаемый коллега!</p>
<p>Ваша анкета получена: ${escapeHtml(options.campaignTitle)}.<br>Дата и время отправки: ${escapeHtml(options.sentAt)}.</p>
<p>Благодарим за участие в опросе! Ниже — копия отправленных ответов. Просмотреть анкету можно и по персональной ссылке из прежнего письма (только чтение, до окончания срока опроса).</p>
<h2 style="font-size:17px">Отправленные ответы</h2>
${options.answersHtml}
<p style="color:#555">${escapeHtml(supportText)}</p></body></html>`;
  return { subject, text: lines.join('\n'), html };
}
