// The graph stage (GraphAccumulator) on hand-made per-document inputs: which label a node gets,
// which surname merges into which full name, which topics stay, how documents are counted, and the
// key order of graph.json's attributes. Then a property: on random inputs the nodes are what a
// plain statement of those rules, written here independently of src/graph, says they are.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { edgeKey, GraphAccumulator, graphInput, type GraphInput, type GraphOptions, type NewsGraph } from '../src/graph';
import { SYMMETRIC_RELATIONS, type DocumentResult, type EntityRecord, type EntityType, type Fact, type Mention, type Relation } from '../src/types';

/** One entity of a document, with how many mentions it has there (default 1). */
type Named = EntityRecord & { readonly mentionCount?: number };

function doc(id: string, entities: readonly Named[], facts: readonly Fact[] = [], meta: { title?: string; date?: string; url?: string } = {}): GraphInput {
  return {
    doc: id,
    ...meta,
    entities: entities.map(({ mentionCount: _count, ...e }) => e),
    entityMentions: entities.map((e) => e.mentionCount ?? 1),
    facts,
  };
}

function entity(id: string, label: string, entityType: EntityType = 'person', more: Partial<Named> = {}): Named {
  return { id, label, entityType, aliases: [], roles: [], ...more };
}

function fact(doc: string, source: string, relation: Relation, target: string, more: Partial<Fact> = {}): Fact {
  return { doc, source, relation, target, negated: false, hypothetical: false, sentence: `${source} ${relation} ${target}.`, start: 0, end: 10, trigger: relation, rule: 'test', ...more };
}

function build(inputs: readonly (GraphInput | DocumentResult)[], known: ReadonlyMap<string, string> = new Map(), options: Partial<GraphOptions> = {}): { graph: NewsGraph; merges: ReadonlyMap<string, string> } {
  const accumulator = new GraphAccumulator(known, options);
  for (const input of inputs) accumulator.add(input);
  const graph = accumulator.finish();
  return { graph, merges: accumulator.merges };
}

describe('graph: labels', () => {
  // Labels of one id over documents (one document each) → the node's label and aliases.
  const table: [string[], string, string[], string][] = [
    [['Putin', 'Vladimir Putin'], 'Vladimir Putin', ['Putin'], 'the longest name wins'],
    [['Vladimir Putin', 'Putin', 'Putin', 'Putin'], 'Vladimir Putin', ['Putin'], 'longer beats more frequent'],
    [['Joe Biden', 'Joseph Biden', 'Joe Biden'], 'Joe Biden', ['Joseph Biden'], 'same length: the most frequent'],
    [['Rob Smith', 'Bob Smith'], 'Bob Smith', ['Rob Smith'], 'same length and count: alphabetical'],
    [['Bob Smith', 'Rob Smith'], 'Bob Smith', ['Rob Smith'], 'whatever the document order'],
    [['Ann Lee', 'Ann Lee'], 'Ann Lee', [], 'one label seen twice'],
    [['A  B', 'A B C'], 'A B C', ['A  B'], 'words are split on runs of white space'],
  ];
  for (const [labels, label, aliases, why] of table) {
    it(why, () => {
      const { graph } = build(labels.map((l, i) => doc(`d${i}`, [entity('x', l)])));
      assert.equal(graph.getNodeAttribute('x', 'label'), label);
      assert.deepEqual(graph.getNodeAttribute('x', 'aliases'), aliases);
    });
  }

  it('a gazetteer label wins over every label seen, which become aliases', () => {
    const { graph } = build([doc('d0', [entity('ru', 'Russian Federation', 'country', { aliases: ['Russia'] })])], new Map([['ru', 'Russia']]));
    assert.equal(graph.getNodeAttribute('ru', 'label'), 'Russia');
    assert.deepEqual(graph.getNodeAttribute('ru', 'aliases'), ['Russian Federation']);
  });

  it('aliases and roles are the union over documents, sorted, without the label', () => {
    const { graph } = build([
      doc('d0', [entity('x', 'Ann Lee', 'person', { aliases: ['Lee', 'Ann Lee'], roles: ['minister'] })]),
      doc('d1', [entity('x', 'Ann Lee', 'person', { aliases: ['A. Lee'], roles: ['envoy', 'minister'] })]),
    ]);
    assert.deepEqual(graph.getNodeAttribute('x', 'aliases'), ['A. Lee', 'Lee']);
    assert.deepEqual(graph.getNodeAttribute('x', 'roles'), ['envoy', 'minister']);
  });
});

