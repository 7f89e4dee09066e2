// Names of the people in conversations, looked up once through the members API and kept for the
// session. Components ask for a name and re-render when it arrives.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { api, type Member } from '../api';

const MAX_PARALLEL = 4;

export class NameCache {
  private readonly members = new Map<string, Member | null>(); // null: looked up, not found
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private running = 0;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly fetchMember: (id: string) => Promise<Member> = api.member) {}

  subscribe = (l: () => void) => { this.listeners.add(l); return () => { this.listeners.delete(l); }; };
  getVersion = () => this.version;

  /** Members we already have (a directory search, the signed-in member) need no lookup. */
  seed(members: Member[]) {
    let changed = false;
    for (const m of members) {
      if (this.members.get(m.id)?.name !== m.name) { this.members.set(m.id, m); changed = true; }
    }
    if (changed) this.changed();
  }

  /** The name, or undefined while it is being looked up (the lookup starts here). */
  name(id: string): string | undefined {
    const m = this.members.get(id);
    if (m) return m.name;
    if (m === undefined && !this.queued.has(id)) {
      this.queued.add(id);
      this.queue.push(id);
      queueMicrotask(() => this.pump());
    }
    return undefined;
  }

  member(id: string): Member | undefined {
    this.name(id);
    return this.members.get(id) ?? undefined;
  }

  private pump() {
    while (this.running < MAX_PARALLEL && this.queue.length) {
      const id = this.queue.shift()!;
      this.running++;
      this.fetchMember(id).then(
        (m) => { this.members.set(id, m); },
        () => { this.members.set(id, null); },
      ).finally(() => {
        this.running--;
        this.changed();
        this.pump();
      });
    }
  }

  private changed() {
    this.version++;
    this.listeners.forEach((l) => l());
  }
}

export const NamesContext = createContext<NameCache>(new NameCache());

/** `name(id)`: the person's name, or a placeholder while it loads. Re-renders as names arrive. */
export function useNames(): { name: (id: string | null | undefined) => string; cache: NameCache } {
  const cache = useContext(NamesContext);
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  return { cache, name: (id) => (id ? cache.name(id) ?? '…' : '') };
}
