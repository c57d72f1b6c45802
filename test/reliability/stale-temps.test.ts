// A build killed with SIGKILL leaves its temp file behind; the next write of the same target
// removes temp files of processes that no longer run, and nothing else.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../src/export/atomic';
import { tmpDir } from './helpers';

describe('writeFileAtomic: stale temp files of killed processes', () => {
  it('removes the dead process\'s temp file of the same target, keeps everything else', async () => {
    const dir = tmpDir('stale');
    const dead = spawnSync(process.execPath, ['-e', '']).pid; // has exited: its pid runs nothing now
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      assert.ok(dead !== undefined && live.pid !== undefined);
      const files = {
        deadTemp: `.graph.json.${dead}.0123456789ab.tmp`,
        liveTemp: `.graph.json.${live.pid}.0123456789ab.tmp`,
        otherTarget: `.graph.gexf.${dead}.0123456789ab.tmp`,
        notOurs: '.graph.json.notes.tmp',
        similarName: `.graph.json.bak.${dead}.0123456789ab.tmp`,
      };
      for (const name of Object.values(files)) fs.writeFileSync(path.join(dir, name), 'partial');
      await writeFileAtomic(path.join(dir, 'graph.json'), '{}');
      const left = fs.readdirSync(dir).sort();
      assert.deepEqual(left, [files.liveTemp, files.notOurs, files.otherTarget, files.similarName, 'graph.json'].sort());
    } finally {
      live.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
