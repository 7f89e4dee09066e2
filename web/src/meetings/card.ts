// A chat entry of kind `card` with `card.type === "meeting"` (POST /meetings/{id}/card): what it shows.
import { parseNumber } from './number';

export interface MeetingCardInfo { number: string; title: string; startAt: string | null; durationMinutes: number | null }

/** The card's meeting, or null when it is not a meeting card or names no usable number. */
export function meetingCardOf(card: Record<string, unknown> | undefined | null): MeetingCardInfo | null {
  if (!card || card.type !== 'meeting') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const number = parseNumber(str(card.number) ?? '') ?? parseNumber(str(card.inviteUrl) ?? str(card.url) ?? '');
  if (!number) return null;
  return {
    number, title: str(card.title) ?? '', startAt: str(card.startAt),
    durationMinutes: typeof card.durationMinutes === 'number' ? card.durationMinutes : null,
  };
}
