// The viewer on a graph the size of the BBC corpus's (test/fixtures/bbc-sized-graph.json, made by
// scripts/make-bbc-fixture.mjs): the first view, counts that follow the filters, focus, paths and
// back/forward. What is drawn is read from sigma (states, display data, its label boxes).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../../src/serve/index';
import type { TestHook } from '../../viewer/src/main';
import { requireChromium, watchPage } from '../helpers/page-watch';
import { stageViewer, type ViewerStage } from '../helpers/viewer-stage';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/bbc-sized-graph.json');

type Hooked = Window & { __newsgraph: TestHook };

describe('viewer on a BBC-sized graph', function () {
  this.timeout(120000);
  let tmp: string;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let stage: ViewerStage | undefined;

  before(async function () {
    requireChromium(this, fs.existsSync);
    stage = await stageViewer('newsgraph-bbc-', (file) => fs.copyFileSync(FIXTURE, file));
    ({ tmp, server, browser } = stage);
  });

  after(async function () {
    await stage?.close();
  });

  async function withPage(hash: string, body: (page: Page) => Promise<void>): Promise<void> {
    assert.ok(browser && server);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const { problems } = watchPage(page);
    try {
      await page.goto(`${server.url}?test${hash}`);
      await page.waitForFunction(() => document.body.dataset['ready'] === 'true', undefined, { timeout: 90000 });
      await settle(page);
      await body(page);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, [], 'the page reported errors');
  }

  /** Waits for the camera to stop and the labels to be placed for where it stopped. */
  async function settle(page: Page): Promise<void> {
    await page.waitForFunction(() => !(window as Hooked).__newsgraph.isAnimating());
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  /** Pairs of drawn labels whose boxes meet, and of drawn nodes whose discs meet. */
  function collisions(page: Page): Promise<{ labels: number; labelPairs: string[]; discs: number; discPairs: string[] }> {
    return page.evaluate(() => {
      const hook = (window as Hooked).__newsgraph;
      const boxes = hook.labelBoxes();
      const labelPairs: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.box;
          const b = boxes[j]!.box;
          if (a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY) labelPairs.push(`${boxes[i]!.node}/${boxes[j]!.node}`);
        }
      }
      const discs = hook.nodeDiscs();
      const discPairs: string[] = [];
      for (let i = 0; i < discs.length; i++) {
        for (let j = i + 1; j < discs.length; j++) {
          const a = discs[i]!;
          const b = discs[j]!;
          if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r) discPairs.push(`${a.node}/${b.node}`);
        }
      }
      return { labels: boxes.length, labelPairs: labelPairs.slice(0, 5), discs: discs.length, discPairs: discPairs.slice(0, 5) };
    });
  }

  it('opens on the 300 most connected actors: no isolated node, no located_in edge, no overlap', async function () {
    await withPage('', async (page) => {
      const drawn = await page.evaluate(() => {
        const { graph, nodeHidden, edgeState } = (window as Hooked).__newsgraph;
        let nodes = 0;
        let isolated = 0;
        let edges = 0;
        let containment = 0;
        graph.forEachNode((n) => {
          if (nodeHidden(n)) return;
          nodes++;
          if (!graph.edges(n).some((e) => !edgeState(e).isHidden)) isolated++;
        });
        graph.forEachEdge((e, a) => {
          if (edgeState(e).isHidden) return;
          edges++;
          if (a.relation === 'located_in') containment++;
        });
        return { nodes, isolated, edges, containment, total: graph.order, stats: document.getElementById('stats')?.textContent ?? '' };
      });
      // The 300 most connected, less those whose neighbours all fell outside them.
      assert.ok(drawn.nodes <= 300 && drawn.nodes > 270, `${drawn.nodes} actors drawn`);
      assert.equal(drawn.isolated, 0, 'no isolated node drawn');
      assert.equal(drawn.containment, 0, 'located_in is off by default');
      assert.equal(drawn.stats, `2,127 documents · ${drawn.nodes} of ${drawn.total.toLocaleString('en-US')} actors · ${drawn.edges} of 1,250 relations`);
      const c = await collisions(page);
      assert.ok(c.labels >= 40, `a readable number of labels (${c.labels})`);
      assert.deepEqual(c.labelPairs, [], 'no two labels overlap');
      assert.equal(c.discs, drawn.nodes);
      assert.deepEqual(c.discPairs, [], 'no two nodes overlap');
      // The timeline hides: a few dozen of 2,127 documents are dated.
      assert.equal(await page.locator('.filter-group', { hasText: 'Dates seen' }).isHidden(), true);
    });
  });

  it('keeps labels apart when zoomed in and out', async function () {
    await withPage('', async (page) => {
      for (const factor of [0.5, 2.5]) {
        await page.evaluate((f) => {
          const camera = (window as Hooked).__newsgraph.renderer.getCamera();
          camera.setState({ ratio: camera.ratio * f });
        }, factor);
        await settle(page);
        const c = await collisions(page);
        assert.ok(c.labels > 0);
        assert.deepEqual(c.labelPairs, [], `no two labels overlap at ×${factor}`);
      }
    });
  });

  it('every count follows the filters; show more and isolated actors on request', async function () {
    await withPage('', async (page) => {
      const counts = (): Promise<{ stats: string; met: string; person: string; isolated: string }> =>
        page.evaluate(() => ({
          stats: document.getElementById('stats')?.textContent ?? '',
          met: document.querySelector('input[name=relation][value=met]')?.closest('label')?.querySelector('.count')?.textContent ?? '',
          person: document.querySelector('input[name=entityType][value=person]')?.closest('label')?.querySelector('.count')?.textContent ?? '',
          isolated: document.querySelector('input[name=showIsolated]')?.closest('label')?.querySelector('.count')?.textContent ?? '',
        }));
      const before = await counts();
      await page.locator('input[name=entityType][value=organization]').uncheck();
      await page.waitForFunction((s) => document.getElementById('stats')?.textContent !== s, before.stats);
      const after = await counts();
      assert.notEqual(after.met, before.met, 'relation counts follow the type filter');
      assert.match(after.stats, /\d+ of/);
      await page.locator('input[name=entityType][value=organization]').check();
      await page.waitForFunction((s) => document.getElementById('stats')?.textContent === s, before.stats);

      await page.locator('button[name=more]').click();
      await page.waitForFunction(() => location.hash.includes('top=600'));
      const more = await page.evaluate(() => (window as Hooked).__newsgraph.app.visibility);
      assert.equal(more.top, 600);
      assert.ok(more.nodes > 500, `${more.nodes} drawn after "show more"`);
      await page.locator('button[name=all-nodes]').click();
      await page.waitForFunction(() => location.hash.includes('top=all'));
      const all = await page.evaluate(() => (window as Hooked).__newsgraph.app.visibility);
      assert.equal(all.topHidden, 0);
      await page.locator('input[name=showIsolated]').check();
      await page.waitForFunction(() => location.hash.includes('isolated=1'));
      const withIsolated = await page.evaluate(() => (window as Hooked).__newsgraph.app.visibility.nodes);
      assert.equal(withIsolated, all.nodes + all.isolatedHidden);
      assert.equal(Number((await counts()).isolated), all.isolatedHidden);
    });
  });

  it('a selected node and its neighbours fill the view; 2 hops; an edge frames both ends; back and forward', async function () {
    await withPage('', async (page) => {
      const hub = await page.evaluate(() => {
        const { graph, app } = (window as Hooked).__newsgraph;
        let best = '';
        let degree = -1;
        graph.forEachNode((n) => {
          if (app.hiddenNodes.has(n)) return;
          const d = graph.degree(n);
          if (d > degree || (d === degree && n < best)) [best, degree] = [n, d];
        });
        return best;
      });
      const at = await page.evaluate((n) => (window as Hooked).__newsgraph.nodeViewport(n), hub);
      assert.ok(at);
      const box = await page.locator('#graph').boundingBox();
      assert.ok(box);
      await page.mouse.click(box.x + at.x, box.y + at.y);
      await page.waitForFunction((n) => (window as Hooked).__newsgraph.app.selectedNode === n, hub);
      await settle(page);
      const framed = (): Promise<{ outside: number; spread: number }> =>
        page.evaluate(() => {
          const { app, renderer, nodeViewport } = (window as Hooked).__newsgraph;
          const { nodes } = app.focusOf(app.selectedNode, app.selectedEdge, app.hops);
          const { width, height } = renderer.getDimensions();
          let outside = 0;
          let minX = Infinity;
          let maxX = -Infinity;
          let minY = Infinity;
          let maxY = -Infinity;
          for (const n of nodes) {
            const p = nodeViewport(n);
            if (p === null || p.x < 0 || p.y < 0 || p.x > width || p.y > height) outside++;
            else {
              minX = Math.min(minX, p.x);
              maxX = Math.max(maxX, p.x);
              minY = Math.min(minY, p.y);
              maxY = Math.max(maxY, p.y);
            }
          }
          return { outside, spread: Math.max((maxX - minX) / width, (maxY - minY) / height) };
        });
      const one = await framed();
      assert.equal(one.outside, 0, 'the focus is in view');
      assert.ok(one.spread > 0.5, `the focus fills the view (${one.spread})`);
      assert.match(await page.evaluate(() => location.hash), new RegExp(`node=${hub}`));

      await page.locator('input[name=hops][value="2"]').check();
      await page.waitForFunction(() => location.hash.includes('hops=2'));
      await settle(page);
      const two = await framed();
      assert.equal(two.outside, 0, 'two hops in view');

      const edge = await page.evaluate((n) => {
        const { graph, app } = (window as Hooked).__newsgraph;
        return graph.edges(n).find((e) => !app.hiddenEdges.has(e)) ?? '';
      }, hub);
      await page.locator(`#details-body button.relation[data-edge="${edge}"]`).click();
      await page.waitForFunction((e) => (window as Hooked).__newsgraph.app.selectedEdge === e, edge);
      await settle(page);
      assert.equal((await framed()).outside, 0, 'both ends of the edge in view');

      await page.goBack();
      await page.waitForFunction((n) => (window as Hooked).__newsgraph.app.selectedNode === n, hub);
      assert.equal(await page.evaluate(() => (window as Hooked).__newsgraph.app.hops), 2);
      await page.goBack();
      await page.waitForFunction(() => (window as Hooked).__newsgraph.app.hops === 1);
      await page.goForward();
      await page.waitForFunction(() => (window as Hooked).__newsgraph.app.hops === 2);
    });
  });

  it('an actor outside the first view, once selected, is drawn with its neighbours and framed', async function () {
    await withPage('', async (page) => {
      const picked = await page.evaluate(() => {
        const { graph, app } = (window as Hooked).__newsgraph;
        // An actor with relations that the top N left out, and one with none.
        const outside = graph.nodes().find((n) => app.hiddenNodes.has(n) && graph.degree(n) > 0 && graph.edges(n).some((e) => graph.getEdgeAttribute(e, 'relation') !== 'located_in')) ?? '';
        const isolated = graph.nodes().find((n) => graph.degree(n) === 0) ?? '';
        return { outside, isolated };
      });
      assert.ok(picked.outside !== '' && picked.isolated !== '');
      for (const node of [picked.outside, picked.isolated]) {
        await page.evaluate((n) => (window as Hooked).__newsgraph.app.selectNode(n, { center: true }), node);
        await settle(page);
        const state = await page.evaluate((n) => {
          const { graph, renderer, app, nodeViewport, nodeHidden } = (window as Hooked).__newsgraph;
          const { width, height } = renderer.getDimensions();
          const p = nodeViewport(n);
          const neighbours = graph.neighbors(n).filter((m) => !app.hiddenNodes.has(m)).length;
          return { hidden: nodeHidden(n), inView: p !== null && p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height, neighbours };
        }, node);
        assert.equal(state.hidden, false, `${node} is drawn`);
        assert.equal(state.inView, true, `${node} is in view`);
        if (node === picked.outside) assert.ok(state.neighbours > 0, 'with its neighbours');
      }
      await page.evaluate(() => (window as Hooked).__newsgraph.app.clearSelection());
      assert.equal(await page.evaluate((n) => (window as Hooked).__newsgraph.nodeHidden(n), picked.isolated), true, 'hidden again once deselected');
    });
  });

  it('highlights the strongest path between two actors', async function () {
    await withPage('', async (page) => {
      const ends = await page.evaluate(() => {
        const { graph, app } = (window as Hooked).__newsgraph;
        // Two visible actors three steps apart.
        const start = graph.nodes().filter((n) => !app.hiddenNodes.has(n)).sort()[0] ?? '';
        const seen = new Map<string, number>([[start, 0]]);
        let frontier = [start];
        for (let d = 1; d <= 3; d++) {
          const next: string[] = [];
          for (const n of frontier) {
            graph.forEachEdge(n, (e, _a, s, t) => {
              const o = s === n ? t : s;
              if (app.hiddenEdges.has(e) || seen.has(o)) return;
              seen.set(o, d);
              next.push(o);
            });
          }
          frontier = next.sort();
        }
        const far = [...seen].find(([, d]) => d === 3)?.[0] ?? '';
        return { start, far, label: graph.getNodeAttribute(far, 'label') };
      });
      assert.ok(ends.far !== '', 'the fixture has actors three steps apart');
      await page.evaluate((n) => (window as Hooked).__newsgraph.app.selectNode(n, { center: true }), ends.start);
      await page.locator('input[name=path-to]').fill(ends.label);
      await page.locator('.path-form button').click();
      await page.waitForFunction(() => location.hash.includes('path='));
      const steps = await page.locator('.path-steps li').count();
      assert.equal(steps, 3);
      const active = await page.evaluate(() => {
        const { app, renderer } = (window as Hooked).__newsgraph;
        return (app.path?.edges ?? []).every((e) => renderer.getEdgeState(e).isActive);
      });
      assert.equal(active, true);
    });
  });
});
