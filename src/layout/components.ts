// ForceAtlas2 one connected component at a time. A component's layout depends only on its own
// content (node keys, edges and their weights) and the layout options, never on the rest of the
// graph, so it can be kept in a content-addressed cache: a rebuild or an update lays out again only
// the components that changed, and a cached layout is the very numbers a cold computation gives.
// The components are then packed around the largest one, in an order that depends on them alone.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AbstractGraph } from 'graphology-types';
import { edgeWeight } from './communities';
import { iterationsFor, type LayoutOptions } from './options';
import { hashString, roundTo } from './random';

/** The view of the graph the layout reads. */
export type ComponentSource = AbstractGraph<object, { count?: unknown }>;

/** A connected component of two or more nodes, in a canonical form. */
export interface Component {
  /** Node keys in code-unit order. */
  readonly nodes: readonly string[];
  /** Every edge between them as [source index, target index, weight], sorted: the graph's insertion order does not matter. */
  readonly edges: readonly (readonly [number, number, number])[];
}

/** Where laid-out components are kept between builds, by content key (the store's `layouts` table). */
export interface LayoutCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** A component's positions, relative to its centroid and rounded: [x0, y0, x1, y1, …] in node order. */
export type Positions = readonly number[];

const UINT32 = 4294967296;

/** Initial position of a node: a point in a square of side ~√order, from hashes of its key. */
export function seedPosition(key: string, order: number, seed: number): { x: number; y: number } {
  const spread = 10 * Math.sqrt(Math.max(1, order));
  return {
    x: (hashString(key, seed) / UINT32 - 0.5) * spread,
    y: (hashString(key, seed ^ 0x5bd1e995) / UINT32 - 0.5) * spread,
  };
}

/**
 * The graph in index form, for one pass over it: node i is the i-th node of the graph's iteration
 * order, the order of forEachNode and of updateEachNodeAttributes, so results kept by index are
 * written back without a lookup by key.
 */
export interface GraphScan {
  /** Node keys in iteration order. */
  readonly keys: readonly string[];
  /** Each node's degree (graph.degree: a self-loop counts twice). */
  readonly degree: Int32Array;
  /** The nodes with edges, in iteration order. */
  readonly linked: readonly number[];
  /** The nodes without edges, in key order. */
  readonly lonely: readonly number[];
  /** As findComponents. */
  readonly components: readonly Component[];
  /** Per component, the index of each of its nodes, in the component's node order. */
  readonly members: readonly (readonly number[])[];
  /** The nodes without a neighbour (lonely ones and those with only self-loops), in key order. */
  readonly isolated: readonly number[];
}

/**
 * The connected components of two or more nodes, largest first (ties: smallest first key), and
 * the nodes without a neighbour, in key order. A node whose only edges are self-loops counts as
 * isolated: it has nothing to be placed near.
 */
export function findComponents(graph: ComponentSource): { components: Component[]; isolated: string[] } {
  const { keys, components, isolated } = scanGraph(graph);
  return { components: [...components], isolated: isolated.map((i) => keys[i] as string) };
}

/**
 * findComponents, and what the layout needs besides, by node index. Most nodes of a news archive
 * have no edge: they are visited once, and sorted only if the graph does not list them in key
 * order already (the graph stage adds nodes in key order).
 */
