// The signed-in tab's realtime connection (App provides it; null while signed out or connecting), and
// reading a meeting room's state from components.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Realtime } from '../realtime';
import type { MeetingRoom, RoomView } from './room';

export const RealtimeContext = createContext<Realtime | null>(null);
export const useRealtime = () => useContext(RealtimeContext);

export const RoomContext = createContext<MeetingRoom | null>(null);

export function useRoom(): MeetingRoom {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom outside a meeting room');
  return room;
}

/** The room's state; re-renders when it changes. */
export function useRoomView(): RoomView {
  const room = useRoom();
  return useSyncExternalStore(room.subscribe, room.getState);
}
