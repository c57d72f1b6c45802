// What a browser test watches on a page: every request, and every sign of trouble (console errors,
// uncaught errors, dialogs — a dialog would mean article text ran as script).
import type { Page } from 'playwright-core';

export interface PageWatch {
  readonly problems: string[];
  readonly requests: string[];
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { problems: [], requests: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    watch.problems.push(`dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  return watch;
}

/** Debian's chromium, or CHROMIUM=/path/to/chrome. */
export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Skips the suite with a printed reason when chromium is absent; on CI (which installs it) a missing
 * browser is an error instead, so browser tests cannot silently stop running there.
 */
export function requireChromium(suite: Mocha.Context, exists: (file: string) => boolean): void {
  if (exists(CHROMIUM)) return;
  if (process.env['CI']) throw new Error(`${CHROMIUM} not found: CI must install the Debian package chromium`);
  console.log(`      skipped: ${CHROMIUM} not found (apt-get install chromium, or set CHROMIUM=/path/to/chrome)`);
  suite.skip();
}
