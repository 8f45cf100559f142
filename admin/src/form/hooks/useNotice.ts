// The notice in the page's polite live region («Сведения сохранены») stays a few seconds, then the
// corner is clear again.
import { useEffect, useState } from 'preact/hooks';

const NOTICE_MS = 8000;

export function useNotice(): [notice: string, announce: (text: string) => void] {
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice];
}
