// Finding 7 (serve): the server hands out only what the viewer needs. The store holds every full
// text and every input path, so it is never a file to download (the API answers from it); the
// viewer's source map is only for `--dev`.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { startServer, type RunningServer } from '../../src/serve/index';
import { removeTmpDirs, tmpDir } from './helpers';

function status(base: string, rawPath: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve: no store file, no source map unless --dev', () => {
  let viewerDir: string;
  let dataDir: string;
  const servers: RunningServer[] = [];

  before(() => {
    const root = tmpDir('serve-files');
    viewerDir = path.join(root, 'viewer');
    dataDir = path.join(root, 'out');
    fs.mkdirSync(viewerDir);
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(viewerDir, 'index.html'), '<!doctype html><title>v</title>');
    fs.writeFileSync(path.join(viewerDir, 'app.js'), '//# sourceMappingURL=app.js.map');
    fs.writeFileSync(path.join(viewerDir, 'app.js.map'), '{"version":3}');
    fs.writeFileSync(path.join(dataDir, 'graph.json'), '{"nodes":[],"edges":[]}');
    for (const name of ['newsgraph.db', 'newsgraph.db-journal', 'newsgraph.db-wal', 'copy.sqlite']) fs.writeFileSync(path.join(dataDir, name), 'secret text');
  });
  after(async () => {
    for (const s of servers) await s.close();
    removeTmpDirs();
  });

  const table: Array<[string, number, number]> = [
    // path, status without --dev, status with --dev
    ['/graph.json', 200, 200],
    ['/app.js', 200, 200],
    ['/app.js.map', 404, 200],
    ['/newsgraph.db', 404, 404],
    ['/NEWSGRAPH.DB', 404, 404],
    ['/newsgraph.db-journal', 404, 404],
    ['/newsgraph.db-wal', 404, 404],
    ['/copy.sqlite', 404, 404],
  ];
  for (const dev of [false, true]) {
    it(`${dev ? 'with' : 'without'} --dev`, async () => {
      const server = await startServer({ dir: dataDir, viewerDir, port: 0, dev });
      servers.push(server);
      for (const [p, plain, withDev] of table) assert.equal(await status(server.url, p), dev ? withDev : plain, p);
    });
  }
});
