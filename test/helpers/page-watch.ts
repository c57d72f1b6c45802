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
