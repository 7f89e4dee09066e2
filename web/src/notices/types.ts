// The urgent notice shapes of the server (openapi.json, tag notices; pushes notice.urgent and notice.confirmed).

/** An urgent notice (DING / 加急): every recipient must confirm it. Also the data of a `notice.urgent` push. */
export interface UrgentNotice {
  id: string; senderId: string; text: string; recipientCount: number; confirmedCount: number; createdAt: string;
  /** Set on a `notice.urgent` push that re-notifies the people who have not confirmed yet. */
  renotified: boolean;
}

/** `notice.confirmed`: to the sender (the count moved) and to the confirming member's own devices (the banner goes). */
export interface ConfirmedPush { noticeId: string; memberId: string; confirmedCount: number; recipientCount: number; confirmedAt: string }

export type RecipientState = 'confirmed' | 'unconfirmed';

export const URGENT_TOPIC = 'notice.urgent';
export const CONFIRMED_TOPIC = 'notice.confirmed';
/** The server lets the sender notify the rest again at most this often. */
export const RENOTIFY_INTERVAL_S = 60;
