/**
 * The menu's pack section: import a pack by file picker or by dropping it on the page, see the
 * loader's problems as text when it is invalid (nothing changes then), list and remove packs.
 */
import type { GameStore } from '../store/gameStore';
import { PACK_READ_TIMEOUT_MS, type PackLibrary, type StoredPack } from '../store/packLibrary';
import { el, rerender } from './overlay';
import { t } from '../i18n/index';
import { packKey } from '../store/scenarios';

export interface PackUi {
  render(): HTMLElement;
  /** Listen for files dropped on the page while the menu shows; returns the way to stop. */
  listen(): () => void;
}

type Status = { kind: 'ok' | 'error' | 'info'; text: string; problems?: string[] } | null;

/** The reading time limit in whole seconds, as the messages say it. */
const seconds = Math.round(PACK_READ_TIMEOUT_MS / 1000);

export function createPackUi(store: GameStore, library: PackLibrary | null): PackUi {
  const root = el('section', { class: 'packs', 'aria-label': t('menu.packs'), 'data-testid': 'packs' });
  let packs: StoredPack[] = [];
  let status: Status = null;
  let unavailable: string | null = library ? null : 'IndexedDB';

  const refresh = async () => {
    if (!library) return;
    try {
      packs = await library.list();
      const { entries, broken } = await library.entries();
      store.getState().setPackEntries(entries);
      if (broken.length && !status) {
        status = {
          kind: 'error',
          text: broken.map((b) => b.title).join(', '),
          problems: broken.flatMap((b) => (b.timedOut ? [t('menu.packTooSlow', { title: b.title, seconds })] : b.problems)),
        };
      }
    } catch (e) {
      unavailable = (e as Error)?.message ?? String(e);
      store.getState().setPackEntries([]);
    }
    draw();
  };

  const importFile = async (file: File) => {
    if (!library) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      status = { kind: 'error', text: t('menu.importReadFailed', { file: file.name }) };
      return draw();
    }
    // The pack is read off the page's thread; say so meanwhile, since a big file takes a moment.
    status = { kind: 'info', text: t('menu.importReading', { file: file.name }) };
    draw();
    try {
      const r = await library.import(text, file.name);
      status = r.ok
        ? {
            kind: 'ok',
            text: t('menu.importOk', { title: r.pack.title, version: r.pack.version, count: r.pack.scenarios.length }),
            ...(r.warnings.length ? { problems: r.warnings } : {}),
          }
        : r.timedOut
          ? { kind: 'error', text: t('menu.importTooSlow', { file: file.name, seconds }) }
          : { kind: 'error', text: t('menu.importFailed', { file: file.name }), problems: r.problems };
      await refresh();
      // The new pack's first case is chosen and shown, so the instructor sees what was imported.
      if (r.ok && r.pack.scenarios[0]) {
        const key = packKey(r.pack.id, r.pack.scenarios[0]);
        const radio = document.querySelector<HTMLInputElement>(`input[name="scenario"][value="${CSS.escape(key)}"]`);
        if (radio) {
          radio.click(); // as if the instructor chose it: the menu's own handler records the choice
          radio.closest('label')?.scrollIntoView({ block: 'nearest' });
        } else store.getState().setChoice({ scenarioKey: key });
      }
      return;
    } catch (e) {
      status = { kind: 'error', text: t('menu.storageUnavailable', { error: (e as Error)?.message ?? String(e) }) };
    }
    await refresh();
  };

  /** Save a stored pack back to a file, exactly as it was imported. */
  const exportPack = (p: StoredPack) => {
    const a = el('a', { href: URL.createObjectURL(new Blob([p.source], { type: 'text/yaml' })), download: p.fileName || `${p.id}.yaml` });
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const remove = async (p: StoredPack) => {
    if (!library) return;
    await library.remove(p.id);
    status = { kind: 'info', text: t('menu.packRemoved', { title: p.title }) };
    await refresh();
  };

  const picker = el('input', {
    type: 'file',
    accept: '.yaml,.yml,.json',
    class: 'visually-hidden',
    'data-testid': 'pack-file',
    tabindex: '-1',
    onchange: (ev: Event) => {
      const f = (ev.target as HTMLInputElement).files?.[0];
      (ev.target as HTMLInputElement).value = '';
      if (f) void importFile(f);
    },
  });

  function draw() {
    const statusEl = status
      ? el(
          'div',
          { class: `notice ${status.kind === 'error' ? 'warn' : 'ok'}`, role: status.kind === 'error' ? 'alert' : 'status', 'data-testid': 'pack-status' },
          el('p', { text: status.text }),
          status.problems?.length ? el('ul', { class: 'problems' }, ...status.problems.map((x) => el('li', { text: x }))) : null,
        )
      : null;
    rerender(
      root,
      el('h2', { text: t('menu.packs') }),
      unavailable ? el('p', { class: 'hint', text: t('menu.storageUnavailable', { error: unavailable }) }) : null,
      el(
        'div',
        { class: 'row' },
        el('button', {
          class: 'btn',
          'data-k': 'import',
          'data-testid': 'pack-import',
          disabled: !library || !!unavailable,
          onclick: () => picker.click(),
          text: t('menu.import'),
        }),
        el('span', { class: 'hint', text: t('menu.importHint') }),
      ),
      statusEl,
      packs.length === 0
        ? el('p', { class: 'hint', text: t('menu.noPacks') })
        : el(
            'ul',
            { class: 'pack-list' },
            ...packs.map((p) =>
              el(
                'li',
                {},
                el('span', { text: `${p.title} (${p.version}) ` }),
                el('button', {
                  class: 'btn ghost small',
                  'data-k': `export-${p.id}`,
                  'data-testid': `pack-export-${p.id}`,
                  onclick: () => exportPack(p),
                  text: t('menu.exportPack', { title: p.title }),
                }),
                el('button', {
                  class: 'btn ghost small',
                  'data-k': `rm-${p.id}`,
                  'data-testid': `pack-remove-${p.id}`,
                  onclick: () => void remove(p),
                  text: t('menu.removePack', { title: p.title }),
                }),
              ),
            ),
          ),
      picker,
    );
  }

  draw();
  void refresh();

  return {
    render: () => root,
    listen() {
      const over = (ev: DragEvent) => {
        if (!ev.dataTransfer?.types.includes('Files')) return;
        ev.preventDefault();
        root.classList.add('dragging');
      };
      const leave = () => root.classList.remove('dragging');
      const drop = (ev: DragEvent) => {
        if (!ev.dataTransfer?.files.length) return;
        ev.preventDefault();
        root.classList.remove('dragging');
        void importFile(ev.dataTransfer.files[0]!);
      };
      document.addEventListener('dragover', over);
      document.addEventListener('dragleave', leave);
      document.addEventListener('drop', drop);
      return () => {
        document.removeEventListener('dragover', over);
        document.removeEventListener('dragleave', leave);
        document.removeEventListener('drop', drop);
      };
    },
  };
}

export function packsPanel(ui: PackUi): HTMLElement {
  return ui.render();
}