describe('graph: surname merges', () => {
  it('a person known by a surname only merges into the one full name it ends in', () => {
    const { graph, merges } = build([
      doc('d0', [entity('vladimir-putin', 'Vladimir Putin', 'person', { roles: ['president'], mentionCount: 2 }), entity('putin', 'Putin', 'person', { aliases: ['Mr Putin'] })]),
      doc('d1', [entity('putin', 'PUTIN', 'person', { mentionCount: 3 })]),
    ]);
    assert.deepEqual([...merges], [['putin', 'vladimir-putin']]);
    assert.equal(graph.hasNode('putin'), false);
    const node = graph.getNodeAttributes('vladimir-putin');
    assert.deepEqual(node.aliases, ['Mr Putin', 'PUTIN', 'Putin']);
    assert.equal(node.mentions, 2 + 1 + 3);
    assert.equal(node.documents, 2, 'd0 names both: counted once');
  });

  it('a surname that two full names end in stays apart, and so does a non-person', () => {
    const { graph, merges } = build([doc('d0', [
      entity('smith', 'Smith'), entity('john-smith', 'John Smith'), entity('jane-smith', 'Jane Smith'),
      entity('lee', 'Lee', 'organization'), entity('ann-lee', 'Ann Lee'),
    ])]);
    assert.equal(merges.size, 0);
    assert.deepEqual(graph.nodes(), ['ann-lee', 'jane-smith', 'john-smith', 'lee', 'smith']);
  });

  it('facts of the surname become facts of the full name, without a self-loop', () => {
    const { graph } = build([doc('d0', [entity('ann-lee', 'Ann Lee'), entity('lee', 'Lee'), entity('bo', 'Bo Chan')], [
      fact('d0', 'lee', 'urged', 'bo'),
      fact('d0', 'lee', 'met', 'ann-lee'),
    ])]);
    assert.deepEqual(graph.edges(), ['ann-lee|urged|bo']);
  });
});

describe('graph: which topics are nodes', () => {
  const entities = [entity('ann', 'Ann Lee'), entity('truce', 'truce', 'other'), entity('deal', 'deal', 'other'), entity('refugees', 'refugees', 'other', { group: true })];
  const table: [Fact[], Partial<GraphOptions>, string[], string][] = [
    [[], {}, ['ann', 'refugees'], 'a topic without an edge is dropped, a group is not'],
    [[fact('d0', 'ann', 'proposed', 'truce')], {}, ['ann', 'refugees', 'truce'], 'a topic at the end of an act stays'],
    [[fact('d0', 'ann', 'proposed', 'truce')], { minCount: 2 }, ['ann', 'refugees'], 'an edge under --min-count does not keep it'],
    [[fact('d0', 'ann', 'proposed', 'truce'), fact('d0', 'ann', 'proposed', 'truce')], { minCount: 2 }, ['ann', 'refugees'], 'the same fact twice is one piece of evidence'],
    [[fact('d0', 'ann', 'proposed', 'truce'), fact('d0', 'ann', 'proposed', 'truce', { start: 20 })], { minCount: 2 }, ['ann', 'refugees', 'truce'], 'two pieces of evidence pass --min-count 2'],
    [[fact('d0', 'truce', 'met', 'deal')], {}, ['ann', 'deal', 'refugees', 'truce'], 'between two topics'],
    [[fact('d0', 'ann', 'proposed', 'nowhere')], {}, ['ann', 'refugees'], 'a fact whose end is no entity is dropped'],
  ];
  for (const [facts, options, nodes, why] of table) {
    it(why, () => {
      const { graph } = build([doc('d0', entities, facts)], new Map(), options);
      assert.deepEqual(graph.nodes(), nodes);
      for (const node of graph.nodes()) {
        const { entityType, group } = graph.getNodeAttributes(node);
        if (entityType === 'other' && !group) assert.ok(graph.degree(node) > 0, node);
      }
    });
  }
});

