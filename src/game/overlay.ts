/**
 * DOM helpers for the page. Elements are built with textContent only: scenario and pack text is
 * never parsed as HTML.
 */
type Attrs = Record<string, string | number | boolean | undefined | ((ev: Event) => void)>;
export type Child = Node | string | null | undefined | false;

/** Make an element: attributes (on* are listeners), then children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') e.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    else if (k === 'class') e.className = String(v);
    else if (k === 'text') e.textContent = String(v);
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** An SVG element with attributes and children. */
export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: (Node | null)[]): SVGElement {
  const e = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) if (c) e.append(c);
  return e;
}

/** Replace a panel's content, keeping the keyboard focus on the element with the same data-k. */
export function rerender(target: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && target.contains(active) ? active.getAttribute('data-k') : null;
  const scroll = target.scrollTop;
  target.replaceChildren(...(children.filter(Boolean) as (Node | string)[]));
  target.scrollTop = scroll;
  if (key) {
    const again = target.querySelector<HTMLElement>(`[data-k="${CSS.escape(key)}"]`);
    if (again && !again.hasAttribute('disabled')) again.focus();
  }
}

/** A keyboard shortcut map for a screen (ignored while typing in a field or while a dialog is open). */
export function hotkeys(map: Record<string, (ev: KeyboardEvent) => unknown>): () => void {
  const handler = (ev: KeyboardEvent) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target as HTMLElement | null;
    if (
      t &&
      (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') &&
      (t as HTMLInputElement).type !== 'checkbox' &&
      (t as HTMLInputElement).type !== 'radio'
    )
      return;
    if (document.querySelector('dialog[open]')) return;
    const fn = map[ev.key] ?? map[ev.key.toLowerCase()];
    // A handler that returns false did not handle the key: leave it to the browser.
    if (fn && fn(ev) !== false) ev.preventDefault();
  };
  document.addEventListener('keydown', handler);
  return () => document.removeEventListener('keydown', handler);
}

/** Mark the screen as shown (for browser tests' hook and the benchmark). */
export function shown(name: string): void {
  (window as unknown as { __thirdSideScene?: string }).__thirdSideScene = name;
}
