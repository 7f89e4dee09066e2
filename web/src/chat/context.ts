// The chat engine of the signed-in tab, for components: useChat(select) re-renders when the selected part changes.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ChatEngine, ChatState } from './engine';

export const ChatContext = createContext<ChatEngine | null>(null);

export function useChatEngine(): ChatEngine {
  const engine = useContext(ChatContext);
  if (!engine) throw new Error('useChatEngine outside the chat provider');
  return engine;
}

/** A part of the chat state; select something that keeps its identity while unchanged (the state is immutable). */
export function useChat<T>(select: (s: ChatState) => T): T {
  const engine = useChatEngine();
  return useSyncExternalStore(engine.subscribe, () => select(engine.getState()));
}
