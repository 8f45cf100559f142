// Server-rendered pages of the respondent journey, in Russian. Every value is escaped.
import { CURRENT_CONSENT } from '../services/consent.ts';
import { SUPPORT } from '../email/templates.ts';
import { assetUrl, type AssetName } from './assets.ts';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

interface LayoutOptions {
  title: string;
  body: string;
  /** Scripts of the page, by asset name; the page names their hashed files. */
  scripts?: AssetName[];
}

export function layout({ title, body, scripts = [] }: LayoutOptions): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Мониторинг результатов НОК</title>
<link rel="stylesheet" href="${escapeHtml(assetUrl('site.css'))}">
${scripts.map((name) => `<script src="${escapeHtml(assetUrl(name))}" defer></script>`).join('\n')}
</head>
<body>
<a class="skip" href="#main">Перейти к содержанию</a>
<header class="site">
<p class="title">Мониторинг использования результатов независимой оценки качества</p>
<p class="subtitle">Ресурсный центр ФГБУ «ВНИИ труда» Минтруда России</p>
</header>
<main id="main">
${body}
</main>
<footer class="site">
<p>По вопросам, связанным с проведением мониторинга: телефон ${escapeHtml(SUPPORT.phone)}, электронная почта <a href="mailto:${SUPPORT.email}">${SUPPORT.email}</a>.</p>
<p>© ВНИИ труда Минтруда России</p>
</footer>
</body>
</html>`;
}

export type FieldErrors = Partial<Record<'email' | 'consent' | 'captcha' | 'form', string>>;

const fieldIds = { email: 'email', consent: 'consent', captcha: 'captcha', form: 'main' } as const;

function errorSummary(errors: FieldErrors): string {
  const entries = Object.entries(errors) as [keyof FieldErrors, string][];
  if (!entries.length) return '';
  return `<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
<h2>Не удалось отправить форму</h2>
<ul>${entries.map(([field, message]) => `<li><a href="#${fieldIds[field]}">${escapeHtml(message)}</a></li>`).join('')}</ul>
</div>`;
}

function fieldError(id: string, message?: string): string {
  return message ? `<p class="error-text" id="${id}-error">${escapeHtml(message)}</p>` : '';
}

export interface CampaignInfo {
  title: string;
  window: string;
}

export function registerPage(options: { campaign: CampaignInfo; email?: string; errors?: FieldErrors }): string {
  const errors = options.errors ?? {};
  const invalid = (field: keyof FieldErrors) => (errors[field] ? ` aria-invalid="true" aria-describedby="${field}-error"` : '');
  return layout({
    title: 'Регистрация',
    scripts: ['register.js'],
    body: `${errorSummary(errors)}
<h1>${escapeHtml(options.campaign.title)}</h1>
<p class="lead">${escapeHtml(options.campaign.window)}.</p>
<p>Уважаемый коллега! Настоящий опрос проводится в целях анализа практики использования результатов независимой оценки качества условий оказания услуг организациями социальной сферы (НОК) и мер, принимаемых по итогам ее проведения, в субъектах Российской Федерации.</p>
<form method="post" action="/register" novalidate>
<div class="field">
<label for="email">Адрес электронной почты <span class="required" aria-hidden="true">*</span></label>
<p class="hint" id="email-hint">На него будет отправлена ссылка для входа в систему</p>
${fieldError('email', errors.email)}
<input type="email" id="email" name="email" autocomplete="email" required maxlength="254" value="${escapeHtml(options.email ?? '')}"${invalid('email') || ' aria-describedby="email-hint"'}>
</div>
<div class="field" id="captcha">
<p class="label">Подтвердите, что Вы не робот</p>
${fieldError('captcha', errors.captcha)}
<altcha-widget challenge="/altcha/challenge" name="altcha" language="ru" hidefooter hidelogo></altcha-widget>
<noscript><p class="error-text">Для проверки «Я не робот» включите JavaScript в браузере.</p></noscript>
</div>
<div class="field">
${fieldError('consent', errors.consent)}
<div class="checkbox">
<input type="checkbox" id="consent" name="consent" value="yes" required${invalid('consent')}>
<label for="consent">${escapeHtml(CURRENT_CONSENT.text)}</label>
</div>
<input type="hidden" name="consentVersion" value="${escapeHtml(CURRENT_CONSENT.version)}">
</div>
<button type="submit">Зарегистрироваться</button>
</form>
<p>Уже зарегистрированы? <a href="/link">Получить ссылку для входа повторно</a></p>`,
  });
}

export function registeredPage(): string {
  return layout({
    title: 'Учетная запись создана успешно',
    body: `<h1>Учетная запись создана успешно</h1>
