#!/usr/bin/env node
// Screenshot of the viewer: node scripts/screenshot.mjs GRAPH_DIR OUT.png
// Serves GRAPH_DIR (with graph.json) and the built viewer, opens it in headless chromium at
// 1400×900, selects the most connected node and saves a PNG. Needs `npm run build` first and
// chromium (Debian package `chromium`; another binary with CHROMIUM=/path/to/chrome).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const [graphDir, outFile] = process.argv.slice(2);
if (!graphDir || !outFile) {
  process.stderr.write('usage: node scripts/screenshot.mjs GRAPH_DIR OUT.png\n');
  process.exit(2);
}
const serveModule = path.join(root, 'dist/src/serve/index.js');
const viewerDir = path.join(root, 'dist/viewer');
if (!existsSync(serveModule) || !existsSync(path.join(viewerDir, 'app.js'))) {
  process.stderr.write('screenshot: run `npm run build` first (dist/src/serve and dist/viewer are missing)\n');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  process.stderr.write(`screenshot: ${executablePath} not found (apt-get install chromium, or set CHROMIUM)\n`);
  process.exit(2);
}

const { startServer } = require(serveModule);
const { chromium } = require('playwright-core');

const server = await startServer({ dir: graphDir, viewerDir, port: 0 });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${server.url}?test`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && window.__newsgraph !== undefined, null, {
    timeout: 30000,
  });
  const node = await page.evaluate(() => {
    const { graph, app } = window.__newsgraph;
    let best = null;
    let bestDegree = -1;
    graph.forEachNode((n) => {
      const d = graph.degree(n);
      if (d > bestDegree) [best, bestDegree] = [n, d];
    });
    if (best !== null) app.selectNode(best, { highlight: true });
    return best;
  });
  // Let the state refresh reach the screen: two animation frames.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: outFile });
  process.stdout.write(`screenshot: ${outFile} (selected ${node})\n`);
  if (problems.length > 0) {
    process.stderr.write(`screenshot: the page reported errors:\n  ${problems.join('\n  ')}\n`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  await server.close();
}