describe('graph: counting documents and mentions', () => {
  it('a document counts when it has a mention of the entity', () => {
    const { graph } = build([
      doc('d0', [entity('x', 'Ann Lee', 'person', { mentionCount: 0 })]),
      doc('d1', [entity('x', 'Ann Lee', 'person', { mentionCount: 2 })]),
      doc('d2', [entity('x', 'Ann Lee', 'person', { mentionCount: 1 })]),
    ]);
    assert.equal(graph.getNodeAttribute('x', 'documents'), 2);
    assert.equal(graph.getNodeAttribute('x', 'mentions'), 3);
  });

  it('a document id added twice counts once; an id twice in one document too', () => {
    const { graph } = build([
      doc('d0', [entity('x', 'Ann Lee'), entity('x', 'Ann Lee')]),
      doc('d1', [entity('x', 'Ann Lee')]),
      doc('d0', [entity('x', 'Ann Lee')]),
    ]);
    assert.equal(graph.getNodeAttribute('x', 'documents'), 2);
    assert.equal(graph.getNodeAttribute('x', 'mentions'), 4);
    assert.equal(graph.getAttribute('documentCount'), 3);
  });

  it('a result and its stored input (graphInput) give the same graph', () => {
    const mention = (entity: string, start: number): Mention => ({ start, end: start + 3, text: 'Lee', entityType: 'person', entity, firstToken: 0, lastToken: 0, sentence: 0, rule: 'test' });
    const results: DocumentResult[] = [
      { doc: 'd0', origin: 'd0', title: 'One', mentions: [mention('x', 0), mention('x', 5)], entities: [entity('x', 'Ann Lee'), entity('y', 'Bo Chan')], facts: [fact('d0', 'x', 'met', 'y')] },
      { doc: 'd1', origin: 'd1', url: 'http://example.org/2', mentions: [mention('y', 0)], entities: [entity('y', 'Bo Chan'), entity('z', 'Chan')], facts: [] },
    ];
    const fromResults = JSON.stringify(build(results).graph.export());
    const fromInputs = JSON.stringify(build(results.map((r) => JSON.parse(JSON.stringify(graphInput(r))) as GraphInput)).graph.export());
    assert.equal(fromInputs, fromResults);
  });
});

describe('graph: attribute key order (graph.json is compared byte for byte)', () => {
  it('nodes, sources and the graph keep their documented key order', () => {
    const { graph } = build([
      doc('d0', [entity('fr', 'France', 'country', { wikidata: 'Q142' }), entity('refugees', 'refugees', 'other', { group: true }), entity('ann', 'Ann Lee')], [], { url: 'u', title: 't', date: '2024-01-02' }),
      doc('d1', [entity('ann', 'Ann Lee')], [], { date: '2024-01-03' }),
    ]);
    assert.equal(JSON.stringify(graph.getNodeAttributes('fr')), '{"label":"France","aliases":[],"entityType":"country","roles":[],"mentions":1,"documents":1,"wikidata":"Q142","x":0,"y":0,"size":1,"color":"#999999"}');
    assert.equal(JSON.stringify(graph.getNodeAttributes('refugees')), '{"label":"refugees","aliases":[],"entityType":"other","roles":[],"mentions":1,"documents":1,"group":true,"x":0,"y":0,"size":1,"color":"#999999"}');
    assert.equal(JSON.stringify(graph.getNodeAttributes('ann')), '{"label":"Ann Lee","aliases":[],"entityType":"person","roles":[],"mentions":2,"documents":2,"x":0,"y":0,"size":1,"color":"#999999"}');
    assert.equal(JSON.stringify(graph.getAttributes()), `{"generator":"newsgraph","version":${JSON.stringify(graph.getAttribute('version'))},"documentCount":2,"sources":[{"id":"d0","title":"t","date":"2024-01-02","url":"u"},{"id":"d1","date":"2024-01-03"}]}`);
  });
});

