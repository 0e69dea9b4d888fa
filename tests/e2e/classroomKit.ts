/**
 * What every classroom browser test does: a participant in its own browser context on the classroom
 * server (any console or page error is recorded against it), and a student taking a seat by code
 * and name through the join screen.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { CLASSROOM_PORT } from './playwright.config';

/** The classroom server of playwright.config.ts (serving the e2e build). */
export const CLASS_BASE = `http://127.0.0.1:${CLASSROOM_PORT}`;

/**
 * The browser's own reports of a connection the test cut on purpose (Chromium logs them as errors):
 * the WebSocket, and the SDK's matchmaking requests sent while the server is down or starting.
 */
const CONNECTION_CUT = [
  /WebSocket connection to .* failed/i,
  // CONTENT_LENGTH_MISMATCH: a response the killed server was still sending when it died.
  /net::ERR_(INTERNET_DISCONNECTED|CONNECTION_REFUSED|CONNECTION_RESET|CONNECTION_CLOSED|EMPTY_RESPONSE|CONTENT_LENGTH_MISMATCH)/i,
];

export interface ParticipantOptions {
  base?: string;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** While it answers true, the browser's reports of a cut connection are expected, not errors. */
  connectionCut?: () => boolean;
}

/** A page in its own browser context, at `path`; any console or page error is recorded against `who`. */
export async function openPage(browser: Browser, errors: string[], who: string, options: ParticipantOptions & { path?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: options.base ?? CLASS_BASE,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (options.connectionCut?.() && CONNECTION_CUT.some((re) => re.test(m.text()))) return;
    errors.push(`${who} console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${who} pageerror: ${e.message}`));
  await page.goto(options.path ?? '/');
  return page;
}

/** A participant at the classroom screen (menu → Classroom). */
export async function participant(browser: Browser, errors: string[], who: string, options: ParticipantOptions = {}): Promise<Page> {
  const page = await openPage(browser, errors, who, options);
  await page.getByTestId('to-classroom').click();
  await expect(page.getByTestId('classroom')).toBeVisible();
  return page;
}

/** Take a seat through the join screen; a null code keeps the one already filled in (a join address). */
export async function takeSeat(page: Page, code: string | null, name: string, seat: string): Promise<void> {
  if (code) await page.getByTestId('join-code').fill(code);
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-find').click();
  // If the seat list does not come, say what the page shows instead (an error, or the join form).
  const take = page.getByTestId(`take-${seat}`);
  try {
    await expect(take).toBeVisible({ timeout: 20_000 });
  } catch {
    const typed = await page
      .getByTestId('join-code')
      .inputValue()
      .catch(() => '(no code field)');
    throw new Error(
      `no seat ${seat} to take (code field: "${typed}", expected "${code ?? ''}"); the page shows: ${await page
        .getByTestId('classroom')
        .innerText()
        .catch(() => '(nothing)')}`,
    );
  }
  await take.click();
  await expect(page.getByTestId('seat-heading')).toHaveAttribute('data-role', seat);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
}
