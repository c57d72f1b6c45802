// No two connected nodes drawn over each other. ForceAtlas2 leaves hubs' neighbours and the nodes
// of small components on top of each other (Tony Blair over Charles Kennedy); this pass pushes
// apart any two whose discs, as the viewer draws them, would meet.
//
// graphology-layout-noverlap was tried first: on the BBC graph it stalls with hundreds of pairs
// still overlapping after 3,000 iterations (it moves one node of a pair by a fixed step, and
// crowded spots oscillate). Here each overlapping pair moves apart by half the overlap each, along
// the line between them, node by node in index order (Gauss–Seidel), with a grid of cells one disc
// wide so that only near pairs are compared; a few dozen sweeps settle a news graph.
//
// The viewer draws nodes at a fixed pixel radius (4–14 px by size, whatever the zoom) and opens on
// the connected part framed to its window: at that view at least VIEW_PIXELS pixels span the
// connected layout, so positions are scaled so that its extent is VIEW_PIXELS, separated in
// pixels, and scaled back. As the extent grows when nodes move apart, the pass runs again on the
// new extent (a few rounds). Deterministic: no randomness, a fixed order, coincident nodes leave
// on an angle set by their index.

/** Pixels the connected layout spans at least in the viewer's first view (a 1400×900 window, less the panels). */
export const VIEW_PIXELS = 500;
/** The viewer's node radii (viewer/src/renderer.ts nodeSize), for the smallest and largest size attribute. */
export const PIXEL_RADIUS = { min: 4, max: 14 } as const;
/** Pixels kept between two discs: a hovered or selected node grows by 15%. */
export const PIXEL_GAP = 4;
/** Rounds and sweeps per round; a graph past LARGE nodes (which no window shows whole anyway) gets fewer. */
const ROUNDS = 6;
const MAX_SWEEPS = 200;
const LARGE = 5000;
const LARGE_ROUNDS = 2;
const LARGE_SWEEPS = 30;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The viewer's pixel radius of a size attribute, given the graph's smallest and largest sizes. */
export function pixelRadius(size: number, minSize: number, maxSize: number): number {
  if (maxSize <= minSize) return (PIXEL_RADIUS.min + PIXEL_RADIUS.max) / 2;
  const t = Math.max(0, Math.min(1, (size - minSize) / (maxSize - minSize)));
  return PIXEL_RADIUS.min + (PIXEL_RADIUS.max - PIXEL_RADIUS.min) * Math.sqrt(t);
}

function extentOf(nodes: readonly number[], x: Float64Array, y: Float64Array): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const i of nodes) {
    const px = x[i] as number;
    const py = y[i] as number;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  return nodes.length === 0 ? 0 : Math.max(maxX - minX, maxY - minY);
}

/**
 * Separates discs (px, py, radius r, all in pixels) so that no two are closer than r1 + r2 + gap.
 * Returns the number of sweeps it took (MAX_SWEEPS when it did not settle).
 */
export function separateDiscs(px: Float64Array, py: Float64Array, r: Float64Array, gap: number, maxSweeps = MAX_SWEEPS): number {
  const n = px.length;
  let maxR = 0;
  for (let i = 0; i < n; i++) maxR = Math.max(maxR, r[i] as number);
  const cell = 2 * maxR + gap;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    const grid = new Map<number, number[]>();
    const cellOf = (v: number): number => Math.floor(v / cell);
    const keyOf = (cx: number, cy: number): number => cx * 1048576 + cy;
    for (let i = 0; i < n; i++) {
      const k = keyOf(cellOf(px[i] as number), cellOf(py[i] as number));
      const list = grid.get(k);
      if (list) list.push(i);
      else grid.set(k, [i]);
    }
    let moved = false;
    for (let i = 0; i < n; i++) {
      const cx = cellOf(px[i] as number);
      const cy = cellOf(py[i] as number);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const j of grid.get(keyOf(cx + dx, cy + dy)) ?? []) {
            if (j <= i) continue;
            const need = (r[i] as number) + (r[j] as number) + gap;
            let ux = (px[j] as number) - (px[i] as number);
            let uy = (py[j] as number) - (py[i] as number);
            const d = Math.hypot(ux, uy);
            if (d >= need) continue;
            if (d === 0) {
              ux = Math.cos(j * GOLDEN_ANGLE);
              uy = Math.sin(j * GOLDEN_ANGLE);
            } else {
              ux /= d;
              uy /= d;
            }
            // A hair more than half the overlap each, so that a pair settles in one step.
            const push = (need - d) / 2 + 0.01;
            px[i] = (px[i] as number) - ux * push;
            py[i] = (py[i] as number) - uy * push;
            px[j] = (px[j] as number) + ux * push;
            py[j] = (py[j] as number) + uy * push;
            moved = true;
          }
        }
      }
    }
    if (!moved) return sweep;
  }
  return maxSweeps;
}

/**
 * Moves `nodes` (indices into x, y) apart until no two discs of `radius(i)` pixels meet at the
 * viewer's first view. Positions are changed in place.
 */
export function removeOverlaps(nodes: readonly number[], x: Float64Array, y: Float64Array, radius: (i: number) => number): void {
  if (nodes.length < 2) return;
  const r = Float64Array.from(nodes, (i) => radius(i));
  let extent = extentOf(nodes, x, y);
  if (extent <= 0) extent = 1;
  const large = nodes.length > LARGE;
  for (let round = 0; round < (large ? LARGE_ROUNDS : ROUNDS); round++) {
    const unitsPerPixel = extent / VIEW_PIXELS;
    const px = Float64Array.from(nodes, (i) => (x[i] as number) / unitsPerPixel);
    const py = Float64Array.from(nodes, (i) => (y[i] as number) / unitsPerPixel);
    separateDiscs(px, py, r, PIXEL_GAP, large ? LARGE_SWEEPS : MAX_SWEEPS);
    nodes.forEach((i, k) => {
      x[i] = (px[k] as number) * unitsPerPixel;
      y[i] = (py[k] as number) * unitsPerPixel;
    });
    const next = extentOf(nodes, x, y);
    // The extent barely grew: at the view the viewer opens on, every disc stays apart.
    if (next <= extent * 1.01) return;
    extent = next;
  }
}
