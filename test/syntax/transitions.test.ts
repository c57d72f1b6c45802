// The arc-hybrid transition system and its dynamic oracle: the oracle reproduces every projective
// tree (the committed sample and random trees), its move costs equal the exact costs found by
// exhaustive search, any sequence of valid moves builds a tree, and lifting makes any tree
// projective.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import fc from 'fast-check';
import { seededRandom } from '../../src/random';
import { readConllu } from '../../src/syntax/train/conllu';
import { oracleMove } from '../../src/syntax/train/parser';
import { ArcHybridState, INVALID, internalHeads, isProjective, isTree, LEFT, MOVES, moveCosts, projectivize, RIGHT, SHIFT } from '../../src/syntax/transitions';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'parser-sample.conllu');

/** Runs the oracle from the initial state; returns the heads it builds (0-based array, 0 = root). */
function followOracle(heads: readonly number[], choose: (zeroCost: number[]) => number = (z) => z[0] as number): number[] {
  const st = new ArcHybridState(4);
  const gold = internalHeads(heads);
  const costs = new Int32Array(MOVES);
  st.reset(heads.length);
  let steps = 0;
  while (!st.isFinal()) {
    moveCosts(st, gold, costs);
    const zero = [LEFT, RIGHT, SHIFT].filter((m) => costs[m] === 0);
    assert.ok(zero.length > 0, 'some move keeps every gold arc reachable');
    const move = choose(zero);
    assert.ok(st.isValid(move));
    st.apply(move, 0);
    steps++;
  }
  assert.equal(steps, 2 * heads.length, 'arc-hybrid takes exactly 2n moves');
  const out = new Int32Array(heads.length);
  st.result(out);
  return [...out];
}

/** A random projective tree over n words (0-based array of 1-based heads, 0 = root). */
function randomProjectiveTree(n: number, random: () => number): number[] {
  const heads = new Array<number>(n).fill(0);
  // build the subtree over words lo … hi (1-based, inclusive) whose root attaches to `head`
  const build = (lo: number, hi: number, head: number): void => {
    if (lo > hi) return;
    const root = lo + Math.floor(random() * (hi - lo + 1));
    heads[root - 1] = head;
    // the words left of root form consecutive subtrees under root; likewise on the right
    let start = lo;
    while (start < root) {
      const end = start + Math.floor(random() * (root - start));
      build(start, end, root);
      start = end + 1;
    }
    start = root + 1;
    while (start <= hi) {
      const end = start + Math.floor(random() * (hi - start + 1));
      build(start, end, root);
      start = end + 1;
    }
  };
  build(1, n, 0);
  return heads;
}

/** Replays moves from the initial state. */
function replay(n: number, moves: readonly number[]): ArcHybridState {
  const st = new ArcHybridState(4);
  st.reset(n);
  for (const m of moves) st.apply(m, 0);
  return st;
}

/** The fewest wrong heads of any tree reachable after `moves` (exhaustive search). */
function minLoss(gold: readonly number[], moves: number[], memo: Map<string, number>): number {
  const key = moves.join('');
  const known = memo.get(key);
  if (known !== undefined) return known;
  const st = replay(gold.length, moves);
  let best: number;
  if (st.isFinal()) {
    const heads = new Int32Array(gold.length);
    st.result(heads);
    best = gold.filter((h, i) => heads[i] !== h).length;
  } else {
    best = Infinity;
    for (const m of [SHIFT, LEFT, RIGHT]) {
      if (!st.isValid(m)) continue;
      moves.push(m);
      best = Math.min(best, minLoss(gold, moves, memo));
      moves.pop();
    }
  }
  memo.set(key, best);
  return best;
}

