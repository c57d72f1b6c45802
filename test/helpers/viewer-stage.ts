// What the viewer's browser tests stand on: a temp directory holding out/graph.json, the viewer
// bundled from the current sources (beside dist/, so as not to race a build), a loopback server on
// them and Debian's chromium.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/serve/index';
import { CHROMIUM } from './page-watch';

const ROOT = path.resolve(__dirname, '../..');

export interface ViewerStage {
  readonly tmp: string;
  readonly viewerDir: string;
  readonly dataDir: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Closes the browser and the server and removes the directory. */
  close(): Promise<void>;
}

/** `writeGraph` puts the graph at the path it is given (DIR/out/graph.json). */
export async function stageViewer(prefix: string, writeGraph: (file: string) => void): Promise<ViewerStage> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const viewerDir = path.join(tmp, 'viewer');
  const dataDir = path.join(tmp, 'out');
  fs.mkdirSync(dataDir);
  writeGraph(path.join(dataDir, 'graph.json'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-viewer.mjs'), '--outdir', viewerDir], { stdio: 'pipe' });
  const server = await startServer({ dir: dataDir, viewerDir, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  return {
    tmp, viewerDir, dataDir, server, browser,
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
