// The viewer with the archive behind `newsgraph serve`: a corpus built with `--evidence 1`, so
// graph.json holds one sentence per edge and the store all 27 of the busy edge. Served with its
// store, the panel pages through all of them and the search box finds sentences; served without
// (file-only, or the standalone export) the viewer shows the embedded sentence and asks nothing:
// `newsgraph serve` says it has a store with a header on graph.json.
// Any console error, page error or dialog fails the test.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from '../../src/pipeline';
import { API_HEADER, startServer, type RunningServer } from '../../src/serve/index';
import { renderStandaloneHtml } from '../../src/serve/standalone';
import { API_LIMITS, type EvidenceItem, type SearchHit } from '../../src/store/api';
import { API_HEADER as VIEWER_API_HEADER, archiveEvidence, sentenceHit } from '../../viewer/src/archive';
import { EVIDENCE_PAGE } from '../../viewer/src/evidence';
import type { TestHook } from '../../viewer/src/main';
import { watchPage, CHROMIUM, requireChromium } from '../helpers/page-watch';

const ROOT = path.resolve(__dirname, '../..');
const BUSY = 'anna-keller|met|peter-novak';
const QUIET = 'peter-novak|urged|anna-keller';
const HOSTILE_SENTENCE = 'Minister Anna Keller met Minister Peter Novak near <img src=x onerror=alert(1)> the border.';
const HOSTILE_TITLE = 'Odd <b>post</b> <script>alert(2)</script>';

type Hooked = Window & { __newsgraph: TestHook };

/** 25 rounds of talks, a meeting at a lighthouse, a hostile post (27 sentences of one edge), and one other edge. */
function corpusLines(): string[] {
  const cities = ['Geneva', 'Vienna', 'Oslo', 'Lisbon', 'Madrid'];
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const docs: Array<{ id: string; title: string; date: string; text: string }> = [];
  for (let i = 0; i < 25; i++) {
    const day = String(i + 1).padStart(2, '0');
    docs.push({
      id: `round-${day}`,
      title: `Round ${i + 1} of the talks`,
      date: `2025-04-${day}`,
      text: `Round ${i + 1} of the talks\n\nMinister Anna Keller met Minister Peter Novak in ${cities[i % 5] ?? ''} on ${days[Math.floor(i / 5)] ?? ''}.\n`,
    });
  }
  docs.push({ id: 'lighthouse', title: 'A quiet meeting', date: '2025-04-26', text: 'A quiet meeting\n\nMinister Anna Keller met Minister Peter Novak at the old lighthouse.\n' });
  docs.push({ id: 'hostile', title: HOSTILE_TITLE, date: '2025-04-27', text: `Odd post\n\n${HOSTILE_SENTENCE}\n` });
  docs.push({ id: 'accord', title: 'Accord', date: '2025-04-28', text: 'Accord\n\nMinister Peter Novak urged Minister Anna Keller to sign the accord.\n' });
  return docs.map((d) => JSON.stringify(d));
}

