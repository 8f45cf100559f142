// The browser tab says which screen of which questionnaire is open (lib/navigation.ts pageTitle).
import { useEffect } from 'preact/hooks';

/** null leaves the page's own title (the questionnaire is not loaded yet). */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = title;
  }, [title]);
}
