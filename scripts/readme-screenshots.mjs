#!/usr/bin/env node
// The README's viewer screenshots, on the BBC corpus's graph:
//
//   ./bin/newsgraph build ../shared/bench/bbc-news/bbc_news_2225.jsonl --out /tmp/bbc-out
//   node scripts/readme-screenshots.mjs [/tmp/bbc-out] [--actor tony-blair]
//
// Writes docs/viewer-first-view.png (the first view), docs/viewer-focus.png (an actor selected,
// its neighbours framed) and docs/viewer-review.png (the review queue open), at 1400×900. The
// viewer is built from the current sources into a temporary directory and served with --edit
// semantics (a throwaway curation file), so the header shows the curation controls. Needs chromium
// (CHROMIUM=/path overrides) and a compiled dist/ (`npm run build`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);
const actorIndex = args.indexOf('--actor');
const actor = actorIndex >= 0 ? args[actorIndex + 1] : 'tony-blair';
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--actor') ?? '/tmp/bbc-out');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
for (const [file, hint] of [
  [path.join(dir, 'graph.json'), 'build the BBC graph first (see the top of this script)'],
  [path.join(root, 'dist/src/serve/index.js'), 'run `npm run build` first'],
  [executablePath, 'apt-get install chromium, or set CHROMIUM'],
]) {
  if (!existsSync(file)) {
    process.stderr.write(`readme-screenshots: ${file} not found (${hint})\n`);
    process.exit(2);
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-shots-'));
const viewerDir = path.join(tmp, 'viewer');
execFileSync(process.execPath, [path.join(root, 'scripts/build-viewer.mjs'), '--outdir', viewerDir], { stdio: 'pipe' });
const { startServer } = require(path.join(root, 'dist/src/serve/index.js'));
const { chromium } = require('playwright-core');
const server = await startServer({ dir, viewerDir, port: 0, edit: { file: path.join(tmp, 'curation.json') } });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  const settle = async () => {
    await page.waitForFunction(() => !window.__newsgraph.isAnimating(), undefined, { timeout: 60000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(300);
  };
  // ?test exposes the hook used to wait for the camera; it changes nothing on screen.
  await page.goto(`${server.editUrl}&test`);
  await page.waitForFunction(() => document.body.dataset['ready'] === 'true', undefined, { timeout: 120000 });
  await settle();
  const shot = async (name) => {
    const file = path.join(root, 'docs', name);
    await page.screenshot({ path: file });
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  };
  await shot('viewer-first-view.png');
  const found = await page.evaluate((a) => window.__newsgraph.graph.hasNode(a), actor);
  if (!found) throw new Error(`no actor ${actor} in ${dir} (--actor KEY)`);
  await page.evaluate((a) => window.__newsgraph.app.selectNode(a, { center: true }), actor);
  await settle();
  await shot('viewer-focus.png');
  await page.evaluate(() => {
    window.__newsgraph.app.clearSelection();
    window.__newsgraph.app.frameVisible(false);
  });
  await page.locator('button[name=review]').click();
  await page.locator('.review-list li').first().waitFor();
  await settle();
  await shot('viewer-review.png');
  if (problems.length > 0) throw new Error(`the page reported errors: ${problems.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
}
