/**
 * DOM overlay for forms and text-heavy panels: a 1280×720 layer kept exactly over the canvas and
 * scaled with it (Phaser Scale.FIT), so panels line up with what the canvas draws. Elements are
 * built with textContent only: scenario and pack text is never parsed as HTML.
 */
import { H, W } from './theme';

let root: HTMLDivElement | null = null;

export function overlayRoot(): HTMLDivElement {
  if (root) return root;
  root = document.createElement('div');
  root.id = 'ui';
  root.style.width = `${W}px`;
  root.style.height = `${H}px`;
  document.body.appendChild(root);
  return root;
}

/** Keep the overlay over the canvas, at the canvas's scale. */
export function syncOverlay(canvas: HTMLCanvasElement): void {
  const r = canvas.getBoundingClientRect();
  const el = overlayRoot();
  const scale = r.width / W;
  el.style.left = `${r.left + window.scrollX}px`;
  el.style.top = `${r.top + window.scrollY}px`;
  el.style.transform = `scale(${scale})`;
}

type Attrs = Record<string, string | number | boolean | undefined | ((ev: Event) => void)>;
type Child = Node | string | null | undefined | false;

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

/** A positioned panel in overlay coordinates (px of the 1280×720 layout). */
export function panel(x: number, y: number, w: number, h: number, cls = 'panel'): HTMLDivElement {
  const p = el('div', { class: cls });
  Object.assign(p.style, { left: `${x}px`, top: `${y}px`, width: `${w}px`, height: `${h}px` });
  overlayRoot().appendChild(p);
  return p;
}

/** Remove every panel a scene put up. */
export function clearOverlay(): void {
  overlayRoot().replaceChildren();
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
