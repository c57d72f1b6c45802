// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the artificial
// root at the END of the buffer (Ballesteros & Nivre 2013), and its dynamic oracle (Goldberg &
// Nivre 2013, "Training deterministic parsers with non-deterministic oracles").
//
// Positions: words are 1 … n, the root is n + 1 (the last buffer item); 0 means "none".
// Moves:
//   SHIFT  push the buffer front b0 onto the stack                  (b0 is a word)
//   LEFT   b0 → s0, pop s0                                          (stack not empty; when b0 is the
//                                                                    root, s0 must be the only stack item)
//   RIGHT  s1 → s0, pop s0                                          (two items on the stack)
// Every word is popped exactly once, with its head, after exactly 2n moves, and only the last
// word left on the stack can take the root: ANY sequence of valid moves yields a single-rooted
// tree without cycles. At least one move is valid in every non-final state, so a greedy parser
// can never get stuck, whatever its scores.
//
// Why arc-hybrid rather than arc-eager: with the root at the end, arc-eager can end with several
// headless words on the stack (they need a repair step after parsing, or an extra UNSHIFT move),
// while arc-hybrid's preconditions alone guarantee a tree; its dynamic oracle is arc-decomposable
// and cheap (a few counts per move), and it has three moves (+ labels) instead of four.
//
// The state keeps, per position, what the features read: head, label, the two leftmost and two
// rightmost children, the number of children on each side and the set of their labels. It is
// allocated once and reused for every sentence (no allocation per move).

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = 3;

/** A cost for moves that are not allowed in a state. */
export const INVALID = 0x3fffffff;

export class ArcHybridState {
  /** Number of words. */
  n = 0;
  /** The root's position (n + 1), always the last buffer item. */
  root = 1;
  /** Stack of positions, bottom first. */
  stack: Int32Array;
  depth = 0;
  /** The buffer front's position (1 … n + 1); the buffer is front … root. */
  front = 1;
  /** Head of each position (0 = none yet; the root's position n + 1 for the root word). */
  heads: Int32Array;
  /** Label id of each position's arc (-1 = none yet). */
  labels: Int32Array;
  left1: Int32Array;
  left2: Int32Array;
  right1: Int32Array;
  right2: Int32Array;
  leftCount: Int32Array;
  rightCount: Int32Array;
  /** Set of the labels of each position's left (right) children, as a 32-bit mask (label id mod 32). */
  leftLabels: Int32Array;
  rightLabels: Int32Array;

  constructor(capacity = 64) {
    this.stack = new Int32Array(capacity + 2);
    this.heads = new Int32Array(capacity + 2);
    this.labels = new Int32Array(capacity + 2);
    this.left1 = new Int32Array(capacity + 2);
    this.left2 = new Int32Array(capacity + 2);
    this.right1 = new Int32Array(capacity + 2);
    this.right2 = new Int32Array(capacity + 2);
    this.leftCount = new Int32Array(capacity + 2);
    this.rightCount = new Int32Array(capacity + 2);
    this.leftLabels = new Int32Array(capacity + 2);
    this.rightLabels = new Int32Array(capacity + 2);
  }

  /** Starts a sentence of n words: empty stack, every word and the root in the buffer. */
  reset(n: number): void {
    if (n + 2 > this.heads.length) {
      const size = Math.max(n + 2, this.heads.length * 2);
      this.stack = new Int32Array(size);
      this.heads = new Int32Array(size);
      this.labels = new Int32Array(size);
      this.left1 = new Int32Array(size);
      this.left2 = new Int32Array(size);
      this.right1 = new Int32Array(size);
      this.right2 = new Int32Array(size);
      this.leftCount = new Int32Array(size);
      this.rightCount = new Int32Array(size);
      this.leftLabels = new Int32Array(size);
      this.rightLabels = new Int32Array(size);
    }
    this.n = n;
    this.root = n + 1;
    this.depth = 0;
    this.front = 1;
    const end = n + 2;
    this.heads.fill(0, 0, end);
    this.labels.fill(-1, 0, end);
    this.left1.fill(0, 0, end);
    this.left2.fill(0, 0, end);
    this.right1.fill(0, 0, end);
    this.right2.fill(0, 0, end);
    this.leftCount.fill(0, 0, end);
    this.rightCount.fill(0, 0, end);
    this.leftLabels.fill(0, 0, end);
    this.rightLabels.fill(0, 0, end);
  }