describe('graph: evidence order', () => {
  it('facts at one place in one document are ordered by trigger in code-unit order, whatever the locale', () => {
    // "Zurich" < "Élysée" in code units; a locale collation would put "Élysée" first (and differ by machine).
    const facts = [
      fact('d0', 'fr', 'met', 'de', { trigger: 'Élysée', rule: 'a' }),
      fact('d0', 'fr', 'met', 'de', { trigger: 'met', rule: 'b' }),
      fact('d0', 'fr', 'met', 'de', { trigger: 'Zurich', rule: 'c' }),
    ];
    const { graph } = build([doc('d0', [entity('fr', 'France', 'country'), entity('de', 'Germany', 'country')], facts)]);
    const evidence = graph.getEdgeAttribute(edgeKey('de', 'met', 'fr', false, false), 'evidence');
    assert.deepEqual(evidence.map((e) => e.trigger), ['Zurich', 'met', 'Élysée']);
  });
});

// ---- property: nodes as a plain statement of the rules says -------------------------------------

/** The ids the generator draws from: surnames with one, two or no full name, topics, a group. */
const POOL: readonly { id: string; labels: string[]; type: EntityType; group?: true; wikidata?: string }[] = [
  { id: 'putin', labels: ['Putin', 'PUTIN'], type: 'person' },
  { id: 'vladimir-putin', labels: ['Vladimir Putin', 'Vladimir V. Putin', 'Putin'], type: 'person' },
  { id: 'smith', labels: ['Smith'], type: 'person' },
  { id: 'john-smith', labels: ['John Smith', 'Smith'], type: 'person' },
  { id: 'jane-smith', labels: ['Jane Smith'], type: 'person' },
  { id: 'lee', labels: ['Lee', 'Ann Lee'], type: 'person' },
  { id: 'russia', labels: ['Russia', 'Russian Federation'], type: 'country', wikidata: 'Q159' },
  { id: 'nato', labels: ['NATO', 'the alliance'], type: 'organization' },
  { id: 'truce', labels: ['truce', 'ceasefire'], type: 'other' },
  { id: 'deal', labels: ['deal'], type: 'other' },
  { id: 'refugees', labels: ['refugees', 'Refugees'], type: 'other', group: true },
];
const WORDS = ['Lee', 'Mr Putin', 'envoy', 'the Kremlin', 'Putin', 'x'];

