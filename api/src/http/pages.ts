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

export type FieldErrors = Partial<Record<'email' | 'campaign' | 'consent' | 'captcha' | 'form', string>>;

const fieldIds = { email: 'email', campaign: 'campaign-field', consent: 'consent', captcha: 'captcha-field', form: 'main' } as const;

function errorSummary(errors: FieldErrors): string {
  const entries = Object.entries(errors) as [keyof FieldErrors, string][];
  if (!entries.length) return '';
  // Focused when the page opens (GOV.UK error summary), every problem at once, each a link to its field.
  return `<div class="error-summary" role="alert" tabindex="-1" id="error-summary" autofocus>
<h2>Исправьте ${entries.length === 1 ? 'ошибку' : 'ошибки'}</h2>
<ul>${entries.map(([field, message]) => `<li><a href="#${fieldIds[field]}">${escapeHtml(message)}</a></li>`).join('')}</ul>
</div>`;
}

function fieldError(id: string, message?: string): string {
  return message ? `<p class="error-text" id="${id}-error">${escapeHtml(message)}</p>` : '';
}

export interface CampaignInfo {
  code: string;
  title: string;
  window: string;
}

/** With two windows open, which survey the person registers for (none chosen beforehand). */
function campaignChoice(campaigns: CampaignInfo[], chosen: string | undefined, error: string | undefined): string {
  if (campaigns.length < 2) return '';
  return `<fieldset class="field" id="campaign-field"${error ? ' aria-describedby="campaign-error"' : ''}>
<legend class="label">Опрос, в котором Вы участвуете <span class="required" aria-hidden="true">*</span></legend>
${fieldError('campaign', error)}
${campaigns
  .map(
    (campaign) => `<div class="radio">
<input type="radio" id="campaign-${escapeHtml(campaign.code)}" name="campaign" value="${escapeHtml(campaign.code)}" required${campaign.code === chosen ? ' checked' : ''}>
<label for="campaign-${escapeHtml(campaign.code)}">${escapeHtml(campaign.title)}<span class="hint">${escapeHtml(campaign.window)}</span></label>
</div>`,
  )
  .join('\n')}
</fieldset>`;
}

export function registerPage(options: {
  campaign: CampaignInfo;
  campaigns?: CampaignInfo[];
  chosen?: string;
  email?: string;
  errors?: FieldErrors;
}): string {
  const errors = options.errors ?? {};
  const several = (options.campaigns?.length ?? 0) > 1;
  const invalid = (field: keyof FieldErrors) => (errors[field] ? ` aria-invalid="true" aria-describedby="${field}-error"` : '');
  return layout({
    title: 'Регистрация',
    scripts: ['register.js'],
    body: `${errorSummary(errors)}
${several ? '<h1>Регистрация в мониторинге</h1>\n<p class="lead">Сейчас открыто несколько опросов: выберите свой.</p>' : `<h1>${escapeHtml(options.campaign.title)}</h1>\n<p class="lead">${escapeHtml(options.campaign.window)}.</p>`}
<p>Уважаемый коллега! Настоящий опрос проводится в целях анализа практики использования результатов независимой оценки качества условий оказания услуг организациями социальной сферы (НОК) и мер, принимаемых по итогам ее проведения, в субъектах Российской Федерации.</p>
<form method="post" action="/register" novalidate>
<div class="field">
<label for="email">Адрес электронной почты <span class="required" aria-hidden="true">*</span></label>
<p class="hint" id="email-hint">На него будет отправлена ссылка для входа в систему</p>
${fieldError('email', errors.email)}
<input type="text" inputmode="email" spellcheck="false" autocapitalize="none" id="email" name="email" autocomplete="email" required maxlength="254" value="${escapeHtml(options.email ?? '')}"${invalid('email') || ' aria-describedby="email-hint"'}>
</div>
${campaignChoice(options.campaigns ?? [], options.chosen, errors.campaign)}
<div class="field" id="captcha-field">
<p class="label" id="captcha">Подтвердите, что Вы не робот</p>
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
<input type="text" inputmode="email" spellcheck="false" autocapitalize="none" id="email" name="email" autocomplete="email" required maxlength="254" value="${escapeHtml(options.email ?? '')}"${errors.email ? ' aria-invalid="true" aria-describedby="email-error"' : ''}>
</div>
<div class="field" id="captcha-field">
<p class="label" id="captcha">Подтвердите, что Вы не робот</p>
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