  /** The i-th stack item from the top (0 = top), or 0 when the stack is shallower. */
  s(i: number): number {
    const k = this.depth - 1 - i;
    return k >= 0 ? (this.stack[k] as number) : 0;
  }

  /** The i-th buffer item (0 = front), or 0 past the root. */
  b(i: number): number {
    const p = this.front + i;
    return p <= this.root ? p : 0;
  }

  isFinal(): boolean {
    return this.depth === 0 && this.front === this.root;
  }

  canShift(): boolean {
    return this.front < this.root;
  }

  canLeft(): boolean {
    return this.depth >= 1 && (this.front < this.root || this.depth === 1);
  }

  canRight(): boolean {
    return this.depth >= 2;
  }

  isValid(move: number): boolean {
    return move === SHIFT ? this.canShift() : move === LEFT ? this.canLeft() : move === RIGHT ? this.canRight() : false;
  }

  /** The head a LEFT (RIGHT) move would give s0: b0 (s1). */
  headOf(move: number): number {
    return move === LEFT ? this.front : move === RIGHT ? (this.stack[this.depth - 2] as number) : 0;
  }

  /** Applies a valid move; label is the new arc's label id (ignored by SHIFT). */
  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.depth++] = this.front++;
      return;
    }
    const dependent = this.stack[--this.depth] as number;
    const head = move === LEFT ? this.front : (this.stack[this.depth - 1] as number);
    this.addArc(head, dependent, label);
  }

  private addArc(head: number, dependent: number, label: number): void {
    this.heads[dependent] = head;
    this.labels[dependent] = label;
    const bit = 1 << (label & 31);
    if (dependent < head) {
      const l1 = this.left1[head] as number;
      if (l1 === 0 || dependent < l1) {
        this.left2[head] = l1;
        this.left1[head] = dependent;
      } else {
        const l2 = this.left2[head] as number;
        if (l2 === 0 || dependent < l2) this.left2[head] = dependent;
      }
      this.leftCount[head] = (this.leftCount[head] as number) + 1;
      this.leftLabels[head] = (this.leftLabels[head] as number) | bit;
    } else {
      const r1 = this.right1[head] as number;
      if (r1 === 0 || dependent > r1) {
        this.right2[head] = r1;
        this.right1[head] = dependent;
      } else {
        const r2 = this.right2[head] as number;
        if (r2 === 0 || dependent > r2) this.right2[head] = dependent;
      }
      this.rightCount[head] = (this.rightCount[head] as number) + 1;
      this.rightLabels[head] = (this.rightLabels[head] as number) | bit;
    }
  }

  /** Heads in the usual form: 1-based words, 0 = root (only meaningful once final). */
  result(heads: Int32Array): void {
    for (let i = 1; i <= this.n; i++) {
      const h = this.heads[i] as number;
      heads[i - 1] = h === this.root ? 0 : h;
    }
  }
}

/**
 * Gold heads in the state's convention (index 1 … n, the root word's head n + 1) from the usual
 * 0-based array of 1-based heads with 0 for the root.
 */
export function internalHeads(heads: ArrayLike<number>): Int32Array {
  const n = heads.length;
  const gold = new Int32Array(n + 2);
  for (let i = 0; i < n; i++) {
    const h = heads[i] as number;
    gold[i + 1] = h === 0 ? n + 1 : h;
  }
  return gold;
}

/**
 * The dynamic oracle: for each move, how many gold arcs it makes unreachable (INVALID when the
 * move is not allowed). Arc-hybrid is arc-decomposable for projective trees (Goldberg & Nivre
 * 2013), so these counts are exact and a move of cost 0 keeps the best reachable tree.
 * `gold` is in the state's convention (internalHeads). O(n) per call.
 *
 *   LEFT   (b0 → s0): s0's gold head if it is s1 or a later buffer item (the root only when s0 is
 *          the last stack item); s0's gold dependents in the buffer.
 *   RIGHT  (s1 → s0): s0's gold head if it is a buffer word (not the root: with s1 below it, s0
 *          could no longer take the root); s0's gold dependents in the buffer.
 *   SHIFT  (push b0): b0's gold head if it is on the stack below s0; b0's gold dependents on the
 *          stack; and the root arc when b0 is the gold root word and the stack is not empty (only
 *          the last stack item may take the root).
 */
