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