describe('viewer with the archive (serve with a store)', function () {
  this.timeout(120000);
  let tmp: string;
  let viewerDir: string;
  let storeDir: string;
  let withStore: RunningServer | undefined;
  let fileOnly: RunningServer | undefined;
  let browser: Browser | undefined;
  /** Every sentence of the busy edge, as the API lists them. */
  let busyEvidence: EvidenceItem[];

  before(async function () {
    requireChromium(this, fs.existsSync);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-archive-'));
    viewerDir = path.join(tmp, 'viewer');
    storeDir = path.join(tmp, 'out');
    const corpus = path.join(tmp, 'corpus.jsonl');
    fs.writeFileSync(corpus, `${corpusLines().join('\n')}\n`);
    await build([corpus], { out: storeDir, jobs: 1, graph: { evidence: 1 } }, { onWarning: (w) => assert.fail(`${w.file}: ${w.reason}`) });
    // The same graph.json without its store: `newsgraph serve` on a directory of graph files.
    const bare = path.join(tmp, 'bare');
    fs.mkdirSync(bare);
    fs.copyFileSync(path.join(storeDir, 'graph.json'), path.join(bare, 'graph.json'));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-viewer.mjs'), '--outdir', viewerDir], { stdio: 'pipe' });
    withStore = await startServer({ dir: storeDir, viewerDir, port: 0 });
    fileOnly = await startServer({ dir: bare, viewerDir, port: 0 });
    const all = await getJson(withStore, `api/evidence?edge=${encodeURIComponent(BUSY)}&limit=${API_LIMITS.evidence.max}`);
    busyEvidence = all['evidence'] as EvidenceItem[];
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });

  after(async function () {
    await browser?.close();
    await withStore?.close();
    await fileOnly?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function getJson(server: RunningServer, pathAndQuery: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${server.url}${pathAndQuery}`);
    assert.equal(response.status, 200, pathAndQuery);
    return (await response.json()) as Record<string, unknown>;
  }

  /**
   * A fresh page (with ?test and a hash) until the viewer knows whether it has an archive;
   * console errors, page errors and dialogs fail the test, as does an archive state other than expected.
   */
  async function withPage(
    url: string, hash: string, archive: 'store' | 'none', body: (page: Page, requests: readonly string[]) => Promise<void>, query = '',
  ): Promise<void> {
    assert.ok(browser);
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1200, height: 760 } });
    const page = await context.newPage();
    const { problems, requests } = watchPage(page);
    try {
      await page.goto(`${url}?test${query}${hash}`);
      await page.waitForFunction(() => document.body.dataset['archive'] !== undefined && (window as Partial<Hooked>).__newsgraph !== undefined);
      assert.equal(await page.evaluate(() => document.body.dataset['archive']), archive);
      await body(page, requests);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, [], 'the page reported errors');
  }

  const apiRequests = (requests: readonly string[], name: string): URLSearchParams[] =>
    requests.map((u) => new URL(u)).filter((u) => u.pathname === `/api/${name}`).map((u) => u.searchParams);

  it('says with a header on graph.json, and only there, that the store answers', async function () {
    assert.ok(withStore && fileOnly);
    const header = async (server: RunningServer, file: string): Promise<string | null> => {
      const response = await fetch(`${server.url}${file}`, { method: 'HEAD' });
      assert.equal(response.status, 200, file);
      return response.headers.get(API_HEADER);
    };
    assert.equal(API_HEADER, VIEWER_API_HEADER);
    assert.equal(await header(withStore, 'graph.json'), 'evidence, search');
    assert.equal(await header(withStore, 'graph.gexf'), null);
    assert.equal(await header(withStore, 'index.html'), null);
    assert.equal(await header(fileOnly, 'graph.json'), null);
  });

  it('reads every field the API sends (the viewer and the server agree on the format)', async function () {
    assert.ok(withStore);
    assert.equal(busyEvidence.length, 27);
    for (const item of busyEvidence) assert.deepEqual(archiveEvidence(item as unknown as Record<string, unknown>), item);
    const hits = (await getJson(withStore, 'api/search?q=lighthouse'))['hits'] as SearchHit[];
    assert.equal(hits.length, 1);
    for (const hit of hits) assert.deepEqual(sentenceHit(hit as unknown as Record<string, unknown>), hit);
  });

  it("pages through all of an edge's sentences from the store, hostile text as text", async function () {
    assert.ok(withStore);
    await withPage(withStore.url, `#edge=${encodeURIComponent(BUSY)}`, 'store', async (page, requests) => {
      const items = page.locator('#details-body .evidence > li');
      assert.equal(await page.locator('#details-body h3').textContent(), '27 sentences');
      // graph.json's sentence, then the first page of the archive's, fetched at once.
      await page.waitForFunction((n) => document.querySelectorAll('#details-body .evidence > li').length === n, 1 + EVIDENCE_PAGE);
      const more = page.locator('#details-body .more-button');
      assert.equal(await more.isVisible(), true);
      assert.match((await page.locator('#details-body .evidence-status').textContent()) ?? '', /^21 of 27 shown/);
      await more.click();
      await page.waitForFunction(() => document.querySelectorAll('#details-body .evidence > li').length === 27);
      await page.waitForFunction(() => (document.querySelector('#details-body .more-button') as HTMLElement | null)?.hidden === true);
      assert.equal(await page.locator('#details-body .evidence-status').textContent(), '');
      // Every sentence of the store, in its order, each with its document and date.
      assert.deepEqual(await page.locator('#details-body .evidence .sentence').allTextContents(), busyEvidence.map((e) => e.sentence));
      assert.deepEqual(await items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['doc'])), busyEvidence.map((e) => e.doc));
      assert.match((await items.nth(25).locator('.meta').first().textContent()) ?? '', /^A quiet meeting · 2025-04-26$/);
      // Marks as for graph.json's sentences: the trigger and both actors.
      const lighthouse = items.nth(25).locator('.sentence');
      assert.deepEqual(await lighthouse.locator('mark.mark-trigger').allTextContents(), ['met']);
      assert.deepEqual(await lighthouse.locator('mark.mark-source').allTextContents(), ['Anna Keller']);
      assert.deepEqual(await lighthouse.locator('mark.mark-target').allTextContents(), ['Peter Novak']);
      // The hostile post: its sentence and title are text, no element made from them.
      const hostile = page.locator('#details-body .evidence > li[data-doc="hostile"]');
      assert.equal(await hostile.locator('.sentence').textContent(), HOSTILE_SENTENCE);
      assert.equal(await hostile.locator('.doc-title').textContent(), HOSTILE_TITLE);
      assert.equal(await hostile.locator('.doc-id').textContent(), 'hostile');
      assert.equal(await page.locator('#details-body img, #details-body script, #details-body b').count(), 0);
      // Two pages asked for, each once, after graph.json's one sentence.
      assert.deepEqual(
        apiRequests(requests, 'evidence').map((p) => [p.get('edge'), p.get('offset'), p.get('limit')]),
        [[BUSY, '1', String(EVIDENCE_PAGE)], [BUSY, '21', String(EVIDENCE_PAGE)]],
      );
      // Back to the edge later: the fetched pages are kept, nothing is asked again.
      await page.evaluate((e) => (window as Hooked).__newsgraph.app.selectEdge(e), QUIET);
      await page.waitForFunction((e) => document.querySelector('#details-body .details-edge')?.getAttribute('data-edge') === e, QUIET);
      await page.evaluate((e) => (window as Hooked).__newsgraph.app.selectEdge(e), BUSY);
      assert.equal(await items.count(), 27);
      assert.equal(apiRequests(requests, 'evidence').length, 2);
    });
  });

  it('asks nothing for an edge whose sentences graph.json holds in full', async function () {
    assert.ok(withStore);
    await withPage(withStore.url, `#edge=${encodeURIComponent(QUIET)}`, 'store', async (page, requests) => {
      assert.equal(await page.locator('#details-body h3').textContent(), '1 sentence');
      assert.deepEqual(await page.locator('#details-body .evidence .sentence').allTextContents(), ['Minister Peter Novak urged Minister Anna Keller to sign the accord.']);
      assert.equal(await page.locator('#details-body .evidence-more').count(), 0);
      assert.deepEqual(apiRequests(requests, 'evidence'), []);
    });
  });

  it('searches the sentences and selects the edge of the chosen hit', async function () {
    assert.ok(withStore);
    await withPage(withStore.url, '', 'store', async (page, requests) => {
      const mode = page.locator('#search-mode');
      assert.equal(await mode.isVisible(), true);
      await mode.selectOption('sentences');
      assert.equal(await page.locator('#search').getAttribute('placeholder'), 'Search the sentences of the archive');
      // Two inputs in one task: the pause after typing lets only the last one through.
      await page.evaluate(() => {
        const input = document.getElementById('search') as HTMLInputElement;
        input.focus();
        for (const value of ['light', 'lighthouse']) {
          input.value = value;
          input.dispatchEvent(new Event('input'));
        }
      });
      const hit = page.locator('#search-results .option.hit');
      await hit.first().waitFor();
      assert.equal(await hit.count(), 1);
      assert.equal(await hit.locator('.hit-sentence').textContent(), 'Minister Anna Keller met Minister Peter Novak at the old lighthouse.');
      assert.deepEqual(await hit.locator('mark.mark-match').allTextContents(), ['lighthouse']);
      assert.equal(await hit.locator('.hit-meta').textContent(), 'A quiet meeting · 2025-04-26');
      assert.deepEqual(apiRequests(requests, 'search').map((p) => p.get('q')), ['lighthouse']);
      await page.keyboard.press('Enter');
      await page.waitForFunction((e) => (window as Hooked).__newsgraph.edgeState(e).isSelected, BUSY);
      assert.equal(await page.locator('#details-body .details-edge').getAttribute('data-edge'), BUSY);
      const states = await page.evaluate(
        ([busy, quiet]) => {
          const h = (window as Hooked).__newsgraph;
          return { busy: h.edgeState(busy as string).isActive, quietFaded: h.renderer.getEdgeState(quiet as string).isFaded, keller: h.renderer.getNodeState('anna-keller').isActive };
        },
        [BUSY, QUIET],
      );
      assert.deepEqual(states, { busy: true, quietFaded: true, keller: true });
      await page.waitForFunction(() => location.hash.includes('edge='));

      // A hit on the hostile post: text in the list too.
      await page.locator('#search').fill('border');
      await page.locator('#search-results .option.hit .hit-sentence', { hasText: 'border' }).waitFor();
      assert.equal(await page.locator('#search-results .hit-sentence').textContent(), HOSTILE_SENTENCE);
      assert.equal(await page.locator('#search-results .doc-title').textContent(), HOSTILE_TITLE);
      assert.equal(await page.locator('#search-results img, #search-results script, #search-results b').count(), 0);
      await page.locator('#search').fill('zzzzqqq');
      await page.locator('#search-results .option.empty', { hasText: 'No sentence has all these words' }).waitFor();

      // Back to actors: the local ranking, as before.
      await mode.selectOption('actors');
      await page.locator('#search').fill('novak');
      await page.locator('#search-results .option .label', { hasText: 'Peter Novak' }).waitFor();
    });
  });

  it('offers a reload once a build rewrites graph.json, and the reload shows the new graph with the selection kept', async function () {
    // A copy of the store, served on its own, so that the other tests keep theirs.
    const liveDir = path.join(tmp, 'live');
    fs.cpSync(storeDir, liveDir, { recursive: true });
    const live = await startServer({ dir: liveDir, viewerDir, port: 0 });
    try {
      await withPage(live.url, `#edge=${encodeURIComponent(QUIET)}`, 'store', async (page, requests) => {
        assert.equal(await page.locator('#stats strong').textContent(), '28 documents');
        // Asked every 100 ms (?poll=100): nothing changed yet, so nothing is offered.
        await page.waitForTimeout(500);
        const asked = requests.filter((u) => new URL(u).pathname === '/graph.json').length;
        assert.ok(asked >= 2, `graph.json asked ${asked} times`);
        assert.equal(await page.locator('#updated').isVisible(), false);
        const later = path.join(tmp, 'later.jsonl');
        fs.writeFileSync(later, `${JSON.stringify({ id: 'later', title: 'Later', date: '2025-04-29', text: 'Later\n\nMinister Peter Novak urged Minister Anna Keller to sign the second accord.\n' })}\n`);
        await build([later], { out: liveDir, update: true, jobs: 1, graph: { evidence: 1 } }, { onWarning: (w) => assert.fail(`${w.file}: ${w.reason}`) });
        await page.locator('#updated').waitFor({ state: 'visible' });
        assert.equal(await page.locator('#updated').getAttribute('role'), 'status');
        assert.equal(await page.locator('#stats strong').textContent(), '28 documents', 'the page keeps what it shows until asked');
        await page.locator('#reload').click();
        await page.waitForFunction(() => document.body.dataset['ready'] === 'true' && document.getElementById('updated')?.hidden === true);
        assert.equal(await page.locator('#stats strong').textContent(), '29 documents');
        assert.equal(await page.locator('#details-body h3').textContent(), '2 sentences', 'the selected edge, from the hash, with its new sentence');
      }, '&poll=100');
    } finally {
      await live.close();
    }
  });

  it('served without a store: the embedded sentence, a note, no API request', async function () {
    assert.ok(fileOnly);
    await withPage(fileOnly.url, `#edge=${encodeURIComponent(BUSY)}`, 'none', async (page, requests) => {
      assert.equal(await page.locator('#details-body h3').textContent(), '27 sentences');
      assert.equal(await page.locator('#details-body .evidence > li').count(), 1);
      assert.equal(await page.locator('#details-body .evidence .sentence').textContent(), busyEvidence[0]?.sentence);
      assert.equal(await page.locator('#details-body .evidence-status').textContent(), '1 of 27 shown.');
      assert.equal(await page.locator('#details-body .more-button').count(), 0);
      assert.equal(await page.locator('#search-mode').isVisible(), false);
      assert.deepEqual(requests.filter((u) => new URL(u).pathname.startsWith('/api/')), []);
    });
  });

  it('as a standalone file: the embedded sentence, no network request at all', async function () {
    const file = path.join(tmp, 'standalone.html');
    fs.writeFileSync(file, renderStandaloneHtml(fs.readFileSync(path.join(storeDir, 'graph.json'), 'utf8'), viewerDir));
    await withPage(pathToFileURL(file).href, `#edge=${encodeURIComponent(BUSY)}`, 'none', async (page, requests) => {
      assert.equal(await page.locator('#details-body .evidence > li').count(), 1);
      assert.equal(await page.locator('#details-body .evidence .sentence').textContent(), busyEvidence[0]?.sentence);
      assert.equal(await page.locator('#details-body .evidence-status').textContent(), '1 of 27 shown.');
      assert.equal(await page.locator('#search-mode').isVisible(), false);
      assert.deepEqual(requests, [`${pathToFileURL(file).href}?test`], 'only the file itself is read');
    });
  });
});
