// The camera state that shows a set of nodes whole, with room for their labels: the view a focus,
// an edge, a path or the first view of a big graph opens on.
import type { CameraState } from 'sigma/types';
import type { ViewerGraph } from './data';
import type { Renderer } from './renderer';

/** Room kept around the framed nodes, in pixels: labels go to the right of their node. */
export const FRAME_MARGIN = { left: 30, right: 110, top: 30, bottom: 30 };
/** Closest the camera goes for one node or two close ones. */
export const MIN_FRAME_RATIO = 0.08;

/**
 * Positions are the nodes' in the graph, normalised as sigma does (its box is the whole layout's:
 * renderer.ts), so that nodes sigma is about to be given (display.ts) are framed too.
 */
export function frameState(renderer: Renderer, graph: ViewerGraph, nodes: Iterable<string>): CameraState | null {
  const points: { x: number; y: number }[] = [];
  for (const n of nodes) {
    if (!graph.hasNode(n)) continue;
    const a = graph.getNodeAttributes(n);
    points.push(renderer.graphToFramedGraph({ x: a.x, y: a.y }));
  }
  if (points.length === 0) return null;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const angle = renderer.getCamera().getState().angle;
  const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  const { width, height } = renderer.getDimensions();
  // Viewport offsets from the centre at ratio 1 scale as 1/ratio: the ratio that fits the nodes'
  // box into the window less its margins.
  const base = { ...centre, ratio: 1, angle };
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const p of points) {
    const v = renderer.framedGraphToViewport(p, { cameraState: base });
    left = Math.min(left, v.x);
    right = Math.max(right, v.x);
    top = Math.min(top, v.y);
    bottom = Math.max(bottom, v.y);
  }
  const roomX = Math.max(1, width - FRAME_MARGIN.left - FRAME_MARGIN.right);
  const roomY = Math.max(1, height - FRAME_MARGIN.top - FRAME_MARGIN.bottom);
  const ratio = Math.max(MIN_FRAME_RATIO, (right - left) / roomX, (bottom - top) / roomY);
  // The margins are uneven (labels go right): move the camera so that the box sits in the middle
  // of the room, not of the window.
  const state = { ...centre, ratio, angle };
  const middle = renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 }, { cameraState: state });
  const room = renderer.viewportToFramedGraph({ x: FRAME_MARGIN.left + roomX / 2, y: FRAME_MARGIN.top + roomY / 2 }, { cameraState: state });
  return { x: centre.x + middle.x - room.x, y: centre.y + middle.y - room.y, ratio, angle };
}
