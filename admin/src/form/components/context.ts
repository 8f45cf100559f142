// What every field needs besides its own value: reference lists, the errors of the last save and
// whether the form is read-only.
import { createContext } from 'preact';
import type { MeasureTypeGroup, Region } from '../lib/types.ts';

export interface FormContext {
  regions: Region[];
  measureTypeGroups: MeasureTypeGroup[];
  /** Error messages of the last save by answer path ("measures[2].type"). */
  errors: Record<string, string>;
  disabled: boolean;
  /** Says something in the page's polite live region. */
  announce(text: string): void;
}

export const Ctx = createContext<FormContext>({ regions: [], measureTypeGroups: [], errors: {}, disabled: false, announce: () => {} });
