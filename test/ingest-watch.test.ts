// `watch` with a feed among its inputs: the first build reads every item; afterwards the feed is
// polled (one 304 while it is unchanged) and an item that appears is added as --update would.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { watch, type WatchUpdate } from '../src/watch';
import { startNewsServer, type NewsServer } from './helpers/news-server';
import { removeTmpDirs, tmpDir } from './reliability/helpers';

const FEEDS = path.join(__dirname, 'fixtures', 'feeds');

describe('watch: feeds are polled', function () {
  this.timeout(120_000);
  let server: NewsServer;
  before(async () => {
    server = await startNewsServer();
  });
  after(async () => {
    await server.close();
    removeTmpDirs();
  });

  it('a new item in the feed is fetched and added; an unchanged feed is one 304', async () => {
    const dir = tmpDir('watch-feed');
    const out = path.join(dir, 'out');
    fs.mkdirSync(out); // as the CLI makes it
    const rss = fs.readFileSync(path.join(FEEDS, 'rss.xml'), 'utf8').split('{{BASE}}').join(server.base);
    // The feed starts with its first item only; the second appears later.
    const [head, rest] = [rss.slice(0, rss.indexOf('<item>', rss.indexOf('</item>'))), rss.slice(rss.indexOf('</channel>'))];
    let version = 1;
    let feed = `${head}${rest}`;
    server.routes.set('/watched.rss', () => [200, { 'content-type': 'application/rss+xml', etag: `"v${version}"` }, feed]);
    const updates: WatchUpdate[] = [];
    const warnings: string[] = [];
    const stop = new AbortController();
    let polledUnchanged = false;
    const done = watch([`${server.base}/watched.rss`], { out, jobs: 1, ingest: { fetch: { allowPrivate: true, hostDelayMs: 0, cacheDir: path.join(dir, 'cache') } } }, { interval: 50, feedInterval: 100 }, {
      onWarning: (w) => warnings.push(`${w.file}: ${w.reason}`),
      onFailure: (e) => warnings.push(String(e)),
      onUpdate: (u) => {
        updates.push(u);
        if (updates.length === 2) stop.abort();
      },
    }, stop.signal);
    // Once the first build is in and the unchanged feed has been asked again (a 304), the item appears.
    for (let i = 0; i < 400 && !stop.signal.aborted; i++) {
      await new Promise((r) => setTimeout(r, 50));
      if (!polledUnchanged && updates.length === 1 && server.log.some((r) => r.path === '/watched.rss' && r.status === 304)) {
        polledUnchanged = true;
        version = 2;
        feed = rss;
      }
    }
    stop.abort();
    await done;
    assert.ok(polledUnchanged, 'the unchanged feed was answered 304');
    assert.equal(updates.length, 2, warnings.join('\n'));
    assert.equal(updates[0]?.summary.documents, 1);
    assert.deepEqual(updates[1]?.files, [`${server.base}/articles/port.html`, `${server.base}/private/memo.html`]);
    assert.equal(updates[1]?.summary.documents, 2);
    assert.deepEqual(warnings, [`${server.base}/private/memo.html: forbidden by robots.txt of ${server.base.slice(7)}, skipped`]);
    const graph = JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as { attributes: { sources: Array<{ id: string }> } };
    assert.deepEqual(graph.attributes.sources.map((s) => s.id).sort(), [`${server.base}/articles/port.html`, `${server.base}/articles/river.html`]);
  });
});
