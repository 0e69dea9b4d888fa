/**
 * The pack library: scenario packs a trainee or instructor imported in the game, kept in
 * IndexedDB (idb-keyval). A pack is stored as its source text and checked again by `loadPack`
 * every time it is read, so nothing unchecked ever reaches the engine. Removing a pack touches
 * nothing else: saves refer to "pack:<packId>:<scenarioId>", and a save whose pack is gone says so.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { loadPack } from '../scenario/pack';
import { formatProblem } from '../scenario/load';
import { packKey, type ScenarioEntry } from './scenarios';

export interface StoredPack {
  id: string;
  title: string;
  version: string;
  fileName: string;
  scenarios: string[];
  importedAt: number;
  source: string;
}

export type ImportResult =
  | { ok: true; pack: StoredPack; replaced: boolean; warnings: string[] }
  | { ok: false; problems: string[] };

export class PackLibrary {
  private readonly db: UseStore;

  constructor(db?: UseStore) {
    this.db = db ?? createStore('third-side', 'packs');
  }

  /** Check a pack file and keep it when valid; an invalid one changes nothing. Never throws. */
  async import(source: string, fileName = 'pack.yaml', now = Date.now()): Promise<ImportResult> {
    const r = loadPack(source, fileName);
    if (!r.ok) return { ok: false, problems: r.problems.map((p) => formatProblem(p, fileName)) };
    const meta = r.value.pack;
    const pack: StoredPack = {
      id: meta.id,
      title: meta.title,
      version: meta.version,
      fileName,
      scenarios: r.value.scenarios.map((s) => s.id),
      importedAt: now,
      source,
    };
    const replaced = (await get(meta.id, this.db)) !== undefined;
    await set(meta.id, pack, this.db);
    return { ok: true, pack, replaced, warnings: r.warnings.map((p) => formatProblem(p, fileName)) };
  }

  async list(): Promise<StoredPack[]> {
    const ids = (await keys(this.db)).map(String).sort();
    const out: StoredPack[] = [];
    for (const id of ids) {
      const p = (await get(id, this.db)) as StoredPack | undefined;
      if (p && typeof p.source === 'string') out.push(p);
    }
    return out;
  }

  async remove(id: string): Promise<void> {
    await del(id, this.db);
  }

  /** The scenarios of every stored pack that still checks out (others are reported, not offered). */
  async entries(): Promise<{ entries: ScenarioEntry[]; broken: { id: string; title: string; problems: string[] }[] }> {
    const entries: ScenarioEntry[] = [];
    const broken: { id: string; title: string; problems: string[] }[] = [];
    for (const p of await this.list()) {
      const r = loadPack(p.source, p.fileName);
      if (!r.ok) {
        broken.push({ id: p.id, title: p.title, problems: r.problems.slice(0, 5).map((x) => formatProblem(x, p.fileName)) });
        continue;
      }
      for (const s of r.value.scenarios) entries.push({ key: packKey(p.id, s.id), scenario: s, source: 'pack', packId: p.id, packTitle: p.title });
    }
    return { entries, broken };
  }
}