<div class="notice" role="status"><p>Ваша учетная запись успешно зарегистрирована.</p></div>
<p>Для входа в систему Вам необходимо проверить свой почтовый ящик и перейти по ссылке, указанной в письме «Мониторинг результатов НОК».</p>
<p><strong>Если письма нет во входящих, проверьте папку «Спам».</strong></p>
<p>Если письмо не пришло, напишите нам на электронную почту <a href="mailto:${SUPPORT.email}">${SUPPORT.email}</a> или <a href="/link">запросите ссылку повторно</a>.</p>`,
  });
}

export function linkRequestPage(options: { email?: string; errors?: FieldErrors }): string {
  const errors = options.errors ?? {};
  return layout({
    title: 'Получить ссылку для входа',
    scripts: ['register.js'],
    body: `${errorSummary(errors)}
<h1>Получить ссылку для входа повторно</h1>
<p>Укажите адрес электронной почты, с которым Вы регистрировались. Мы отправим на него новую персональную ссылку; прежние ссылки перестанут действовать.</p>
<form method="post" action="/link" novalidate>
<div class="field">
<label for="email">Адрес электронной почты <span class="required" aria-hidden="true">*</span></label>
${fieldError('email', errors.email)}
<input type="email" id="email" name="email" autocomplete="email" required maxlength="254" value="${escapeHtml(options.email ?? '')}"${errors.email ? ' aria-invalid="true" aria-describedby="email-error"' : ''}>
</div>
<div class="field" id="captcha">
<p class="label">Подтвердите, что Вы не робот</p>
${fieldError('captcha', errors.captcha)}
<altcha-widget challenge="/altcha/challenge" name="altcha" language="ru" hidefooter hidelogo></altcha-widget>
</div>
<button type="submit">Отправить ссылку</button>
</form>`,
  });
}

export function linkSentPage(): string {
  return layout({
    title: 'Ссылка отправлена',
    body: `<h1>Проверьте почту</h1>
<div class="notice" role="status"><p>Если этот адрес зарегистрирован в системе мониторинга, на него отправлено письмо «Мониторинг результатов НОК» с новой персональной ссылкой.</p></div>
<p>Если письма нет во входящих, проверьте папку «Спам». Если письмо не пришло, напишите нам: <a href="mailto:${SUPPORT.email}">${SUPPORT.email}</a>.</p>`,
  });
}

export function signInPage(options: { email: string; token: string }): string {
  return layout({
    title: 'Вход в систему',
    body: `<h1>Вход в личный кабинет</h1>
<p>Вы входите в систему мониторинга с адресом <strong>${escapeHtml(options.email)}</strong>.</p>
<form method="post" action="/auth">
<input type="hidden" name="e" value="${escapeHtml(options.email)}">
<input type="hidden" name="h" value="${escapeHtml(options.token)}">
<button type="submit">Войти</button>
</form>`,
  });
}

export function messagePage(options: { title: string; message: string; linkToRequest?: boolean }): string {
  return layout({
    title: options.title,
    body: `<h1>${escapeHtml(options.title)}</h1>
<p>${escapeHtml(options.message)}</p>
${options.linkToRequest ? '<p><a class="button" href="/link">Получить новую ссылку</a></p>' : ''}`,
  });
}

export function windowClosedPage(message: string): string {
  return layout({ title: 'Регистрация недоступна', body: `<h1>Регистрация недоступна</h1><p>${escapeHtml(message)}</p>` });
}
