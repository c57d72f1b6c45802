// The curation file (src/graph/curation.ts): its format, and a build that applies it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, graphOfResults } from '../../src/pipeline';
import { CurationFormatError, combineMerges, emptyCuration, indexCuration, parseCuration, serializeCuration, type Curation } from '../../src/graph/curation';
import { readCurationFile } from '../../src/graph/curation-file';
import { InputError } from '../../src/errors';
import { extractText } from '../helpers/extract';

// Text written for this test.
const ARTICLES = [
  'George W Bush met Tony Blair in London on Monday. Bush urged Blair to send more troops.',
  'Tony Blair accused the Tories of scaremongering. Michael Howard rejected the claim.',
  'The Conservative Party backed Michael Howard. Charles Kennedy warned Tony Blair about the war.',
];

describe('curation file', function () {
  it('reads a curation object, an alias list, and names the first bad entry', function () {
    const ok = parseCuration({
      newsgraph: 'curation', version: 1, merges: [{ from: 'bush', into: 'george-w-bush' }], renames: [{ node: 'tory', label: 'Tories' }],
      types: [{ node: 'i-m', entityType: 'other' }], deletions: [{ node: 'i-m' }], edges: [{ edge: 'a|met|b', decision: 'reject' }],
      entities: [{ name: 'Conservative Party', entityType: 'organization', aliases: ['Tory', 'Tories'] }],
    });
    assert.equal(ok.merges[0]?.into, 'george-w-bush');
    assert.deepEqual(parseCuration([{ name: 'Volodymyr Zelenskyy', entityType: 'person', aliases: ['Zelensky'] }]).entities[0]?.aliases, ['Zelensky']);
    assert.deepEqual(parseCuration({ entities: [] }), emptyCuration());
    const bad: [unknown, RegExp][] = [
      [{ version: 2 }, /version 2 is not supported/],
      [{ merges: [{ from: 'a' }] }, /merges\[0\]: "into"/],
      [{ merges: [{ from: 'a', into: 'a' }] }, /into itself/],
      [{ types: [{ node: 'a', entityType: 'planet' }] }, /types\[0\]: entityType must be one of/],
      [{ edges: [{ edge: 'a|met|b', decision: 'maybe' }] }, /edges\[0\]: "decision"/],
      [{ deletions: 'a' }, /"deletions" must be an array/],
      ['text', /expected a JSON object/],
    ];
    for (const [raw, message] of bad) assert.throws(() => parseCuration(raw), (e: unknown) => e instanceof CurationFormatError && message.test(e.message));
  });

  it('round-trips through its serialised text, keys in a fixed order', function () {
    const c: Curation = { ...emptyCuration(), merges: [{ from: 'b', into: 'a' }], edges: [{ edge: 'x|met|y', decision: 'confirm' }] };
    const text = serializeCuration(c);
    assert.deepEqual(parseCuration(JSON.parse(text)), c);
    assert.deepEqual(Object.keys(JSON.parse(text) as object), ['newsgraph', 'version', 'entities', 'merges', 'renames', 'types', 'deletions', 'edges']);
  });

  it('a missing or broken file is an InputError naming the file', function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-curation-'));
    try {
      assert.throws(() => readCurationFile(path.join(dir, 'none.json')), (e: unknown) => e instanceof InputError && /none\.json: curation file not found/.test(e.message));
      fs.writeFileSync(path.join(dir, 'bad.json'), '{"merges": [{"from": "a"}]}');
      assert.throws(() => readCurationFile(path.join(dir, 'bad.json')), (e: unknown) => e instanceof InputError && /bad\.json: curation file: merges\[0\]/.test(e.message));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows merge chains through name merges; a loop stays unmerged; later entries win', function () {
    const c = indexCuration({ ...emptyCuration(), merges: [{ from: 'a', into: 'b' }, { from: 'b', into: 'c' }, { from: 'c', into: 'a' }, { from: 'x', into: 'y' }, { from: 'x', into: 'z' }] });
    assert.equal(c.mergedInto.get('a'), 'c');
    assert.equal(c.mergedInto.get('b'), 'c');
    assert.equal(c.mergedInto.has('c'), false, 'the entry closing the loop is dropped');
    assert.equal(c.mergedInto.get('x'), 'z');
    const known = (id: string): boolean => id !== 'ghost';
    // Names merge putin → vladimir-putin; the analyst merges vladimir-putin back into putin.
    const both = combineMerges(new Map([['putin', 'vladimir-putin']]), indexCuration({ ...emptyCuration(), merges: [{ from: 'vladimir-putin', into: 'putin' }, { from: 'q', into: 'ghost' }] }), known);
    assert.deepEqual([...both], [['vladimir-putin', 'putin']]);
  });

  it('applies merges, renames, types, deletions and edge decisions in the graph stage', function () {
    const results = ARTICLES.map((text, i) => extractText(text, `d${i}`));
    const plain = graphOfResults(results);
    assert.ok(plain.hasNode('tony-blair') && plain.hasNode('michael-howard'), `nodes: ${plain.nodes().join(' ')}`);
    const edge = plain.edges().find((e) => plain.source(e) === 'charles-kennedy' || plain.target(e) === 'charles-kennedy');
    assert.ok(edge, 'an edge of Charles Kennedy');
    const touches = (e: string, nodes: string[]): boolean => nodes.includes(plain.source(e)) || nodes.includes(plain.target(e));
    const confirm = plain.edges().find((e) => e !== edge && !touches(e, ['michael-howard', 'london']));
    assert.ok(confirm);
    const curated = graphOfResults(results, {
      curation: {
        ...emptyCuration(),
        merges: [{ from: 'michael-howard', into: 'tony-blair' }],
        renames: [{ node: 'tony-blair', label: 'Anthony Blair' }],
        types: [{ node: 'george-w-bush', entityType: 'organization' }],
        edges: [{ edge, decision: 'reject' }, { edge: confirm, decision: 'confirm' }],
        deletions: [{ node: 'london' }],
      },
    });
    assert.equal(curated.hasNode('michael-howard'), false);
    const blair = curated.getNodeAttributes('tony-blair');
    assert.equal(blair.label, 'Anthony Blair');
    assert.ok(blair.aliases.includes('Michael Howard') && blair.aliases.includes('Tony Blair'), blair.aliases.join(', '));
    assert.equal(blair.mentions, plain.getNodeAttribute('tony-blair', 'mentions') + plain.getNodeAttribute('michael-howard', 'mentions'));
    assert.equal(curated.getNodeAttribute('george-w-bush', 'entityType'), 'organization');
    assert.equal(curated.hasNode('london'), false);
    assert.equal(curated.hasEdge(edge), false, 'the rejected edge is gone');
    const confirmedKey = curated.edges().find((e) => curated.getEdgeAttribute(e, 'confirmed') === true);
    assert.ok(confirmedKey !== undefined, 'the confirmed edge is marked');
    // Howard's edges now start or end at Blair.
    for (const e of plain.edges()) {
      if (plain.source(e) !== 'michael-howard' && plain.target(e) !== 'michael-howard') continue;
      const s = plain.source(e) === 'michael-howard' ? 'tony-blair' : plain.source(e);
      const t = plain.target(e) === 'michael-howard' ? 'tony-blair' : plain.target(e);
      if (s !== t) assert.ok(curated.edges(s, t).length + curated.edges(t, s).length > 0, `${e} re-keyed`);
    }
  });

  it('a curated build equals a build with its aliases applied; --update with it equals a full build', async function () {
    this.timeout(240000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-curated-build-'));
    try {
      const corpus = path.join(dir, 'corpus');
      fs.mkdirSync(corpus);
      ARTICLES.forEach((text, i) => fs.writeFileSync(path.join(corpus, `a${i}.txt`), `${text}\n`));
      const entities = [{ name: 'Conservative Party', entityType: 'organization' as const, aliases: ['the Tories', 'Tories'] }];
      const hooks = { onWarning: () => undefined };
      await build([corpus], { out: path.join(dir, 'aliases'), jobs: 1, aliases: entities }, hooks);
      await build([corpus], { out: path.join(dir, 'curated'), jobs: 1, curation: { ...emptyCuration(), entities } }, hooks);
      const read = (name: string): string => fs.readFileSync(path.join(dir, name, 'graph.json'), 'utf8');
      assert.equal(read('curated'), read('aliases'));
      assert.ok(JSON.parse(read('curated')).nodes.some((n: { key: string }) => n.key === 'conservative-party'));

      // With graph-stage decisions: a full build, and an update that adds the last article, agree.
      const curation: Curation = { ...emptyCuration(), entities, merges: [{ from: 'michael-howard', into: 'conservative-party' }] };
      await build([corpus], { out: path.join(dir, 'full'), jobs: 1, curation }, hooks);
      const firstTwo = path.join(dir, 'first-two');
      fs.mkdirSync(firstTwo);
      for (const f of ['a0.txt', 'a1.txt']) fs.copyFileSync(path.join(corpus, f), path.join(firstTwo, f));
      await build([firstTwo], { out: path.join(dir, 'updated'), jobs: 1, curation }, hooks);
      await build([corpus], { out: path.join(dir, 'updated'), jobs: 1, curation }, hooks);
      const full = read('full');
      assert.ok(!full.includes('"key":"michael-howard"'));
      assert.equal(read('updated'), full);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
