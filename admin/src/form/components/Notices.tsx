// What the page says about the last action: the polite live region («Сведения сохранены»), and the
// alert after a request that did not succeed (with «Загрузить сохранённую версию» after a conflict).
import type { Busy } from '../hooks/useQuestionnaire.ts';
import type { Alert } from '../lib/problems.ts';

/** Always on the page, so screen readers hear what appears in it. */
export function LiveRegion({ notice }: { notice: string }) {
  return (
    <div class="live" role="status" aria-live="polite" aria-atomic="true">
      {notice && <p class="notice">{notice}</p>}
    </div>
  );
}

export function FormAlert({ alert, busy, onReload }: { alert: Alert; busy: Busy | null; onReload(): void }) {
  return (
    <div id="form-alert" class={`alert alert-${alert.kind === 'info' ? 'info' : 'error'}`} role="alert" tabIndex={-1}>
      <p>{alert.message}</p>
      {alert.kind === 'conflict' && (
        <button type="button" class="button" onClick={() => onReload()} aria-disabled={busy ? 'true' : undefined}>
          {busy === 'reload' ? 'Загрузка…' : 'Загрузить сохранённую версию'}
        </button>
      )}
      {alert.kind === 'unauthenticated' && (
        <p>
          <a href="/link">Получить ссылку повторно</a>
        </p>
      )}
    </div>
  );
}
