// The evidence panel in headless chromium shows, beside a sentence that says "he" or "the bloc",
// the mention each end stands for ("source → Vladimir Putin"); article text stays text (no
// element, no script, no dialog). The archive's items go through the same rendering once read
// (archiveEvidence, tested in viewer-logic.test.ts).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { toJson } from '../../src/export';
import type { RunningServer } from '../../src/serve/index';
import { makeGraph } from '../helpers/graph-fixture';
import { requireChromium, watchPage } from '../helpers/page-watch';
import { stageViewer, type ViewerStage } from '../helpers/viewer-stage';


const HOSTILE_TEXT = '<img src=x onerror=alert(1)>the <b>bloc</b>';

function graphJson(): string {
  const graph = makeGraph(
    {
      nodes: [{ key: 'putin', label: 'Vladimir Putin' }, { key: 'macron', label: 'Emmanuel Macron' }, { key: 'eu', label: 'European Union', entityType: 'organization' }],
      edges: [
        {
          source: 'putin',
          target: 'macron',
          relation: 'met',
          evidence: [
            { doc: 'd1', sentence: 'He met Emmanuel Macron at the palace.', start: 40, end: 77, antecedents: { source: { start: 0, end: 14, text: 'Vladimir Putin' } } },
            { doc: 'd1', sentence: 'Vladimir Putin met Emmanuel Macron.', start: 90, end: 125 },
          ],
        },
        {
          source: 'eu',
          target: 'putin',
          relation: 'sanctioned',
          evidence: [{ doc: 'd1', sentence: 'The bloc punished him.', start: 130, end: 152, antecedents: { source: { start: 200, end: 243, text: HOSTILE_TEXT }, target: { start: 0, end: 14, text: 'Vladimir Putin' } } }],
        },
      ],
      attributes: { documentCount: 1, sources: [{ id: 'd1', title: 'Summit' }] },
    },
    { laidOut: true },
  );
  return toJson(graph as never);
}

describe('viewer in a browser: antecedents', function () {
  this.timeout(60000);
  let tmp: string;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let stage: ViewerStage | undefined;

  before(async function () {
    requireChromium(this, fs.existsSync);
    stage = await stageViewer('newsgraph-browser-antecedents-', (file) => fs.writeFileSync(file, graphJson()));
    ({ tmp, server, browser } = stage);
  });

  after(async function () {
    await stage?.close();
  });

  async function openEdge(edge: string, body: (page: Page) => Promise<void>): Promise<void> {
    assert.ok(browser && server);
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
    const page = await context.newPage();
    const { problems } = watchPage(page);
    try {
      await page.goto(`${server.url}?test#edge=${encodeURIComponent(edge)}`);
      await page.waitForFunction((key) => document.querySelector('#details-body .details-edge')?.getAttribute('data-edge') === key, edge);
      await body(page);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, [], 'the page reported errors');
  }

  it('shows "source → Vladimir Putin" beside the sentence that says "he", and nothing beside one that names him', async function () {
    await openEdge('putin|met|macron', async (page) => {
      const items = page.locator('#details-body .evidence > li');
      assert.equal(await items.count(), 2);
      assert.equal(await items.nth(0).locator('.antecedents').textContent(), 'Named earlier: source → Vladimir Putin');
      assert.deepEqual(await items.nth(0).locator('.antecedents mark.mark-source').allTextContents(), ['Vladimir Putin']);
      assert.match((await items.nth(0).locator('.antecedent-source').getAttribute('title')) ?? '', /Vladimir Putin .*characters 0–14/);
      assert.equal(await items.nth(1).locator('.antecedents').count(), 0);
    });
  });

  it('shows both ends, with article text as text', async function () {
    await openEdge('eu|sanctioned|putin', async (page) => {
      const line = page.locator('#details-body .evidence > li .antecedents');
      assert.equal(await line.textContent(), `Named earlier: source → ${HOSTILE_TEXT} · target → Vladimir Putin`);
      assert.deepEqual(await line.locator('mark').allTextContents(), [HOSTILE_TEXT, 'Vladimir Putin']);
      assert.equal(await page.locator('#details-body img, #details-body .antecedents b').count(), 0, 'no element from article text');
    });
  });
});