export function moveCosts(state: ArcHybridState, gold: Int32Array, costs: Int32Array): void {
  const { depth, front, n } = state;
  const stack = state.stack;
  costs[SHIFT] = INVALID;
  costs[LEFT] = INVALID;
  costs[RIGHT] = INVALID;
  if (state.canShift()) {
    let cost = 0;
    const h = gold[front] as number;
    for (let k = 0; k < depth; k++) {
      const item = stack[k] as number;
      if (gold[item] === front) cost++;
      if (h === item && k < depth - 1) cost++;
    }
    if (h === state.root && depth > 0) cost++;
    costs[SHIFT] = cost;
  }
  if (depth >= 1) {
    const s0 = stack[depth - 1] as number;
    let dependents = 0;
    for (let d = front; d <= n; d++) if (gold[d] === s0) dependents++;
    const h = gold[s0] as number;
    // the root arc of s0 is reachable only while s0 is the stack's last item
    if (state.canLeft()) {
      const s1 = depth >= 2 ? (stack[depth - 2] as number) : -1;
      costs[LEFT] = dependents + (h !== front && (h === s1 || (h > front && (h !== state.root || depth === 1))) ? 1 : 0);
    }
    if (state.canRight()) costs[RIGHT] = dependents + (h >= front && h !== state.root ? 1 : 0);
  }
}

/** Whether a tree (0-based array of 1-based heads, 0 = root) is projective, counting the root arc. */
export function isProjective(heads: ArrayLike<number>): boolean {
  const n = heads.length;
  for (let i = 1; i <= n; i++) {
    const h = heads[i - 1] as number;
    const lo = Math.min(i, h);
    const hi = Math.max(i, h);
    // every word strictly between lo and hi must have its head inside [lo, hi]
    for (let k = lo + 1; k < hi; k++) {
      const hk = heads[k - 1] as number;
      if (hk < lo || hk > hi) return false;
    }
  }
  return true;
}

/**
 * The projective tree closest to a non-projective one by lifting (Nivre & Nilsson 2005, without
 * encoding the lifts in labels): while some arc is non-projective, the shortest such arc's
 * dependent is re-attached to its head's head. Returns a new array and the number of lifts.
 */
export function projectivize(heads: ArrayLike<number>): { heads: Int32Array; lifts: number } {
  const out = Int32Array.from(heads as ArrayLike<number>);
  const n = out.length;
  let lifts = 0;
  for (;;) {
    let worst = -1;
    let worstLength = Infinity;
    for (let i = 1; i <= n; i++) {
      const h = out[i - 1] as number;
      if (h === 0) continue;
      const lo = Math.min(i, h);
      const hi = Math.max(i, h);
      let crossing = false;
      for (let k = lo + 1; k < hi && !crossing; k++) {
        // k must be dominated by h: walk up from k
        let a = k;
        let steps = 0;
        while (a !== 0 && a !== h && steps++ <= n) a = out[a - 1] as number;
        if (a !== h) crossing = true;
      }
      if (crossing && hi - lo < worstLength) {
        worst = i;
        worstLength = hi - lo;
      }
    }
    if (worst < 0) return { heads: out, lifts };
    const h = out[worst - 1] as number;
    out[worst - 1] = out[h - 1] as number;
    lifts++;
  }
}

/** Whether heads (0-based array of 1-based heads, 0 = root) form one tree: one root word, no cycle. */
export function isTree(heads: ArrayLike<number>): boolean {
  const n = heads.length;
  let roots = 0;
  for (let i = 0; i < n; i++) {
    const h = heads[i] as number;
    if (!Number.isInteger(h) || h < 0 || h > n || h === i + 1) return false;
    if (h === 0) roots++;
  }
  if (n > 0 && roots !== 1) return false;
  // every word reaches the root within n steps
  for (let i = 1; i <= n; i++) {
    let a = i;
    let steps = 0;
    while (a !== 0) {
      a = heads[a - 1] as number;
      if (++steps > n) return false;
    }
  }
  return true;
}
