/** The news slice: events waiting to be acknowledged, the feed, and the tutorial coach's progress. */
import type { NewsSlice, SliceContext } from './types';

export function newsSlice(ctx: SliceContext): NewsSlice {
  const { set, get } = ctx;
  /** The coach's progress is part of the save: write it with the game. */
  const saveCoach = ctx.autosave;
  return {
    inbox: [],
    feed: [],
    coach: { seen: [], off: false },

    dismissNews() {
      set((s) => ({ inbox: s.inbox.slice(1), version: s.version + 1 }));
    },

    coachSeen(id) {
      const c = get().coach;
      if (c.seen.includes(id)) return;
      set({ coach: { ...c, seen: [...c.seen, id] } });
      saveCoach();
    },

    coachOff() {
      set({ coach: { ...get().coach, off: true } });
      saveCoach();
    },
  };
}