export function scanGraph(graph: ComponentSource): GraphScan {
  const keys: string[] = [];
  const degree = new Int32Array(graph.order);
  const linked: number[] = [];
  const lonely: number[] = [];
  const indexOf = new Map<string, number>();
  graph.forEachNode((node) => {
    const i = keys.length;
    const d = graph.degree(node);
    keys.push(node);
    degree[i] = d;
    if (d === 0) {
      lonely.push(i);
    } else {
      linked.push(i);
      indexOf.set(node, i);
    }
  });
  const byKey = (a: number, b: number): number => compareKeys(keys[a] as string, keys[b] as string);
  if (!inOrder(keys, lonely)) lonely.sort(byKey);
  // Union–find over the edges: the components come out in canonical form, so how they are found
  // does not matter.
  const parent = new Int32Array(keys.length);
  for (const i of linked) parent[i] = i;
  const root = (i: number): number => {
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number;
      parent[i] = up;
      i = up;
    }
    return i;
  };
  const ends: number[] = [];
  const weights: number[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    const s = indexOf.get(source) as number;
    const t = indexOf.get(target) as number;
    ends.push(s, t);
    weights.push(edgeWeight(attributes));
    const a = root(s);
    const b = root(t);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  });
  const groups = new Map<number, number[]>();
  for (const i of linked) {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  }
  const local = new Int32Array(keys.length);
  const found: { nodes: number[]; edges: [number, number, number][] }[] = [];
  const foundOf = new Map<number, number>();
  const selfLooped: number[] = [];
  for (const [r, nodes] of groups) {
    if (nodes.length < 2) {
      selfLooped.push(...nodes);
      continue;
    }
    nodes.sort(byKey).forEach((node, i) => (local[node] = i));
    foundOf.set(r, found.length);
    found.push({ nodes, edges: [] });
  }
  for (let e = 0; e < weights.length; e++) {
    const s = ends[2 * e] as number;
    const t = ends[2 * e + 1] as number;
    found[foundOf.get(root(s)) ?? -1]?.edges.push([local[s] as number, local[t] as number, weights[e] as number]);
  }
  for (const { edges } of found) edges.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  found.sort((a, b) => b.nodes.length - a.nodes.length || byKey(a.nodes[0] as number, b.nodes[0] as number));
  return {
    keys,
    degree,
    linked,
    lonely,
    components: found.map(({ nodes, edges }) => ({ nodes: nodes.map((i) => keys[i] as string), edges })),
    members: found.map(({ nodes }) => nodes),
    isolated: selfLooped.length > 0 ? [...lonely, ...selfLooped].sort(byKey) : lonely,
  };
}