const randomEntity = fc.record({
  pick: fc.nat({ max: POOL.length - 1 }),
  label: fc.nat({ max: 2 }),
  aliases: fc.subarray(WORDS, { maxLength: 2 }),
  roles: fc.subarray(['president', 'envoy', 'minister'], { maxLength: 2 }),
  mentions: fc.nat({ max: 2 }),
  /** Rarely the type another document gave (the first one seen counts). */
  otherType: fc.option(fc.constantFrom<EntityType>('person', 'other', 'place'), { freq: 8 }),
});
const randomFact = fc.record({
  source: fc.nat({ max: POOL.length + 1 }),
  target: fc.nat({ max: POOL.length + 1 }),
  relation: fc.constantFrom<Relation>('met', 'urged', 'proposed', 'accepted'),
  negated: fc.boolean(),
  start: fc.nat({ max: 3 }),
  date: fc.option(fc.constantFrom('2024-01-01', '2024-02-01'), { nil: undefined }),
});
const randomInputs = fc.array(fc.record({
  doc: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  entities: fc.array(randomEntity, { maxLength: 6 }),
  facts: fc.array(randomFact, { maxLength: 4 }),
}), { minLength: 1, maxLength: 6 }).map((docs) => docs.map(({ doc: id, entities, facts }): GraphInput => {
  const records = entities.map((e) => {
    const p = POOL[e.pick] ?? POOL[0];
    if (!p) throw new Error('empty pool');
    return {
      record: {
        id: p.id, label: p.labels[e.label % p.labels.length] ?? p.id, entityType: e.otherType ?? p.type, aliases: e.aliases, roles: e.roles,
        ...(p.wikidata ? { wikidata: p.wikidata } : {}), ...(p.group ? { group: true as const } : {}),
      },
      mentions: e.mentions,
    };
  });
  // As graphInput: one count per id, shared by an id named twice.
  const counts = new Map(records.map((r) => [r.record.id, r.mentions]));
  const end = (i: number): string => POOL[i]?.id ?? 'unknown';
  return {
    doc: id,
    entities: records.map((r) => r.record),
    entityMentions: records.map((r) => counts.get(r.record.id) ?? 0),
    facts: facts.map((f) => fact(id, end(f.source), f.relation, end(f.target), { negated: f.negated, start: f.start, ...(f.date ? { date: f.date } : {}) })),
  };
}));

/** The rules of README's graph section, stated over the whole input at once. */
function expectedGraph(inputs: readonly GraphInput[], known: ReadonlyMap<string, string>, minCount: number) {
  const words = (s: string): string[] => s.split(/\s+/);
  const ids = [...new Set(inputs.flatMap((d) => d.entities.map((e) => e.id)))];
  const occurrences = (id: string) => inputs.flatMap((d) => d.entities.flatMap((e, i) => (e.id === id ? [{ doc: d.doc, e, mentions: d.entityMentions[i] ?? 0 }] : [])));
  const info = new Map(ids.map((id) => {
    const seen = occurrences(id);
    const count = (label: string): number => seen.filter((o) => o.e.label === label).length;
    const labels = [...new Set(seen.map((o) => o.e.label))];
    const byRule = [...labels].sort((a, b) => words(b).length - words(a).length || count(b) - count(a) || (a < b ? -1 : 1));
    return [id, {
      label: known.get(id) || (byRule[0] ?? ''),
      labels,
      type: seen[0]?.e.entityType ?? 'other',
      aliases: seen.flatMap((o) => o.e.aliases),
      roles: seen.flatMap((o) => o.e.roles),
      mentions: seen.reduce((n, o) => n + o.mentions, 0),
      documents: seen.filter((o) => o.mentions > 0).map((o) => o.doc),
      wikidata: seen.map((o) => o.e.wikidata).filter((w) => w).pop(),
      group: seen.some((o) => o.e.group),
    }] as const;
  }));
  const persons = ids.filter((id) => info.get(id)?.type === 'person');
  const merges = new Map<string, string>();
  for (const id of persons) {
    const label = info.get(id)?.label ?? '';
    if (words(label).length !== 1) continue;
    const full = persons.filter((p) => { const w = words(info.get(p)?.label ?? ''); return w.length > 1 && (w[w.length - 1] ?? '').toLowerCase() === label.toLowerCase(); });
    if (full.length === 1 && full[0] !== id) merges.set(id, full[0] as string);
  }
  const canonical = (id: string): string => merges.get(id) ?? id;
  const kept = ids.filter((id) => !merges.has(id));
  const evidence = new Map<string, Set<string>>();
  for (const f of inputs.flatMap((d) => d.facts)) {
    let [s, t] = [canonical(f.source), canonical(f.target)];
    if (s === t || !kept.includes(s) || !kept.includes(t)) continue;
    if (SYMMETRIC_RELATIONS.has(f.relation) && t < s) [s, t] = [t, s];
    const key = edgeKey(s, f.relation, t, f.negated, f.hypothetical);
    evidence.set(key, (evidence.get(key) ?? new Set()).add(`${f.doc}|${f.start}|${f.trigger}|${f.rule}`));
  }
  const connected = new Set([...evidence].filter(([, e]) => e.size >= minCount).flatMap(([key]) => key.split('|').filter((_, i) => i === 0 || i === 2)));
  const nodes = new Map<string, unknown>();
  for (const id of [...kept].sort()) {
    const i = info.get(id);
    if (!i || (i.type === 'other' && !i.group && !connected.has(id))) continue;
    const from = [...merges].filter(([, to]) => to === id).map(([m]) => info.get(m)).filter((m) => m !== undefined);
    const aliases = new Set([...i.aliases, ...i.labels, ...from.flatMap((m) => [...m.labels, ...m.aliases])]);
    aliases.delete(i.label);
    nodes.set(id, {
      label: i.label, aliases: [...aliases].sort(), entityType: i.type, roles: [...new Set([...i.roles, ...from.flatMap((m) => m.roles)])].sort(),
      mentions: i.mentions + from.reduce((n, m) => n + m.mentions, 0), documents: new Set([...i.documents, ...from.flatMap((m) => m.documents)]).size,
      ...(i.wikidata ? { wikidata: i.wikidata } : {}), ...(i.group ? { group: true } : {}), x: 0, y: 0, size: 1, color: '#999999',
    });
  }
  return { nodes, merges };
}

