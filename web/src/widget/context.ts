// The widget's client and language, for its components.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { VisitorClient } from './client';
import type { WidgetState } from './state';
import { wt, type WidgetKey, type WidgetLang } from './strings';

export interface WidgetContextValue { client: VisitorClient; lang: WidgetLang }
export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget() {
  const v = useContext(WidgetContext);
  if (!v) throw new Error('useWidget outside the widget');
  const t = (key: WidgetKey, vars?: Record<string, string | number>) => wt(v.lang, key, vars);
  return { ...v, t };
}

export function useWidgetState(): WidgetState {
  const { client } = useWidget();
  return useSyncExternalStore(client.subscribe, client.getState);
}
