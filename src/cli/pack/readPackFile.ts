/**
 * Reading a pack file for the CLI: every way it can fail (missing, a folder, too big, unreadable)
 * becomes one plain sentence instead of a Node stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_PACK_CHARS } from '../../scenario/pack';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string; hint?: string };

export function readPackFile(file: string): ReadResult {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { ok: false, message: `${file} is a folder, not a pack file`, hint: 'name a .yaml or .json file inside it' };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return { ok: false, message: `cannot find ${file}`, hint: 'check the path; it is relative to the folder you run the command from' };
    if (code === 'EACCES') return { ok: false, message: `no permission to read ${file}` };
    return { ok: false, message: `cannot open ${file} (${code ?? 'unknown error'})` };
  }
  // UTF-8 needs at most 4 bytes a character; beyond that the text is surely over the limit.
  if (size > MAX_PACK_CHARS * 4) return { ok: false, message: `${file} is too large (${size} bytes)`, hint: `a pack has at most ${MAX_PACK_CHARS} characters` };
  try {
    return { ok: true, text: readFileSync(file, 'utf8') };
  } catch (e) {
    return { ok: false, message: `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}