describe('graph: property', () => {
  it('on random inputs, nodes, their attributes (in key order) and merges follow the rules', () => {
    let cases = 0;
    fc.assert(
      fc.property(randomInputs, fc.subarray(['russia', 'nato', 'lee', 'truce'], { maxLength: 2 }), fc.integer({ min: 1, max: 2 }), (inputs, fixed, minCount) => {
        cases++;
        const known = new Map(fixed.map((id) => [id, `Known ${id}`]));
        const { graph, merges } = build(inputs, known, { minCount });
        const expected = expectedGraph(inputs, known, minCount);
        assert.deepEqual([...merges], [...expected.merges]);
        assert.deepEqual(graph.nodes(), [...expected.nodes.keys()]);
        for (const [id, attributes] of expected.nodes) assert.equal(JSON.stringify(graph.getNodeAttributes(id)), JSON.stringify(attributes), id);
        for (const edge of graph.edges()) assert.ok(graph.getEdgeAttribute(edge, 'count') >= minCount);
      }),
      { numRuns: 1500 },
    );
    console.log(`      graph property: ${cases} generated cases`);
  });
});

describe('graph: finishing more than once (a resident watch adds documents to the same accumulator)', () => {
  it('finish() leaves the accumulator as it was: adding the rest and finishing again equals one pass over all', () => {
    let cases = 0;
    fc.assert(
      fc.property(randomInputs, fc.nat(), fc.subarray(['russia', 'lee'], { maxLength: 1 }), fc.integer({ min: 1, max: 2 }), (inputs, cut, fixed, minCount) => {
        cases++;
        const known = new Map(fixed.map((id) => [id, `Known ${id}`]));
        const split = cut % (inputs.length + 1);
        const accumulator = new GraphAccumulator(known, { minCount });
        inputs.slice(0, split).forEach((input) => accumulator.add(input));
        const before = accumulator.finish();
        const beforeText = JSON.stringify(before.export());
        assert.equal(JSON.stringify(accumulator.finish().export()), beforeText, 'a second finish() with nothing added');
        inputs.slice(split).forEach((input) => accumulator.add(input));
        const again = accumulator.finish();
        const once = build(inputs, known, { minCount });
        assert.equal(JSON.stringify(again.export()), JSON.stringify(once.graph.export()));
        assert.deepEqual([...accumulator.merges], [...once.merges]);
        assert.equal(JSON.stringify(before.export()), beforeText, 'the first graph is not changed by later adds');
      }),
      { numRuns: 800 },
    );
    console.log(`      finish-twice property: ${cases} generated cases`);
  });
});
