// The notice in the page's polite live region («Сведения сохранены») stays a few seconds, then the
// corner is clear again. It never hides the field being filled in: it goes as soon as the person
// types, or focuses an input it lies over (on a phone the corner is where the focused field ends up).
import { useEffect, useState } from 'preact/hooks';

const NOTICE_MS = 8000;

export function useNotice(): [notice: string, announce: (text: string) => void] {
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), NOTICE_MS);
    const clearIfCovering = (event: Event) => {
      const field = event.target as Element;
      const toast = document.querySelector('.live .notice');
      if (!toast || !field.matches?.('input, textarea, select')) return;
      const a = toast.getBoundingClientRect();
      const b = field.getBoundingClientRect();
      if (event.type === 'input' || (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)) setNotice('');
    };
    document.addEventListener('focusin', clearIfCovering);
    document.addEventListener('input', clearIfCovering);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('focusin', clearIfCovering);
      document.removeEventListener('input', clearIfCovering);
    };
  }, [notice]);
  return [notice, setNotice];
}