/** Whether these nodes are in key order. */
function inOrder(keys: readonly string[], nodes: readonly number[]): boolean {
  for (let k = 1; k < nodes.length; k++) if ((keys[nodes[k - 1] as number] as string) >= (keys[nodes[k] as number] as string)) return false;
  return true;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A component split for ForceAtlas2: its leaves (nodes whose only neighbour is a node with
 * others) are left out and placed around that neighbour afterwards. In a news graph most nodes of
 * the large components are such leaves (508 of the BBC graph's 696-node component), and
 * ForceAtlas2 costs the square of the nodes it moves.
 */
interface Split {
  /** Indices of the nodes ForceAtlas2 lays out, in node order. */
  readonly core: readonly number[];
  /** Per node: the index of the node it hangs from if it is a leaf, else -1. */
  readonly hub: readonly number[];
  /** Per node: the total weight of its edges to each neighbour. */
  readonly neighbours: readonly ReadonlyMap<number, number>[];
  /** Per node: ForceAtlas2's mass in the whole component (1 + weighted degree). */
  readonly mass: readonly number[];
  readonly iterations: number;
  readonly barnesHut: number | false;
}

function split(component: Component, options: LayoutOptions): Split {
  const neighbours = component.nodes.map(() => new Map<number, number>());
  const mass = component.nodes.map(() => 1);
  for (const [s, t, weight] of component.edges) {
    mass[s] = (mass[s] as number) + weight;
    mass[t] = (mass[t] as number) + weight;
    if (s === t) continue;
    neighbours[s]?.set(t, (neighbours[s]?.get(t) ?? 0) + weight);
    neighbours[t]?.set(s, (neighbours[t]?.get(s) ?? 0) + weight);
  }
  const hub = neighbours.map((near) => {
    if (near.size !== 1) return -1;
    const [only] = near.keys();
    return only !== undefined && (neighbours[only]?.size ?? 0) > 1 ? only : -1;
  });
  const core = hub.flatMap((h, i) => (h === -1 ? [i] : []));
  return {
    core, hub, neighbours, mass,
    iterations: iterationsFor(core.length, options),
    barnesHut: core.length > options.barnesHutThreshold ? options.barnesHutTheta : false,
  };
}

/** Content key of a component's layout: its nodes, edges and weights, the options it uses and the layout code. */
export function componentKey(component: Component, options: LayoutOptions): string {
  const { iterations, barnesHut } = split(component, options);
  return createHash('sha256')
    .update(JSON.stringify([layoutCodeHash(), iterations, barnesHut, options.seed, options.precision, component.nodes, component.edges]))
    .digest('hex');
}

/** Leaves sit this far from their hub, relative to where ForceAtlas2's forces on a leaf balance. */
const LEAF_DISTANCE = 1.5;
/** The arc a hub's leaves spread over, per leaf, up to the full circle. */
const LEAF_ARC = Math.PI / 4;

/**
 * ForceAtlas2 on one component alone, from seeded positions, then its leaves around their hubs;
 * centred on the component's centroid and rounded.
 */
export function layoutComponent(component: Component, options: LayoutOptions): Positions {
  const parts = split(component, options);
  const { core, hub, neighbours, mass } = parts;
  const nodes = component.nodes;
  const settings = forceAtlas2.inferSettings(core.length);
  const forces = new MultiDirectedGraph<{ x: number; y: number }, { weight: number }>();
  const seeds = core.map((i) => seedPosition(nodes[i] as string, core.length, options.seed));
  core.forEach((i, k) => forces.addNode(nodes[i] as string, { ...(seeds[k] as { x: number; y: number }) }));
  component.edges.forEach(([s, t, weight], e) => {
    if (hub[s] === -1 && hub[t] === -1) forces.addDirectedEdgeWithKey(String(e), nodes[s] as string, nodes[t] as string, { weight });
  });
  // A hub keeps the mass of its leaves and of their edges, so that it keeps room for them as if
  // they were there. ForceAtlas2 takes a node's mass from its edges; a self-loop adds twice its
  // weight to it and pulls nothing (its ends never part).
  const leafMass = nodes.map(() => 0);
  hub.forEach((h, i) => {
    if (h !== -1) leafMass[h] = (leafMass[h] as number) + 1 + 2 * ((neighbours[i]?.get(h)) ?? 0);
  });
  leafMass.forEach((extra, i) => {
    if (extra > 0) forces.addDirectedEdgeWithKey(`mass ${i}`, nodes[i] as string, nodes[i] as string, { weight: extra / 2 });
  });
  if (core.length >= 2) {
    forceAtlas2.assign(forces, {
      iterations: parts.iterations,
      getEdgeWeight: 'weight',
      settings: { ...settings, barnesHutOptimize: parts.barnesHut !== false, barnesHutTheta: parts.barnesHut === false ? options.barnesHutTheta : parts.barnesHut },
    });
  }
  const x = nodes.map(() => 0);
  const y = nodes.map(() => 0);
  core.forEach((i, k) => {
    const at = forces.getNodeAttributes(nodes[i] as string);
    const seed = seeds[k] as { x: number; y: number };
    const finite = Number.isFinite(at.x) && Number.isFinite(at.y);
    x[i] = finite ? at.x : seed.x;
    y[i] = finite ? at.y : seed.y;
  });
  placeLeaves(parts, settings.scalingRatio ?? 1, x, y);
  const cx = x.reduce((sum, v) => sum + v, 0) / nodes.length;
  const cy = y.reduce((sum, v) => sum + v, 0) / nodes.length;
  return nodes.flatMap((_node, i) => [roundTo((x[i] as number) - cx, options.precision), roundTo((y[i] as number) - cy, options.precision)]);
}

/**
 * Each hub's leaves, in node order, on an arc facing away from the hub's other neighbours (the
 * full circle from 8 leaves on, or when the hub has no other neighbour), at the distance where a
 * leaf's attraction to the hub (weight × distance) meets the hub's repulsion (scalingRatio × both
 * masses / distance), as in ForceAtlas2.
 */
function placeLeaves(parts: Split, scalingRatio: number, x: number[], y: number[]): void {
  const leaves = new Map<number, number[]>();
  parts.hub.forEach((h, i) => {
    if (h === -1) return;
    const list = leaves.get(h);
    if (list) list.push(i);
    else leaves.set(h, [i]);
  });
  for (const [h, list] of leaves) {
    const hx = x[h] as number;
    const hy = y[h] as number;
    let ox = 0;
    let oy = 0;
    let others = 0;
    for (const n of parts.neighbours[h]?.keys() ?? []) {
      if (parts.hub[n] !== -1) continue;
      ox += x[n] as number;
      oy += y[n] as number;
      others++;
    }
    const away = others > 0 ? Math.atan2(hy - oy / others, hx - ox / others) : 0;
    const arc = others > 0 ? Math.min(2 * Math.PI, list.length * LEAF_ARC) : 2 * Math.PI;
    const hubMass = parts.mass[h] as number;
    list.forEach((leaf, k) => {
      const weight = parts.neighbours[leaf]?.get(h) ?? 1;
      const distance = LEAF_DISTANCE * Math.sqrt((scalingRatio * (parts.mass[leaf] as number) * hubMass) / weight);
      const angle = away + arc * ((k + 0.5) / list.length - 0.5);
      x[leaf] = hx + distance * Math.cos(angle);
      y[leaf] = hy + distance * Math.sin(angle);
    });
  }
}

/** Positions from the cache if it has this component, else computed (and added to the cache). */
export function cachedLayout(component: Component, options: LayoutOptions, cache: LayoutCache | undefined): { positions: Positions; cached: boolean } {
  if (!cache) return { positions: layoutComponent(component, options), cached: false };
  const key = componentKey(component, options);
  const stored = parsePositions(cache.get(key), component.nodes.length);
  if (stored) return { positions: stored, cached: true };
  const positions = layoutComponent(component, options);
  cache.set(key, JSON.stringify(positions));
  return { positions, cached: false };
}

/** A cached value, if it is what layoutComponent returns for a component of this size; else undefined (computed again). */
function parsePositions(value: string | undefined, order: number): Positions | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 * order || !parsed.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  return parsed as number[];
}

/** The golden angle: rings start at angles that never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Space between packed components, relative to the median radius of the packed ones. */
const GAP_FACTOR = 1;

/**
 * Centres for laid-out components: the first (the largest) at the origin, the others on rings
 * around it, larger radius first, each ring spread evenly over its circle and full before the next
 * starts. Depends only on the components' positions and order, so a component that did not change
 * lands where it did before unless the components before it changed.
 */
export function packComponents(parts: readonly Positions[]): { x: number; y: number }[] {
  const radii = parts.map(radiusOf);
  const centres: { x: number; y: number }[] = parts.map(() => ({ x: 0, y: 0 }));
  if (parts.length < 2) return centres;
  // Larger first; ties keep the components' own order.
  const order = radii.map((_r, i) => i).slice(1).sort((a, b) => (radii[b] as number) - (radii[a] as number) || a - b);
  const gap = GAP_FACTOR * Math.max(1, radii[order[order.length >> 1] as number] as number);
  let outer = radii[0] as number; // everything placed so far lies within this radius
  for (let start = 0, ring = 0; start < order.length; ring++) {
    const first = radii[order[start] as number] as number;
    const radius = outer + gap + first;
    // The angle a component of radius r takes on the ring, with its share of the gap.
    const span = (r: number): number => 2 * Math.asin(Math.min(1, (r + gap / 2) / radius));
    let end = start;
    let used = 0;
    while (end < order.length && (end === start || used + span(radii[order[end] as number] as number) <= 2 * Math.PI)) {
      used += span(radii[order[end] as number] as number);
      end++;
    }
    const spare = (2 * Math.PI - used) / (end - start);
    let angle = ring * GOLDEN_ANGLE;
    for (let k = start; k < end; k++) {
      const i = order[k] as number;
      const half = (span(radii[i] as number) + spare) / 2;
      angle += half;
      centres[i] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
      angle += half;
    }
    outer = radius + first;
    start = end;
  }
  return centres;
}

/** Distance of a component's farthest node from its centroid (the origin of its positions). */
function radiusOf(positions: Positions): number {
  let radius = 0;
  for (let i = 0; i + 1 < positions.length; i += 2) radius = Math.max(radius, Math.hypot(positions[i] as number, positions[i + 1] as number));
  return radius;
}

let codeHash: string | undefined;

/**
 * A hash of this folder's code and of the ForceAtlas2 package version: a cached layout is only
 * reused by the code that computed it.
 */
function layoutCodeHash(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(__dirname).filter((n) => /\.(js|ts)$/.test(n)).sort()) {
    hash.update(name).update('\0').update(fs.readFileSync(path.join(__dirname, name))).update('\0');
  }
  try {
    hash.update(String((JSON.parse(fs.readFileSync(require.resolve('graphology-layout-forceatlas2/package.json'), 'utf8')) as { version?: unknown }).version));
  } catch {
    hash.update('forceatlas2 version unknown');
  }
  codeHash = hash.digest('hex');
  return codeHash;
}
