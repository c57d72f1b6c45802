// Curation in the viewer, end to end: a merge made on the page is saved through `serve --edit`
// into the curation file, and the next build with --curation has it in graph.json. Read-only
// servers offer the file for download; the review queue leads to the items it lists.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from '../../src/pipeline';
import { readCurationFile } from '../../src/graph/curation-file';
import { startServer, type RunningServer } from '../../src/serve/index';
import type { TestHook } from '../../viewer/src/main';
import { CHROMIUM, requireChromium, watchPage } from '../helpers/page-watch';

const ROOT = path.resolve(__dirname, '../..');
type Hooked = Window & { __newsgraph: TestHook };

// Text written for this test.
const ARTICLES = [
  'George W Bush met Tony Blair in London on Monday. Bush urged Blair to send more troops.',
  'Tony Blair accused Michael Howard of scaremongering. Michael Howard rejected the claim.',
  'The Conservative Party backed Michael Howard. Charles Kennedy warned Tony Blair about the war.',
  'Gerhard Schroeder would meet Tony Blair if the talks resumed.',
];

describe('viewer curation', function () {
  this.timeout(180000);
  let tmp: string;
  let viewerDir: string;
  let corpus: string;
  let out: string;
  let browser: Browser | undefined;

  before(async function () {
    requireChromium(this, fs.existsSync);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-curation-ui-'));
    viewerDir = path.join(tmp, 'viewer');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-viewer.mjs'), '--outdir', viewerDir], { stdio: 'pipe' });
    corpus = path.join(tmp, 'corpus');
    fs.mkdirSync(corpus);
    ARTICLES.forEach((text, i) => fs.writeFileSync(path.join(corpus, `a${i}.txt`), `${text}\n`));
    out = path.join(tmp, 'out');
    await build([corpus], { out, jobs: 1 }, { onWarning: () => undefined });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  after(async function () {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function withPage(server: RunningServer, query: string, body: (page: Page) => Promise<void>): Promise<void> {
    assert.ok(browser);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const { problems } = watchPage(page);
    try {
      await page.goto(`${server.url}?test${query}`);
      await page.waitForFunction(() => document.body.dataset['ready'] === 'true');
      await body(page);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, [], 'the page reported errors');
  }

  it('a merge made in the viewer is in the curation file and in the next build', async function () {
    const file = path.join(out, 'curation.json');
    const server = await startServer({ dir: out, viewerDir, port: 0, edit: {} });
    try {
      assert.ok(server.editUrl);
      const token = new URL(server.editUrl).searchParams.get('token');
      await withPage(server, `&token=${token}`, async (page) => {
        await page.waitForFunction(() => document.querySelector('#curation .status')?.textContent === 'editing');
        await page.evaluate(() => (window as Hooked).__newsgraph.app.selectNode('michael-howard', { center: true }));
        await page.locator('input[name=merge-into]').fill('Tony Blair');
        await page.locator('button[name=merge]').click();
        await page.waitForFunction(() => document.body.dataset['curationSaved'] === '1');
        assert.equal(await page.evaluate(() => (window as Hooked).__newsgraph.nodeHidden('michael-howard')), true, 'merged away: hidden at once');
        assert.deepEqual(readCurationFile(file).merges, [{ from: 'michael-howard', into: 'tony-blair' }]);
        // Undo saves the empty file; the merge again for the build.
        await page.locator('button[name=undo]').click();
        await page.waitForFunction(() => document.body.dataset['curationSaved'] === '0');
        assert.deepEqual(readCurationFile(file).merges, []);
        await page.evaluate(() => (window as Hooked).__newsgraph.curation.merge('michael-howard', 'tony-blair'));
        await page.waitForFunction(() => document.body.dataset['curationSaved'] === '1');
      });
    } finally {
      await server.close();
    }
    await build([corpus], { out, jobs: 1, curation: readCurationFile(file) }, { onWarning: () => undefined });
    const graph = JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as { nodes: { key: string; attributes: { aliases: string[] } }[] };
    assert.equal(graph.nodes.some((n) => n.key === 'michael-howard'), false, 'merged in the next build');
    assert.ok(graph.nodes.find((n) => n.key === 'tony-blair')?.attributes.aliases.includes('Michael Howard'));
  });

  it('a read-only server offers the decisions as a file to download; the review queue leads to its items', async function () {
    const server = await startServer({ dir: out, viewerDir, port: 0 });
    try {
      await withPage(server, '', async (page) => {
        await page.evaluate(() => (window as Hooked).__newsgraph.app.selectNode('charles-kennedy'));
        await page.locator('input[name=rename-to]').fill('Charlie Kennedy');
        await page.locator('button[name=rename]').click();
        await page.waitForFunction(() => document.querySelector('#curate .pending')?.textContent?.includes('Charlie Kennedy') === true);
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[name=download]').click()]);
        const saved = path.join(tmp, 'downloaded.json');
        await download.saveAs(saved);
        assert.deepEqual(readCurationFile(saved).renames, [{ node: 'charles-kennedy', label: 'Charlie Kennedy' }]);
        await page.locator('button[name=review]').click();
        const first = page.locator('.review-list li button.relation').first();
        await first.waitFor();
        const key = await first.evaluate((b) => (b as HTMLElement).dataset['edge'] ?? (b as HTMLElement).dataset['node'] ?? '');
        await first.click();
        await page.waitForFunction((k) => {
          const { app } = (window as Hooked).__newsgraph;
          return app.selectedEdge === k || app.selectedNode === k;
        }, key);
      });
    } finally {
      await server.close();
    }
  });
});
