/**
 * The page: one DOM screen at a time (menu, briefing, table, debrief), each laid out by CSS grid
 * and built from the store's slices. The store's `screen` decides which one is shown; screens
 * never switch on their own. Phaser is loaded only when the table needs its drawing (stage.ts).
 */
import type { GameStore, Screen } from '../store/gameStore';
import type { PackUi } from './packsUi';
import { mountMenu } from './screens/menu';
import { mountBriefing } from './screens/briefing';
import { mountTable } from './screens/table';
import { shown } from './overlay';

export interface ScreenContext {
  store: GameStore;
  root: HTMLElement;
  packUi: PackUi | null;
}

/** A screen loaded on demand (the debrief; the classroom and its server client): the first screens do without it. */
const onDemand =
  (load: () => Promise<(ctx: ScreenContext) => () => void>, name: string) =>
  (ctx: ScreenContext): (() => void) => {
    let stop: (() => void) | null = null;
    let gone = false;
    void load().then((mount) => {
      if (gone) return;
      stop = mount(ctx);
      shown(name);
    });
    return () => {
      gone = true;
      stop?.();
    };
  };
const mountDebrief = onDemand(() => import('./screens/debrief').then((m) => m.mountDebrief), 'Debrief');
const mountClassroom = onDemand(() => import('./screens/classroom/index').then((m) => m.mountClassroom), 'Classroom');

const MOUNT: Record<Screen, (ctx: ScreenContext) => () => void> = {
  menu: mountMenu,
  briefing: mountBriefing,
  table: mountTable,
  debrief: mountDebrief,
  classroom: mountClassroom,
};
const NAME: Record<Screen, string> = { menu: 'Menu', briefing: 'Briefing', table: 'Table', debrief: 'Debrief', classroom: 'Classroom' };

export function startApp(store: GameStore, root: HTMLElement, packUi: PackUi | null): void {
  let unmount: (() => void) | null = null;
  let current: Screen | null = null;
  const show = (screen: Screen) => {
    unmount?.();
    for (const d of document.querySelectorAll('dialog')) d.remove();
    root.replaceChildren();
    current = screen;
    unmount = MOUNT[screen]({ store, root, packUi });
    document.title = `${NAME[screen]} — Third Side`;
    if (screen !== 'debrief' && screen !== 'classroom') shown(NAME[screen]);
    else shown('Loading');
  };
  show(store.getState().screen);
  store.subscribe((s, p) => {
    if (s.screen !== p.screen || s.screen !== current) show(s.screen);
    // A branch (replay from turn N) starts a new seat on the same screen: rebuild the table.
    else if (s.seat !== p.seat && s.screen === 'table') show(s.screen);
  });
}
