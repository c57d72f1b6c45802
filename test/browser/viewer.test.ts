// The viewer in headless chromium, against startServer serving the fixture graph. Real clicks and
// key presses; sigma's own state (exposed on window.__newsgraph only with ?test) to check what is
// shown. Any console error, page error or dialog fails the test.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from '../../src/serve/index';
import { renderStandaloneHtml } from '../../src/serve/standalone';
import type { TestHook } from '../../viewer/src/main';
import { requireChromium, watchPage } from '../helpers/page-watch';
import { stageViewer, type ViewerStage } from '../helpers/viewer-stage';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/sample-graph.json');

type Hooked = Window & { __newsgraph: TestHook };
type Point = { x: number; y: number };

describe('viewer in a browser', function () {
  this.timeout(60000);
  let tmp: string;
  let viewerDir: string;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let stage: ViewerStage | undefined;

  before(async function () {
    requireChromium(this, fs.existsSync);
    stage = await stageViewer('newsgraph-browser-', (file) => fs.copyFileSync(FIXTURE, file));
    ({ tmp, server, browser, viewerDir } = stage);
  });

  after(async function () {
    await shared?.context.close();
    await stage?.close();
  });

  /** Opens a page on the viewer (with ?test and a hash), recording console errors, page errors and dialogs. */
  async function open(hash: string, url?: string): Promise<{ page: Page; context: BrowserContext; problems: string[]; requests: string[] }> {
    assert.ok(browser && server);
    const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
    const page = await context.newPage();
    const { problems, requests } = watchPage(page);
    await page.goto(`${url ?? server.url}?test${hash}`);
    await page.waitForFunction(() => document.body.dataset['ready'] === 'true' && (window as Partial<Hooked>).__newsgraph !== undefined);
    return { page, context, problems, requests };
  }

  /** A fresh page for one test (a page load costs seconds on software WebGL: most tests share one). */
  async function withPage(hash: string, body: (page: Page, requests: readonly string[]) => Promise<void>, url?: string): Promise<void> {
    const { page, context, problems, requests } = await open(hash, url);
    try {
      await body(page, requests);
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, [], 'the page reported errors');
  }

  let shared: { page: Page; context: BrowserContext; problems: string[]; requests: string[] } | undefined;

  /** The shared page, reset to the default view: no selection, no filter, no hover, whole graph. */
  async function withSharedPage(body: (page: Page) => Promise<void>): Promise<void> {
    shared ??= await open('');
    const { page, problems } = shared;
    const box = await page.locator('#graph').boundingBox();
    assert.ok(box);
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.locator('#search').fill('');
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      const { app, renderer } = (window as Hooked).__newsgraph;
      const camera = renderer.getCamera();
      camera.cancelAnimation();
      camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      app.applyHash('');
      app.writeHash();
    });
    await page.waitForFunction(() => !(window as Hooked).__newsgraph.app.hasFocus);
    problems.length = 0;
    await body(page);
    assert.deepEqual(problems, [], 'the page reported errors');
  }

  /** Page coordinates of a node's centre. */
  async function nodePoint(page: Page, node: string): Promise<Point> {
    await page.waitForFunction(() => !(window as Hooked).__newsgraph.isAnimating());
    const box = await page.locator('#graph').boundingBox();
    const p = await page.evaluate((n) => (window as Hooked).__newsgraph.nodeViewport(n), node);
    assert.ok(box && p, `node ${node} is on screen`);
    return { x: box.x + p.x, y: box.y + p.y };
  }

  /** Waits until sigma has drawn a few frames (hover is resolved from the last frame). */
  async function frames(page: Page, n = 3): Promise<void> {
    await page.evaluate(
      (count) =>
        new Promise<void>((resolve) => {
          const step = (left: number): void => {
            if (left === 0) resolve();
            else requestAnimationFrame(() => step(left - 1));
          };
          step(count);
        }),
      n,
    );
  }

  async function detailsTitle(page: Page): Promise<string> {
    return (await page.locator('#details-body .title').textContent()) ?? '';
  }

  it('opens with the precomputed layout and the header counts', async function () {
    await withSharedPage(async (page) => {
      assert.match((await page.locator('#stats').textContent()) ?? '', /5 documents · 11 actors · 20 relations/);
      const info = await page.evaluate(() => {
        const { renderer, graph } = (window as Hooked).__newsgraph;
        const d = renderer.getNodeDisplayData('putin');
        return { order: graph.order, size: graph.size, putin: d ? { x: d.x, y: d.y } : null, canvases: document.querySelectorAll('#graph canvas').length };
      });
      assert.equal(info.order, 11);
      assert.equal(info.size, 20);
      assert.ok(info.putin !== null && Number.isFinite(info.putin.x));
      assert.ok(info.canvases > 0);
      assert.equal(await page.locator('input[name=relation]').count(), 13);
      assert.equal(await page.locator('#legend .legend-types li').count(), 4);
      // The layout is graph.json's: display positions are one affine map of its x and y (sigma
      // normalises them), and they do not move while the page runs.
      const positions = (): Promise<[number, number, number, number][]> =>
        page.evaluate(() => {
          const { renderer, graph } = (window as Hooked).__newsgraph;
          return graph.mapNodes((n, a): [number, number, number, number] => {
            const d = renderer.getNodeDisplayData(n);
            return [a.x, a.y, d?.x ?? NaN, d?.y ?? NaN];
          });
        });
      const before = await positions();
      const [p0, p1] = [before[0], before[1]];
      assert.ok(p0 && p1);
      const scale = (p1[2] - p0[2]) / (p1[0] - p0[0]);
      for (const [x, y, dx, dy] of before) {
        assert.ok(Math.abs(dx - (p0[2] + (x - p0[0]) * scale)) < 1e-6, 'x follows graph.json');
        assert.ok(Math.abs(dy - (p0[3] + (y - p0[1]) * scale)) < 1e-6, 'y follows graph.json');
      }
      await frames(page, 10);
      assert.deepEqual(await positions(), before, 'no layout runs in the browser');
    });
  });

  it('searches "Putin", shows his panel and centres on him', async function () {
    await withSharedPage(async (page) => {
      await page.locator('#search').click();
      await page.keyboard.type('Putin');
      await page.locator('#search-results .option').first().waitFor();
      assert.equal(await page.locator('#search-results .option .label').first().textContent(), 'Vladimir Putin');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#details-body .title')?.textContent === 'Vladimir Putin');
      assert.match((await page.locator('#details-body .roles').textContent()) ?? '', /President of Russia/);
      assert.deepEqual(await page.locator('#details-body .chip').allTextContents(), ['Putin', 'V. Putin']);
      const groups = await page.locator('#details-body .relation-group').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['relation']));
      assert.deepEqual(groups, ['met', 'urged', 'proposed', 'rejected', 'leader_of']);
      await page.waitForFunction(() => location.hash.includes('node=putin'));
      const state = await page.evaluate(() => {
        const s = (window as Hooked).__newsgraph.renderer.getNodeState('putin');
        return { highlighted: s.isHighlighted, selected: s.isSelected };
      });
      assert.deepEqual(state, { highlighted: true, selected: true });
      // The camera frames him and his neighbours: all inside the graph view.
      await page.waitForFunction(() => !(window as Hooked).__newsgraph.isAnimating());
      const outside = await page.evaluate(() => {
        const { renderer, graph, nodeViewport } = (window as Hooked).__newsgraph;
        const { width, height } = renderer.getDimensions();
        return ['putin', ...graph.neighbors('putin')].filter((n) => {
          const p = nodeViewport(n);
          return p === null || p.x < 0 || p.y < 0 || p.x > width || p.y > height;
        });
      });
      assert.deepEqual(outside, [], 'Putin and his neighbours are in view');
    });
  });

  it('finds actors by alias', async function () {
    await withSharedPage(async (page) => {
      await page.keyboard.press('/');
      await page.waitForFunction(() => document.activeElement?.id === 'search');
      await page.keyboard.type('zelensk');
      await page.locator('#search-results .option').first().waitFor();
      assert.equal(await page.locator('#search-results .option .label').first().textContent(), 'Volodymyr Zelenskyy');
      assert.equal(await page.locator('#search-results .option .alias').first().textContent(), 'Zelensky');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('#details-body .title')?.textContent === 'Volodymyr Zelenskyy');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('#details-body .empty') !== null);
      await page.waitForFunction(() => !location.hash.includes('node='));
    });
  });

  it('shows where an actor lies: a containing node as a link, an unknown id as text', async function () {
    // A page of its own: changing node attributes on the shared page disturbed later tests' colours.
    await withPage('', async (page) => {
      await page.evaluate(() => {
        const { graph } = (window as Hooked).__newsgraph;
        graph.setNodeAttribute('zelenskyy', 'region', '<b>kyiv-oblast</b>');
        graph.setNodeAttribute('zelenskyy', 'country', 'ukraine');
        location.hash = '#node=zelenskyy';
      });
      await page.waitForFunction(() => document.querySelector('#details-body .details-node')?.getAttribute('data-node') === 'zelenskyy');
      assert.equal(await page.locator('#details-body .located').textContent(), 'In: <b>kyiv-oblast</b>, Ukraine');
      assert.equal(await page.locator('#details-body .located b').count(), 0);
      await page.locator('#details-body .located .place-link').click();
      await page.waitForFunction(() => document.querySelector('#details-body .title')?.textContent === 'Ukraine');
    });
  });

  it('clicks an edge and shows its evidence with trigger and actors marked', async function () {
    await withSharedPage(async (page) => {
      const a = await nodePoint(page, 'witkoff');
      const b = await nodePoint(page, 'putin');
      await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
      await page.waitForFunction(() => document.querySelector('#details-body .details-edge') !== null);
      assert.equal(await page.locator('#details-body .details-edge').getAttribute('data-edge'), 'witkoff|met|putin');
      assert.equal(await page.locator('#details-body .sentence').first().textContent(), 'Witkoff met Putin in Moscow late on Thursday.');
      assert.deepEqual(await page.locator('#details-body .sentence mark.mark-trigger').allTextContents(), ['met']);
      assert.deepEqual(await page.locator('#details-body .sentence mark.mark-source').allTextContents(), ['Witkoff']);
      assert.deepEqual(await page.locator('#details-body .sentence mark.mark-target').allTextContents(), ['Putin']);
      assert.match((await page.locator('#details-body .evidence .meta').first().textContent()) ?? '', /Witkoff in Moscow · 2025-03-14/);
      const selected = await page.evaluate(() => (window as Hooked).__newsgraph.edgeState('witkoff|met|putin').isSelected);
      assert.equal(selected, true);
      // Clicking a name in the statement opens that node.
      await page.locator('#details-body .node-link.target').click();
      await page.waitForFunction(() => document.querySelector('#details-body .title')?.textContent === 'Vladimir Putin');
    });
  });

  it('marks negated and hypothetical facts in both panels', async function () {
    await withSharedPage(async (page) => {
      await page.evaluate(() => (window as Hooked).__newsgraph.app.selectEdge('trump|sanctioned|russia|negated'));
      await page.waitForFunction(() => document.querySelector('#details-body .details-edge')?.getAttribute('data-edge') === 'trump|sanctioned|russia|negated');
      assert.equal(await page.locator('#details-body .statement .verb').textContent(), 'not sanctioned');
      assert.deepEqual(await page.locator('#details-body .tags .tag').allTextContents(), ['negated']);
      await page.evaluate(() => (window as Hooked).__newsgraph.app.selectEdge('putin|proposed|ceasefire|hypothetical'));
      await page.waitForFunction(() => document.querySelector('#details-body .details-edge')?.getAttribute('data-edge') === 'putin|proposed|ceasefire|hypothetical');
      assert.equal(await page.locator('#details-body .statement .verb').textContent(), 'proposed?');
      assert.deepEqual(await page.locator('#details-body .tags .tag').allTextContents(), ['hypothetical']);
      await page.locator('#details-body .node-link.source').click();
      await page.waitForFunction(() => document.querySelector('#details-body .title')?.textContent === 'Vladimir Putin');
      const proposed = page.locator('#details-body button.relation[data-edge="putin|proposed|ceasefire|hypothetical"]');
      assert.equal(await proposed.locator('.tag').textContent(), 'maybe');
    });
  });

  it('draws parallel edges apart, each one hoverable and clickable', async function () {
    await withSharedPage(async (page) => {
      const parallel = await page.evaluate(() => {
        const h = (window as Hooked).__newsgraph;
        return [h.edgeState('trump|urged|putin'), h.edgeState('trump|met|putin')].map((s) => s.parallelCount);
      });
      assert.deepEqual(parallel, [2, 2]);
      // Trump → Russia (sanctioned) runs close to the pair near its middle: out of the way, so the
      // sweep sees only the two parallel edges whatever their drawing order.
      await page.locator('input[name=relation][value=sanctioned]').uncheck();
      await page.waitForFunction(() => (window as Hooked).__newsgraph.edgeState('trump|sanctioned|russia|negated').isHidden);
      const a = await nodePoint(page, 'trump');
      const b = await nodePoint(page, 'putin');
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      const normal = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
      // Sweep across the pair at mid-length and record which edge is under the pointer.
      const found = new Map<string, number[]>();
      for (let offset = -33; offset <= 33; offset += 3) {
        await page.mouse.move(mid.x + normal.x * offset, mid.y + normal.y * offset);
        await frames(page);
        const edge = await page.evaluate(() => (window as Hooked).__newsgraph.hoveredEdge());
        if (edge !== null && edge.startsWith('trump|') && edge.endsWith('|putin')) found.set(edge, [...(found.get(edge) ?? []), offset]);
      }
      assert.deepEqual([...found.keys()].sort(), ['trump|met|putin', 'trump|urged|putin'], `edges under the sweep: ${JSON.stringify([...found])}`);
      const offsets = (key: string): number[] => found.get(key) ?? [];
      const urged = offsets('trump|urged|putin');
      const met = offsets('trump|met|putin');
      assert.ok(Math.max(...urged) < Math.min(...met) || Math.max(...met) < Math.min(...urged), 'the two edges do not overlap');
      // Selecting an edge frames it (a camera animation): after each click, wait for the camera to
      // stop and find the next edge under the pointer again, whatever the machine's speed.
      for (const key of ['trump|urged|putin', 'trump|met|putin']) {
        const p = await nodePoint(page, 'trump');
        const q = await nodePoint(page, 'putin');
        const m = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
        const l = Math.hypot(q.x - p.x, q.y - p.y);
        const n = { x: -(q.y - p.y) / l, y: (q.x - p.x) / l };
        let at: Point | undefined;
        for (let offset = -40; offset <= 40 && !at; offset += 2) {
          await page.mouse.move(m.x + n.x * offset, m.y + n.y * offset);
          await frames(page);
          if (await page.evaluate(() => (window as Hooked).__newsgraph.hoveredEdge()) === key) at = { x: m.x + n.x * offset, y: m.y + n.y * offset };
        }
        assert.ok(at, `${key} under the pointer after the camera moved`);
        await page.mouse.click(at.x, at.y);
        await page.waitForFunction((k) => document.querySelector('#details-body .details-edge')?.getAttribute('data-edge') === k, key);
      }
      assert.match((await page.locator('#details-body .sentence').first().textContent()) ?? '', /Trump met Putin in Helsinki/);
      // Edge labels show on hover only (at the first view's zoom: zoomed in, they show anyway).
      await page.evaluate(() => {
        const camera = (window as Hooked).__newsgraph.renderer.getCamera();
        camera.cancelAnimation();
        camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      });
      await frames(page);
      const labels = await page.evaluate(() => {
        const { renderer } = (window as Hooked).__newsgraph;
        return ['trump|met|putin', 'russia|attacked|ukraine'].map((e) => renderer.getEdgeDisplayData(e)?.labelVisibility);
      });
      assert.deepEqual(labels, ['visible', 'hidden']);
    });
  });

  it('fades all but the hovered node and its neighbours, through sigma states', async function () {
    await withSharedPage(async (page) => {
      const p = await nodePoint(page, 'putin');
      await page.mouse.move(p.x, p.y);
      await page.waitForFunction(() => {
        const { renderer } = (window as Hooked).__newsgraph;
        return (window as Hooked).__newsgraph.app.hasFocus && renderer.getNodeState('putin').isHovered;
      });
      const s = await page.evaluate(() => {
        const { renderer, graph } = (window as Hooked).__newsgraph;
        return {
          trump: renderer.getNodeState('trump').isActive,
          ceasefire: renderer.getNodeState('ceasefire').isActive,
          nato: renderer.getNodeState('nato').isActive,
          natoColor: renderer.getNodeDisplayData('nato')?.color,
          natoFaded: renderer.getNodeState('nato').isFaded,
          trumpFaded: renderer.getNodeState('trump').isFaded,
          fadedEdge: renderer.getEdgeState('russia|attacked|ukraine').isFaded,
          natoAttr: graph.getNodeAttribute('nato', 'color'),
          trumpColor: renderer.getNodeDisplayData('trump')?.color,
        };
      });
      assert.equal(s.trump, true);
      assert.equal(s.ceasefire, true);
      assert.equal(s.nato, false);
      assert.deepEqual([s.natoFaded, s.trumpFaded, s.fadedEdge], [true, false, true]);
      assert.notEqual(s.natoColor, s.trumpColor);
      assert.equal(s.natoAttr, '#13a3b5', 'graph attributes untouched');
      const box = await page.locator('#graph').boundingBox();
      assert.ok(box);
      await page.mouse.move(box.x + 4, box.y + 4);
      await page.waitForFunction(() => !(window as Hooked).__newsgraph.app.hasFocus);
    });
  });

  it('filters relations, types, evidence count and dates: what sigma holds', async function () {
    await withSharedPage(async (page) => {
      const hidden = (keys: string[]): Promise<boolean[]> =>
        page.evaluate((ks) => ks.map((k) => (window as Hooked).__newsgraph.edgeState(k).isHidden), keys);
      await page.locator('input[name=relation][value=met]').uncheck();
      await page.waitForFunction(() => {
        const { renderer, edgeState } = (window as Hooked).__newsgraph;
        // Not drawn: sigma holds no display data for it.
        return edgeState('trump|met|putin').isHidden && renderer.getEdgeDisplayData('trump|met|putin') === undefined;
      });
      assert.deepEqual(await hidden(['trump|met|putin', 'witkoff|met|putin', 'trump|urged|putin']), [true, true, false]);
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('hiderel')?.split(',').includes('met') === true);
      const graphColor = await page.evaluate(() => (window as Hooked).__newsgraph.graph.getEdgeAttributes('trump|met|putin').color);
      assert.equal(typeof graphColor, 'string');

      await page.locator('input[name=relation][value=met]').check();
      await page.waitForFunction(() => !(window as Hooked).__newsgraph.edgeState('trump|met|putin').isHidden);

      await page.locator('input[name=entityType][value=other]').uncheck();
      await page.waitForFunction(() => (window as Hooked).__newsgraph.nodeHidden('ceasefire'));
      assert.deepEqual(await hidden(['putin|rejected|ceasefire', 'xss-probe|supported|zelenskyy', 'trump|urged|putin']), [true, true, false]);
      await page.locator('input[name=entityType][value=other]').check();

      await page.locator('input[name=hideNegated]').check();
      await page.waitForFunction(() => (window as Hooked).__newsgraph.edgeState('trump|sanctioned|russia|negated').isHidden);
      await page.locator('input[name=hideHypothetical]').check();
      await page.waitForFunction(() => (window as Hooked).__newsgraph.edgeState('putin|proposed|ceasefire|hypothetical').isHidden);

      await page.locator('input[name=minCount]').focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => (window as Hooked).__newsgraph.edgeState('witkoff|met|putin').isHidden);
      assert.deepEqual(await hidden(['trump|urged|putin', 'russia|attacked|ukraine']), [false, false]);
      await page.waitForFunction(() => location.hash.includes('min=2'));

      await page.locator('button.reset').click();
      await page.waitForFunction(() => !(window as Hooked).__newsgraph.edgeState('witkoff|met|putin').isHidden);

      await page.locator('input[name=from]').fill('2025-03-15');
      await page.waitForFunction(() => (window as Hooked).__newsgraph.edgeState('trump|urged|putin').isHidden);
      assert.deepEqual(await hidden(['russia|attacked|ukraine', 'united-states|aided|ukraine']), [false, false]);
      await page.locator('input[name=to]').fill('2025-03-19');
      await page.waitForFunction(() => (window as Hooked).__newsgraph.edgeState('united-states|aided|ukraine').isHidden);
      assert.deepEqual(await hidden(['russia|attacked|ukraine']), [false]);
    });
  });

  it('colours nodes by community on request, with its own legend and hash entry', async function () {
    await withSharedPage(async (page) => {
      const colors = (): Promise<{ putin?: string; witkoff?: string; trump?: string; colorBy: string }> =>
        page.evaluate(() => {
          const { renderer } = (window as Hooked).__newsgraph;
          const c = (n: string): string | undefined => renderer.getNodeDisplayData(n)?.color;
          return { putin: c('putin'), witkoff: c('witkoff'), trump: c('trump'), colorBy: (window as Hooked).__newsgraph.app.colorBy };
        });
      const byType = await colors();
      assert.equal(byType.colorBy, 'type');
      assert.equal(byType.putin, byType.trump, 'two people share the person colour');
      await page.locator('#legend label', { hasText: 'Community' }).click();
      // The state is set at once; sigma recomputes the display data on its next frame.
      await page.waitForFunction((typeColor) => {
        const { renderer } = (window as Hooked).__newsgraph;
        const color = renderer.getNodeDisplayData('putin')?.color;
        return color !== undefined && color !== typeColor && renderer.getNodeState('putin').byCommunity;
      }, byType.putin);
      const byCommunity = await colors();
      // Putin and Witkoff are in community 0, Trump in community 1 (test/fixtures/sample-graph.json).
      assert.equal(byCommunity.putin, byCommunity.witkoff);
      assert.notEqual(byCommunity.putin, byCommunity.trump);
      assert.notEqual(byCommunity.putin, byType.putin);
      const legend = await page.locator('#legend .legend-communities li').evaluateAll((els) =>
        els.map((e) => [(e as HTMLElement).dataset['community'], e.querySelector('.name')?.textContent, e.querySelector('.count')?.textContent]),
      );
      assert.deepEqual(legend, [['0', 'Vladimir Putin', '4'], ['1', 'Donald Trump', '4'], ['2', 'Russia', '3']]);
      await page.waitForFunction(() => location.hash.includes('color=community'));
      const attr = await page.evaluate(() => (window as Hooked).__newsgraph.graph.getNodeAttribute('putin', 'color'));
      assert.equal(attr, '#5b6cf0', 'graph attributes untouched');
      // An actor that leaves sigma (filtered out) and comes back gets its states again (display.ts).
      await page.locator('input[name=entityType][value=person]').uncheck();
      await page.waitForFunction(() => (window as Hooked).__newsgraph.nodeHidden('putin'));
      await page.locator('input[name=entityType][value=person]').check();
      await page.waitForFunction((communityColor) => {
        const { renderer, nodeHidden } = (window as Hooked).__newsgraph;
        return !nodeHidden('putin') && renderer.getNodeState('putin').byCommunity && renderer.getNodeDisplayData('putin')?.color === communityColor;
      }, byCommunity.putin);
      await page.locator('#legend label', { hasText: 'Type' }).click();
      await page.waitForFunction((typeColor) => {
        const { renderer } = (window as Hooked).__newsgraph;
        return !renderer.getNodeState('putin').byCommunity && renderer.getNodeDisplayData('putin')?.color === typeColor;
      }, byType.putin);
      assert.equal((await colors()).putin, byType.putin);
      await page.waitForFunction(() => !location.hash.includes('color='));
    });
  });

  it('shows edge labels on hover and when zoomed in', async function () {
    await withSharedPage(async (page) => {
      const labels = (): Promise<(string | undefined)[]> =>
        page.evaluate(() => {
          const { renderer } = (window as Hooked).__newsgraph;
          return ['russia|attacked|ukraine', 'trump|met|putin'].map((e) => renderer.getEdgeDisplayData(e)?.labelVisibility);
        });
      assert.deepEqual(await labels(), ['hidden', 'hidden']);
      await page.evaluate(() => (window as Hooked).__newsgraph.renderer.getCamera().setState({ ratio: 0.3 }));
      await page.waitForFunction(() => (window as Hooked).__newsgraph.renderer.getEdgeState('russia|attacked|ukraine').zoomLabel);
      await page.waitForFunction(() => (window as Hooked).__newsgraph.renderer.getEdgeDisplayData('trump|met|putin')?.labelVisibility === 'auto');
      assert.deepEqual(await labels(), ['auto', 'auto']);
      const auto = await page.evaluate(() => {
        const { renderer, graph } = (window as Hooked).__newsgraph;
        return graph.filterEdges((e) => renderer.getEdgeDisplayData(e)?.labelVisibility === 'auto').length;
      });
      assert.equal(auto, 20, 'every edge may show its label (sigma draws those whose two nodes show theirs)');
      await page.evaluate(() => (window as Hooked).__newsgraph.renderer.getCamera().setState({ ratio: 1 }));
      await page.waitForFunction(() => !(window as Hooked).__newsgraph.renderer.getEdgeState('russia|attacked|ukraine').zoomLabel);
      // The display data follows the state on sigma's next refresh: wait for it, not for a fixed time.
      await page.waitForFunction(() => (window as Hooked).__newsgraph.renderer.getEdgeDisplayData('trump|met|putin')?.labelVisibility === 'hidden');
      assert.deepEqual(await labels(), ['hidden', 'hidden']);
    });
  });

  it('narrows dates with the timeline slider, in step with the date fields', async function () {
    await withSharedPage(async (page) => {
      const hidden = (keys: string[]): Promise<boolean[]> =>
        page.evaluate((ks) => ks.map((k) => (window as Hooked).__newsgraph.edgeState(k).isHidden), keys);
      // 2025-03-11 … 2025-03-20, one bar a day.
      assert.equal(await page.locator('.timeline .bar').count(), 10);
      assert.equal(await page.locator('.timeline .bar.in-range').count(), 10);
      await page.locator('input[name=toDay]').focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => (window as Hooked).__newsgraph.edgeState('united-states|aided|ukraine').isHidden);
      assert.equal(await page.locator('input[name=to]').inputValue(), '2025-03-18');
      assert.equal(await page.locator('input[name=from]').inputValue(), '');
      assert.deepEqual(await hidden(['russia|attacked|ukraine', 'trump|urged|putin', 'zelenskyy|urged|nato']), [false, false, true]);
      assert.equal(await page.locator('.timeline .bar.in-range').count(), 8);
      await page.waitForFunction(() => location.hash.includes('to=2025-03-18') && !location.hash.includes('from='));
      // The start handle stops at the end handle.
      await page.locator('input[name=fromDay]').focus();
      await page.keyboard.press('End');
      await page.waitForFunction(() => (window as Hooked).__newsgraph.edgeState('trump|urged|putin').isHidden);
      assert.equal(await page.locator('input[name=from]').inputValue(), '2025-03-18');
      assert.deepEqual(await hidden(['russia|attacked|ukraine', 'peskov|accused|ukraine']), [false, false]);
      // Typing a date moves the handle.
      await page.locator('input[name=from]').fill('2025-03-13');
      await page.waitForFunction(() => (document.querySelector('input[name=fromDay]') as HTMLInputElement).value === String(Date.UTC(2025, 2, 13) / 86400000));
      assert.deepEqual(await hidden(['trump|urged|putin', 'putin|leader_of|russia']), [false, true]);
      await page.locator('button.reset').click();
      await page.waitForFunction(() => !(window as Hooked).__newsgraph.edgeState('united-states|aided|ukraine').isHidden);
      assert.equal(await page.locator('.timeline .bar.in-range').count(), 10);
    });
  });

  it('clears the selection with Esc and focuses the search with /', async function () {
    await withSharedPage(async (page) => {
      await page.evaluate(() => (window as Hooked).__newsgraph.app.selectEdge('russia|attacked|ukraine'));
      await page.waitForFunction(() => location.hash.includes('edge='));
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('#details-body .empty') !== null && !location.hash.includes('edge='));
      assert.equal(await page.evaluate(() => (window as Hooked).__newsgraph.edgeState('russia|attacked|ukraine').isSelected), false);
      await page.keyboard.press('/');
      await page.waitForFunction(() => document.activeElement?.id === 'search');
      assert.equal(await page.locator('#search').inputValue(), '', 'the slash is not typed into the box');
      await page.keyboard.press('Escape');
    });
  });

  it('restores selection, filters and camera from the URL hash', async function () {
    const hash = `#edge=${encodeURIComponent('trump|urged|putin')}&hiderel=met&color=community&cam=0.4,0.6,0.5`;
    await withPage(hash, async (page) => {
      assert.equal(await page.locator('#details-body .details-edge').getAttribute('data-edge'), 'trump|urged|putin');
      assert.deepEqual(await page.locator('#details-body .sentence').allTextContents(), [
        'Trump urged Putin on Tuesday to spare the Ukrainian troops encircled in Kursk.',
        'President Trump again urged Vladimir Putin to accept a 30-day ceasefire.',
      ]);
      assert.deepEqual(await page.locator('#details-body .sentence').nth(1).locator('mark').allTextContents(), [
        'President Trump',
        'urged',
        'Vladimir Putin',
      ]);
      assert.equal(await page.locator('input[name=relation][value=met]').isChecked(), false);
      assert.equal(await page.locator('input[name=colorBy][value=community]').isChecked(), true);
      const s = await page.evaluate(() => {
        const h = (window as Hooked).__newsgraph;
        const c = h.renderer.getCamera().getState();
        return { met: h.edgeState('trump|met|putin').isHidden, x: c.x, y: c.y, ratio: c.ratio, colorBy: h.app.colorBy };
      });
      assert.deepEqual(s, { met: true, x: 0.4, y: 0.6, ratio: 0.5, colorBy: 'community' });
      // A link followed later (hashchange) applies too.
      await page.evaluate(() => {
        location.hash = '#node=russia';
      });
      await page.waitForFunction(() => document.querySelector('#details-body .title')?.textContent === 'Russia');
      assert.equal(await page.locator('input[name=relation][value=met]').isChecked(), true);
    });
  });

  it('shows hostile labels and sentences as text (no markup, no dialog)', async function () {
    await withSharedPage(async (page) => {
      await page.evaluate(() => {
        location.hash = '#node=xss-probe';
      });
      await page.waitForFunction(() => document.querySelector('#details-body .details-node')?.getAttribute('data-node') === 'xss-probe');
      assert.equal(await detailsTitle(page), '<img src=x onerror=alert(1)>');
      assert.deepEqual(await page.locator('#details-body .chip').allTextContents(), ['<script>alert("alias")</script>']);
      assert.equal(await page.locator('#details-body .roles').textContent(), '<b onmouseover=alert(1)>role</b>');
      assert.equal(await page.locator('#details-body img, #details-body script, #details-body b').count(), 0);
      await page.locator('#details-body button.relation').first().click();
      await page.waitForFunction(() => document.querySelector('#details-body .details-edge') !== null);
      const sentence = (await page.locator('#details-body .sentence').textContent()) ?? '';
      assert.equal(sentence, 'A post said <img src=x onerror=alert(1)> supported Zelenskyy <script>alert(1)</script> loudly.');
      assert.deepEqual(await page.locator('#details-body .sentence mark.mark-source').allTextContents(), ['<img src=x onerror=alert(1)>']);
      assert.match((await page.locator('#details-body .doc-title').textContent()) ?? '', /Washington weighs aid <script>alert\(1\)<\/script>/);
      assert.equal(await page.locator('#details-body a').count(), 0, 'a javascript: url is not a link');
      assert.equal(await page.locator('#details-body img, #details-body script').count(), 0);
      // Search shows the label as text too.
      await page.locator('#search').fill('<img');
      await page.locator('#search-results .option .label').first().waitFor();
      assert.equal(await page.locator('#search-results .option .label').first().textContent(), '<img src=x onerror=alert(1)>');
      assert.equal(await page.locator('#search-results img').count(), 0);
      // http(s) document links are links, opened safely.
      await page.evaluate(() => (window as Hooked).__newsgraph.app.selectEdge('trump|urged|putin'));
      const link = page.locator('#details-body a.doc-title').first();
      assert.equal(await link.getAttribute('href'), 'https://example.org/news/trump-urges-putin');
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
    });
  });

  it('works as one standalone offline file, with no network request', async function () {
    const html = renderStandaloneHtml(fs.readFileSync(FIXTURE, 'utf8'), viewerDir);
    const file = path.join(tmp, 'standalone.html');
    fs.writeFileSync(file, html);
    await withPage(
      '#node=putin',
      async (page, requests) => {
        assert.match((await page.locator('#stats').textContent()) ?? '', /5 documents/);
        assert.equal(await detailsTitle(page), 'Vladimir Putin');
        assert.equal(await page.evaluate(() => (window as Hooked).__newsgraph.graph.order), 11);
        // Evidence (with its links) and search work from the one file.
        await page.locator('#details-body button.relation', { hasText: 'Steve Witkoff' }).click();
        await page.waitForFunction(() => document.querySelector('#details-body .sentence')?.textContent === 'Witkoff met Putin in Moscow late on Thursday.');
        await page.locator('#search').fill('zelensk');
        await page.locator('#search-results .option').first().waitFor();
        await page.keyboard.press('Escape');
        assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], 'only the file itself is read');
        assert.deepEqual(requests.filter((u) => u.startsWith('file:')), [`${pathToFileURL(file).href}?test`]);
      },
      pathToFileURL(file).href,
    );
  });

  it('keeps a <script> in an entity name and a sentence inert in the standalone file', async function () {
    const graph = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: { key: string; attributes: Record<string, unknown> }[] };
    const probe = graph.nodes.find((n) => n.key === 'xss-probe');
    assert.ok(probe);
    probe.attributes['label'] = '<script>alert("name")</script><img src=x onerror=alert(2)>';
    const file = path.join(tmp, 'hostile.html');
    fs.writeFileSync(file, renderStandaloneHtml(JSON.stringify(graph), viewerDir));
    await withPage(
      `#edge=${encodeURIComponent('xss-probe|supported|zelenskyy')}`,
      async (page) => {
        assert.equal(await page.locator('#details-body .node-link.source').textContent(), '<script>alert("name")</script><img src=x onerror=alert(2)>');
        assert.equal(
          await page.locator('#details-body .sentence').textContent(),
          'A post said <img src=x onerror=alert(1)> supported Zelenskyy <script>alert(1)</script> loudly.',
        );
        await page.locator('#details-body .node-link.source').click();
        await page.waitForFunction(() => document.querySelector('#details-body .title')?.textContent?.startsWith('<script>') === true);
        await page.locator('#search').fill('<script');
        await page.locator('#search-results .option .label').first().waitFor();
        assert.equal(await page.locator('#search-results .option .label').first().textContent(), '<script>alert("name")</script><img src=x onerror=alert(2)>');
        // Only the page's own two script elements (data and app), and no image anywhere.
        assert.equal(await page.locator('script').count(), 2);
        assert.equal(await page.locator('body img').count(), 0);
        assert.equal(await page.title(), 'newsgraph');
      },
      pathToFileURL(file).href,
    );
  });
});
