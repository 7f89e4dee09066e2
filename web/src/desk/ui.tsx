// Small pieces shared by the desk's pages: a clock for countdowns, how a visitor is named, SLA badges,
// state labels, and a desk problem in the reader's words.
import { useEffect, useState } from 'react';
import { en, problemText, useI18n, type Key } from '../i18n';
import { ApiError } from '../api';
import { DURATION_EN, DURATION_ZH, formatDuration, slaBadge } from './sla';
import { currentSla } from './log';
import type { DeskConversation, Entry } from './types';

/** The time, re-rendered every `ms`. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

/** Visitors are not members: named by the end of their id. */
export const visitorTag = (id: string | undefined) => (id ? id.replace(/-/g, '').slice(-4).toUpperCase() : '?');

export function useDuration() {
  const { lang } = useI18n();
  return (seconds: number) => formatDuration(seconds, lang === 'en' ? DURATION_EN : DURATION_ZH);
}

export function SlaBadge({ c, now, entries }: { c: DeskConversation; now: number; entries?: readonly Entry[] }) {
  const { t } = useI18n();
  const duration = useDuration();
  const b = slaBadge(currentSla(c, entries), now);
  if (!b) return null;
  if (b.kind === 'breached') return <span className="sla breached" data-testid="sla" data-sla="breached">{t(`desk_sla_breached_${b.which}` as Key)}</span>;
  return <span className={`sla${b.seconds < 120 ? ' soon' : ''}`} data-testid="sla" data-sla="due">{t(`desk_sla_due_${b.which}` as Key, { time: duration(b.seconds) })}</span>;
}

export function StateLabel({ state }: { state: string }) {
  const { t } = useI18n();
  return <span className={`desk-state ${state}`} data-testid="desk-state" data-state={state}>{t(keyOr(`desk_state_${state}`, 'desk_ev_other'))}</span>;
}

/** A problem from a desk call in the reader's words (with what to do, where the dictionary has it). */
export function useDeskError() {
  const { t, lang } = useI18n();
  return (e: unknown) => {
    if (e instanceof ApiError) return e.code === 'network_error' ? t('networkError') : problemText(lang, e.code, e.detail, e.extra);
    return e instanceof Error ? e.message : String(e);
  };
}

/** A dictionary key built from a server's word (a reason, a state): the fallback when it is one we do not know. */
export function keyOr(key: string, fallback: Key): Key {
  return (key in en ? key : fallback) as Key;
}
