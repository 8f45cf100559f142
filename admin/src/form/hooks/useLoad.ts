// Loading the questionnaire, the person's answers and the reference lists in one request when the
// page opens, and again after «Повторить» when that failed.
import { useEffect, useRef, useState } from 'preact/hooks';
import { gql, LOAD } from '../lib/api.ts';
import { readLoad, type Failure, type LoadData, type Loaded } from '../lib/load.ts';
import type { ResponseState } from '../lib/types.ts';

export interface Load {
  /** Why the questionnaire is not on screen; null while loading and once loaded. */
  failure: Failure | null;
  /** «Повторить»: loads again. */
  retry(): void;
}

export function useLoad(campaignCode: string, onLoaded: (loaded: Loaded, response: ResponseState) => void): Load {
  const [failure, setFailure] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const latestOnLoaded = useRef(onLoaded);
  latestOnLoaded.current = onLoaded;

  // biome-ignore lint/correctness/useExhaustiveDependencies(attempt): attempt is what «Повторить» changes to run the load again; the load itself does not read it
  useEffect(() => {
    let cancelled = false;
    void gql<LoadData>(LOAD, { code: campaignCode }).then((outcome) => {
      if (cancelled) return;
      const result = readLoad(outcome);
      if (result.kind !== 'loaded') return setFailure(result);
      setFailure(null);
      latestOnLoaded.current(result.loaded, result.response);
    });
    return () => {
      cancelled = true;
    };
  }, [campaignCode, attempt]);

  return {
    failure,
    retry() {
      setFailure(null);
      setAttempt((count) => count + 1);
    },
  };
}
