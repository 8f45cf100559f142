// What the page says until the questionnaire is on screen: «Загрузка анкеты…», or why it cannot be
// shown — nobody signed in, an unknown campaign, no connection or a server error (with «Повторить»).
import type { Failure } from '../lib/load.ts';

/** failure: null while loading. */
export function LoadStatus({ failure, onRetry }: { failure: Failure | null; onRetry(): void }) {
  if (!failure) return <p class="loading">Загрузка анкеты…</p>;
  if (failure.kind === 'unauthenticated') {
    return (
      <div class="panel">
        <h2>Войдите по персональной ссылке из письма</h2>
        <p>
          Анкета открывается по персональной ссылке, которая пришла на вашу электронную почту в письме «Мониторинг результатов НОК». Если письма нет,
          проверьте папку «Спам» или получите ссылку повторно.
        </p>
        <p>
          <a class="button" href="/link">
            Получить ссылку повторно
          </a>
        </p>
      </div>
    );
  }
  if (failure.kind === 'notFound') {
    return (
      <div class="panel">
        <h2>Опрос не найден</h2>
        <p>Проверьте адрес страницы: возможно, ссылка устарела.</p>
      </div>
    );
  }
  return (
    <div class="panel" role="alert">
      <h2>Не удалось загрузить анкету</h2>
      <p>{failure.kind === 'network' ? 'Нет связи с сервером. Проверьте подключение к интернету.' : failure.message}</p>
      <p>
        <button type="button" class="button" onClick={() => onRetry()}>
          Повторить
        </button>
      </p>
    </div>
  );
}
