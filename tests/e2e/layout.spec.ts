/**
 * The page at three window sizes: on every screen (menu, briefing, table, the issue inspector,
 * news, debrief) no two visible text boxes overlap, none is clipped or cut, no text is under 12 px
 * and no text is italic or of a stray weight; an axe-core scan finds no serious or critical
 * violation. Screenshots of each screen at each size go to tests/artifacts/.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, shot, waitScene, hook, clickMove, drainNews } from './helpers';

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

interface Problem {
  kind: string;
  text: string;
  other?: string;
}

/** Every visible text box on the page (or in the open modal dialog), checked in the page. */
async function textProblems(page: Page): Promise<Problem[]> {
  return page.evaluate(() => {
    const problems: { kind: string; text: string; other?: string }[] = [];
    const modal = document.querySelector('dialog[open]');
    const scope: Element = modal ?? document.body;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    type Box = { el: Element; text: string; r: DOMRect };
    const boxes: Box[] = [];
    const clipOf = (el: Element): { rect: DOMRect; hidden: boolean } | null => {
      // The nearest ancestor that clips (overflow other than visible), if any.
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible')
          return {
            rect: a.getBoundingClientRect(),
            hidden: cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.overflowY === 'hidden' || cs.overflowY === 'clip',
          };
      }
      return null;
    };
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      if (!text) continue;
      const el = n.parentElement!;
      if (el.closest('.sr-only, .visually-hidden, script, style, option, [hidden]')) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
      if (rects.length === 0) continue;
      const clip = clipOf(el);
      for (const r of rects) {
        // Scrolled out of its container or out of the window: not visible, not a problem.
        if (clip && (r.bottom <= clip.rect.top || r.top >= clip.rect.bottom || r.right <= clip.rect.left || r.left >= clip.rect.right)) continue;
        if (r.bottom <= 0 || r.top >= vh) continue;
        if (r.left < -1 || r.right > vw + 1) problems.push({ kind: 'outside the window', text });
        if (clip && (r.left < clip.rect.left - 1 || r.right > clip.rect.right + 1)) problems.push({ kind: 'cut sideways', text });
        if (clip?.hidden && (r.top < clip.rect.top - 1 || r.bottom > clip.rect.bottom + 1)) problems.push({ kind: 'cut by a hidden overflow', text });
        boxes.push({ el, text, r });
      }
      const isSvg = el instanceof SVGElement;
      const size = isSvg ? el.getBoundingClientRect().height / 1.15 : parseFloat(cs.fontSize);
      if (size < 11.9) problems.push({ kind: `text ${size.toFixed(1)} px`, text });
      if (cs.fontStyle !== 'normal') problems.push({ kind: `style ${cs.fontStyle}`, text });
      if (!['400', '700'].includes(cs.fontWeight)) problems.push({ kind: `weight ${cs.fontWeight}`, text });
      if (!isSvg && el.scrollWidth > el.clientWidth + 1 && ['hidden', 'clip'].includes(cs.overflowX)) problems.push({ kind: 'ellipsis or clipped', text });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el === b.el) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 2 && h > 2) problems.push({ kind: 'overlap', text: a.text.slice(0, 60), other: b.text.slice(0, 60) });
      }
    }
    return problems;
  });
}

async function check(page: Page, name: string, size: { width: number }): Promise<void> {
  await shot(page, `layout-${size.width}-${name}`);
  expect(await textProblems(page), `${name} at ${size.width}`).toEqual([]);
}

async function axe(page: Page, name: string): Promise<void> {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  expect(bad, `axe on ${name}`).toEqual([]);
}

for (const size of SIZES) {
  test(`layout at ${size.width}×${size.height}: no overlap, nothing clipped, nothing small${size.width === 1280 ? ', axe clean' : ''}`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize(size);
    await page.goto('/');
    await waitScene(page, 'Menu');
    await check(page, 'menu', size);
    if (size.width === 1280) await axe(page, 'menu');
    await page.getByTestId('scenario-tutorial').check();
    await page.getByTestId('seed').fill('3');
    await page.getByTestId('start').click();
    await waitScene(page, 'Briefing');
    await check(page, 'briefing', size);
    if (size.width === 1280) await axe(page, 'briefing');
    await page.getByTestId('briefing-read').click();
    await waitScene(page, 'Table');
    await expect(page.locator('.stage canvas')).toHaveCount(1);
    await check(page, 'table', size);
    if (size.width === 1280) await axe(page, 'table');
    await page.getByTestId('open-inspector').click();
    await expect(page.getByTestId('inspector')).toBeVisible();
    await check(page, 'inspector', size);
    await page.keyboard.press('Escape');
    // A few turns, so the news dialog, the feed and the forms have something in them.
    await clickMove(page, 'caucus', ['opt-party-gov']);
    await clickMove(page, 'caucus', ['opt-party-union']);
    await page.getByTestId('move-consultExperts').click();
    await check(page, 'table-form', size);
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3; i++) {
      await drainNews(page, false);
      await page.keyboard.press('e');
      if (await page.getByTestId('confirm-end').isVisible()) {
        if (i === 0) await check(page, 'confirm-end', size);
        await page.keyboard.press('Enter');
      }
      await expect.poll(() => hook(page, (h) => h.view()?.turn)).toBe(2 + i);
      if ((await hook(page, (h) => h.inbox())) && i < 2) await check(page, 'news', size);
    }
    await drainNews(page, false);
    await check(page, 'table-later', size);
    page.once('dialog', (d) => void d.accept());
    await page.keyboard.press('d');
    await waitScene(page, 'Debrief');
    await check(page, 'debrief', size);
    if (size.width === 1280) await axe(page, 'debrief');
  });
}