describe('arc-hybrid transitions', () => {
  it('the static oracle reproduces every projective tree of the sample', () => {
    const sentences = readConllu(SAMPLE);
    assert.ok(sentences.length >= 10);
    let projective = 0;
    for (const s of sentences) {
      const heads = s.words.map((w) => w.head);
      if (!isProjective(heads)) continue;
      projective++;
      assert.deepEqual(followOracle(heads), heads, s.id);
    }
    assert.ok(projective >= 10);
  });

  it('the sample has a non-projective tree, and lifting makes it projective', () => {
    const sentences = readConllu(SAMPLE);
    const nonProjective = sentences.filter((s) => !isProjective(s.words.map((w) => w.head)));
    assert.equal(nonProjective.length, 1);
    const heads = (nonProjective[0] as (typeof sentences)[number]).words.map((w) => w.head);
    const lifted = projectivize(heads);
    assert.ok(isProjective(lifted.heads) && isTree(lifted.heads));
    assert.equal(lifted.lifts, 1);
    assert.deepEqual(followOracle([...lifted.heads]), [...lifted.heads]);
  });

  it('the dynamic oracle reproduces random projective trees, whichever zero-cost move it takes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (n, seed) => {
        const random = seededRandom(seed);
        const heads = randomProjectiveTree(n, random);
        assert.ok(isProjective(heads) && isTree(heads));
        assert.deepEqual(followOracle(heads, (z) => z[Math.floor(random() * z.length)] as number), heads);
        assert.deepEqual(followOracle(heads), heads);
      }),
      { numRuns: 300 },
    );
  });

  it('move costs equal the exact costs found by exhaustive search (small trees, any reachable state)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer(), (n, seed) => {
        const random = seededRandom(seed);
        const gold = randomProjectiveTree(n, random);
        const internal = internalHeads(gold);
        const memo = new Map<string, number>();
        // a random walk of valid moves; check the costs in every state on the way
        const moves: number[] = [];
        const costs = new Int32Array(MOVES);
        for (;;) {
          const st = replay(n, moves);
          if (st.isFinal()) break;
          moveCosts(st, internal, costs);
          const here = minLoss(gold, moves, memo);
          for (const m of [SHIFT, LEFT, RIGHT]) {
            if (!st.isValid(m)) {
              assert.equal(costs[m], INVALID);
              continue;
            }
            const after = minLoss(gold, [...moves, m], memo);
            assert.equal(costs[m], after - here, `move ${m} after [${moves.join(',')}] for heads [${gold.join(',')}]`);
          }
          const valid = [SHIFT, LEFT, RIGHT].filter((m) => st.isValid(m));
          moves.push(valid[Math.floor(random() * valid.length)] as number);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('any sequence of valid moves builds one tree: a single root, no cycles, every word headed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer(), (n, seed) => {
        const random = seededRandom(seed);
        const st = new ArcHybridState(2);
        st.reset(n);
        let steps = 0;
        while (!st.isFinal()) {
          const valid = [SHIFT, LEFT, RIGHT].filter((m) => st.isValid(m));
          assert.ok(valid.length > 0, 'never stuck');
          st.apply(valid[Math.floor(random() * valid.length)] as number, 0);
          steps++;
        }
        assert.equal(steps, 2 * n);
        const heads = new Int32Array(n);
        st.result(heads);
        assert.ok(isTree(heads), `[${heads.join(',')}]`);
      }),
      { numRuns: 300 },
    );
  });

  it('lifting makes any tree projective and keeps it a tree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer(), (n, seed) => {
        const random = seededRandom(seed);
        // a random tree: attach words in a random order to a word already in the tree
        const order = Array.from({ length: n }, (_, i) => i + 1);
        for (let i = n - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [order[i], order[j]] = [order[j] as number, order[i] as number];
        }
        const heads = new Array<number>(n).fill(0);
        order.forEach((w, k) => {
          heads[w - 1] = k === 0 ? 0 : (order[Math.floor(random() * k)] as number);
        });
        assert.ok(isTree(heads));
        const lifted = projectivize(heads);
        assert.ok(isProjective(lifted.heads), `[${heads.join(',')}] → [${lifted.heads.join(',')}]`);
        assert.ok(isTree(lifted.heads));
        if (isProjective(heads)) assert.equal(lifted.lifts, 0);
        assert.deepEqual(followOracle([...lifted.heads]), [...lifted.heads]);
      }),
      { numRuns: 300 },
    );
  });

  it('oracleMove (used for the frequency count) follows the zero-cost moves', () => {
    const heads = [2, 3, 0, 6, 6, 3, 8, 3, 3];
    const st = new ArcHybridState();
    const gold = internalHeads(heads);
    const costs = new Int32Array(MOVES);
    st.reset(heads.length);
    while (!st.isFinal()) st.apply(oracleMove(st, gold, costs), 0);
    const out = new Int32Array(heads.length);
    st.result(out);
    assert.deepEqual([...out], heads);
  });

  it('isTree rejects cycles, several roots and heads out of range', () => {
    assert.ok(isTree([]));
    assert.ok(isTree([0]));
    assert.ok(!isTree([2, 1]));
    assert.ok(!isTree([0, 0]));
    assert.ok(!isTree([0, 3]));
    assert.ok(!isTree([1]));
    assert.ok(!isTree([0, 3, 2]));
  });
});
