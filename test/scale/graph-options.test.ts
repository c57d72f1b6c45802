// What a big graph keeps: --min-count, --top, --evidence, as tables of small graphs.
import { strict as assert } from 'node:assert';
import { UsageError } from '../../src/errors';
import { GraphAccumulator, resolveGraphOptions, type GraphOptions } from '../../src/graph';
import type { DocumentResult, EntityRecord, Fact, Relation } from '../../src/types';

const person = (id: string): EntityRecord => ({ id, label: id.replace(/-/g, ' '), entityType: 'person', aliases: [], roles: [] });

function fact(doc: string, source: string, relation: Relation, target: string, start: number): Fact {
  return { source, relation, target, negated: false, hypothetical: false, doc, sentence: `${source} ${relation} ${target}.`, start, end: start + 10, trigger: relation, rule: 'test' };
}

/** One document per fact list; every entity a person mentioned once. */
function docs(spec: Array<Array<[string, Relation, string]>>): DocumentResult[] {
  return spec.map((facts, i) => {
    const ids = [...new Set(facts.flatMap(([s, , t]) => [s, t]))].sort();
    return {
      doc: `d${i}`, origin: `d${i}`,
      mentions: ids.map((id, k) => ({ start: k, end: k + 1, text: id, entityType: 'person' as const, entity: id, firstToken: k, lastToken: k, sentence: 0, rule: 'test' })),
      entities: ids.map(person),
      facts: facts.map(([s, r, t], k) => fact(`d${i}`, s, r, t, k * 20)),
    };
  });
}

function graphOf(results: DocumentResult[], options: Partial<GraphOptions>): ReturnType<GraphAccumulator['finish']> {
  const acc = new GraphAccumulator(new Map(), options);
  for (const r of results) acc.add(r);
  return acc.finish();
}

const CORPUS = docs([
  [['ann-lee', 'met', 'bob-ray'], ['ann-lee', 'urged', 'cy-dow'], ['ann-lee', 'warned', 'dee-fox']],
  [['ann-lee', 'met', 'bob-ray'], ['bob-ray', 'urged', 'cy-dow']],
  [['ann-lee', 'met', 'bob-ray'], ['eve-gill', 'aided', 'fay-hart']],
]);

describe('scale: graph options', () => {
  it('defaults keep everything', () => {
    const g = graphOf(CORPUS, {});
    assert.equal(g.order, 6);
    assert.equal(g.size, 5);
    assert.equal(g.getEdgeAttribute('ann-lee|met|bob-ray', 'count'), 3);
    assert.equal(g.getEdgeAttribute('ann-lee|met|bob-ray', 'evidence').length, 3);
  });

  const rows: Array<[string, Partial<GraphOptions>, { nodes: string[]; edges: string[] }]> = [
    ['--min-count 2 keeps edges with two facts or more', { minCount: 2 }, { nodes: ['ann-lee', 'bob-ray', 'cy-dow', 'dee-fox', 'eve-gill', 'fay-hart'], edges: ['ann-lee|met|bob-ray'] }],
    ['--top 3 keeps the three most connected, ties by id', { top: 3 }, { nodes: ['ann-lee', 'bob-ray', 'cy-dow'], edges: ['ann-lee|met|bob-ray', 'ann-lee|urged|cy-dow', 'bob-ray|urged|cy-dow'] }],
    ['--top 1', { top: 1 }, { nodes: ['ann-lee'], edges: [] }],
    ['--top larger than the graph keeps all', { top: 100 }, { nodes: ['ann-lee', 'bob-ray', 'cy-dow', 'dee-fox', 'eve-gill', 'fay-hart'], edges: ['ann-lee|met|bob-ray', 'ann-lee|urged|cy-dow', 'ann-lee|warned|dee-fox', 'bob-ray|urged|cy-dow', 'eve-gill|aided|fay-hart'] }],
    ['--min-count 2 --top 2', { minCount: 2, top: 2 }, { nodes: ['ann-lee', 'bob-ray'], edges: ['ann-lee|met|bob-ray'] }],
  ];
  for (const [name, options, expected] of rows) {
    it(name, () => {
      const g = graphOf(CORPUS, options);
      assert.deepEqual(g.nodes().sort(), expected.nodes);
      assert.deepEqual(g.edges().sort(), expected.edges);
    });
  }

  it('--evidence N keeps the first N sentences and the full count', () => {
    const g = graphOf(CORPUS, { evidence: 2 });
    const attrs = g.getEdgeAttributes('ann-lee|met|bob-ray');
    assert.equal(attrs.count, 3);
    assert.equal(attrs.weight, 3);
    assert.deepEqual(attrs.evidence.map((e) => e.doc), ['d0', 'd1']);
  });

  it('does not depend on document order for which nodes --top keeps', () => {
    const a = graphOf(CORPUS, { top: 3 });
    const b = graphOf([...CORPUS].reverse(), { top: 3 });
    assert.deepEqual(a.nodes().sort(), b.nodes().sort());
  });

  it('reports the ids it merged (a lone surname into the only full name)', () => {
    const results = docs([[['vladimir-putin', 'met', 'bob-ray']], [['putin', 'urged', 'bob-ray']]]);
    const surname = results[1];
    assert.ok(surname);
    (surname.entities as EntityRecord[])[1] = { id: 'putin', label: 'Putin', entityType: 'person', aliases: [], roles: [] };
    const acc = new GraphAccumulator();
    for (const r of results) acc.add(r);
    const g = acc.finish();
    assert.deepEqual([...acc.merges], [['putin', 'vladimir-putin']]);
    assert.ok(g.hasEdge('vladimir-putin|urged|bob-ray'));
  });

  it('rejects bad values with UsageError naming the flag', () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ minCount: 0 }, '--min-count'],
      [{ minCount: 1.5 }, '--min-count'],
      [{ top: -1 }, '--top'],
      [{ evidence: Number.NaN }, '--evidence'],
      [{ colour: 1 }, 'colour'],
    ];
    for (const [options, flag] of bad) {
      assert.throws(() => resolveGraphOptions(options as Partial<GraphOptions>), (e: unknown) => e instanceof UsageError && e.file === flag, flag);
    }
  });
});
