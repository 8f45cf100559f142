// A local draft of the open section that says something other than the stored answers: the person
// restores it (then checks and saves) or discards it.
import { formatDateTime } from '../lib/dates.ts';
import type { Draft } from '../lib/draft.ts';

export function DraftOffer({ draft, onRestore, onDiscard }: { draft: Draft; onRestore(draft: Draft): void; onDiscard(): void }) {
  return (
    <section class="draft" aria-labelledby="draft-title">
      <p id="draft-title">Найден несохранённый черновик раздела от {formatDateTime(draft.savedAt)}. Восстановить?</p>
      <div class="actions-inline">
        <button type="button" class="button" onClick={() => onRestore(draft)}>
          Восстановить
        </button>
        <button type="button" class="button button-secondary" onClick={() => onDiscard()}>
          Удалить черновик
        </button>
      </div>
    </section>
  );
}
