// No two connected nodes overlap at the viewer's first view (src/layout/noverlap.ts).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { layoutGraph } from '../../src/layout';
import { PIXEL_GAP, VIEW_PIXELS, pixelRadius, separateDiscs } from '../../src/layout/noverlap';
import { makeGraph, type EdgeSpec, type NodeSpec } from '../helpers/graph-fixture';

function overlaps(px: ArrayLike<number>, py: ArrayLike<number>, r: ArrayLike<number>, gap: number): number {
  let n = 0;
  for (let i = 0; i < px.length; i++) {
    for (let j = i + 1; j < px.length; j++) {
      const d = Math.hypot((px[i] as number) - (px[j] as number), (py[i] as number) - (py[j] as number));
      if (d < (r[i] as number) + (r[j] as number) + gap - 1e-6) n++;
    }
  }
  return n;
}

describe('layout: overlap removal', () => {
  it('separates any set of discs, coincident ones included (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 4, max: 14 })), { minLength: 2, maxLength: 60 }), (discs) => {
        const px = Float64Array.from(discs, (d) => d[0]);
        const py = Float64Array.from(discs, (d) => d[1]);
        const r = Float64Array.from(discs, (d) => d[2]);
        const sweeps = separateDiscs(px, py, r, PIXEL_GAP, 2000);
        assert.ok(sweeps < 2000, 'settles');
        assert.equal(overlaps(px, py, r, PIXEL_GAP), 0);
      }),
      { numRuns: 60, seed: 18 },
    );
  });

  it('is deterministic', () => {
    const run = (): number[] => {
      const px = Float64Array.from([0, 0, 1, 2, 2]);
      const py = Float64Array.from([0, 0, 1, 0, 0]);
      const r = Float64Array.from([5, 6, 7, 8, 9]);
      separateDiscs(px, py, r, PIXEL_GAP);
      return [...px, ...py];
    };
    assert.deepEqual(run(), run());
  });

  it('pixelRadius maps the size range onto the viewer radii, square-root scale', () => {
    const table: [number, number][] = [[4, 4], [24, 14], [9, 9]];
    for (const [size, px] of table) assert.equal(pixelRadius(size, 4, 24), px);
  });

  it('a laid-out star with a crowded centre has no overlapping discs at the first view', () => {
    // A hub with 80 leaves and ten pairs: ForceAtlas2 puts the leaves on top of each other.
    const nodes: NodeSpec[] = [{ key: 'hub' }];
    const edges: EdgeSpec[] = [];
    for (let i = 0; i < 80; i++) {
      nodes.push({ key: `leaf${String(i).padStart(2, '0')}` });
      edges.push({ source: 'hub', target: `leaf${String(i).padStart(2, '0')}` });
    }
    for (let i = 0; i < 10; i++) {
      nodes.push({ key: `p${i}a` }, { key: `p${i}b` });
      edges.push({ source: `p${i}a`, target: `p${i}b` });
    }
    const graph = makeGraph({ nodes, edges }, { laidOut: false });
    layoutGraph(graph);
    const pts = graph.mapNodes((_n, a) => a);
    const xs = pts.map((a) => a.x);
    const ys = pts.map((a) => a.y);
    const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const sizes = pts.map((a) => a.size);
    const scale = VIEW_PIXELS / extent;
    const r = sizes.map((s) => pixelRadius(s, Math.min(...sizes), Math.max(...sizes)));
    assert.equal(overlaps(xs.map((x) => x * scale), ys.map((y) => y * scale), r, 0), 0);
  });
});
