// A meeting invitation posted into a chat: title, number, time, and a Join button to /join/<number>.
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { formatTime } from '../ui';
import type { MeetingCardInfo } from './card';
import { formatNumber } from './number';

export function MeetingCard({ card }: { card: MeetingCardInfo }) {
  const { t, lang } = useI18n();
  return (
    <span className="meeting-card" data-testid="meeting-card" data-number={card.number}>
      <span className="meeting-card-title">📹 {card.title || t('meetings')}</span>
      <span className="muted small">{t('meetingNumber')}: {formatNumber(card.number)}</span>
      {card.startAt && (
        <span className="muted small">{formatTime(card.startAt, lang)}{card.durationMinutes ? ` · ${t('minutes', { n: card.durationMinutes })}` : ''}</span>
      )}
      <button className="primary" data-testid="meeting-card-join" onClick={() => navigate(`/join/${card.number}`)}>{t('joinMeeting')}</button>
    </span>
  );
}
