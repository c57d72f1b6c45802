// The CAMEO verb dictionary as the tree reader sees it: one verb (lemma, particle, object heads,
// obliques) → CAMEO code, our relation and where the target sits. Rows are tables of VerbUse, written
// for these tests; no sentences. The data checks and make-cameo determinism need no sentences either.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cameoCode, cameoOverrideIds, cameoPatternIds, matchCameo, nounKey, type VerbUse } from '../src/relations/cameo';
import { RELATIONS } from '../src/types';
import verbsData from '../src/relations/data/cameo-verbs.json';
import scaleData from '../src/relations/data/cameo-scale.json';
import codesData from '../src/relations/data/cameo-codes.json';

const repoRoot = path.resolve(__dirname, '..');

/** A verb use from a short notation: lemma, particle, objects, [prep, head] obliques. */
function use(lemma: string, objects: readonly string[] = [], obliques: readonly (readonly [string, string])[] = [], particle?: string): VerbUse {
  return { lemma, particle, objects, obliques: obliques.map(([prep, head]) => ({ prep, head })) };
}

type Expect = { code: string; relation: string; target: 'object' | string; reverse?: boolean } | undefined;
type Row = readonly [what: string, use: VerbUse, expected: Expect];

const ROWS: readonly Row[] = [
  // ---- light verbs: the noun names the act, the target follows a preposition
  ['imposed sanctions on X', use('impose', ['sanctions'], [['on', 'moscow']]), { code: '163', relation: 'sanctioned', target: 'on' }],
  ['slapped sanctions on X', use('slap', ['sanctions'], [['on', 'tehran']]), { code: '163', relation: 'sanctioned', target: 'on' }],
  ['imposed sanctions against X (singular head)', use('impose', ['sanction'], [['against', 'minsk']]), { code: '163', relation: 'sanctioned', target: 'against' }],
  ['suspended aid to X', use('suspend', ['aid'], [['to', 'niamey']]), { code: '162', relation: 'sanctioned', target: 'to' }],
  ['held talks with X', use('hold', ['talks'], [['with', 'beijing']]), { code: '046', relation: 'met', target: 'with' }],
  ['held talks with X on Monday: "with" before "on"', use('hold', ['talks'], [['on', 'monday'], ['with', 'beijing']]), { code: '046', relation: 'met', target: 'with' }],
  ['struck a deal with X', use('strike', ['deal'], [['with', 'rebels']]), { code: '057', relation: 'promised', target: 'with' }],
  ['"struck" as the caller\'s lemma: the irregular form', use('struck', ['deal'], [['with', 'rebels']]), { code: '057', relation: 'promised', target: 'with' }],
  ['signed an agreement with X', use('sign', ['agreement'], [['with', 'cairo']]), { code: '057', relation: 'promised', target: 'with' }],
  ['carried out strikes on X', use('carry', ['strikes'], [['on', 'gaza']], 'out'), { code: '195', relation: 'attacked', target: 'on' }],
  ['launched an attack on X', use('launch', ['attack'], [['on', 'kyiv']]), { code: '190', relation: 'attacked', target: 'on' }],
  ['cut ties with X', use('cut', ['ties'], [['with', 'israel']]), { code: '160', relation: 'sanctioned', target: 'with' }],
  ['pledged aid to X: promised, not given ("{HUMANITARIAN AID}" reduced to "aid" keeps the parent 033)', use('pledge', ['aid'], [['to', 'kyiv']]), { code: '033', relation: 'promised', target: 'to' }],
  ['offered aid to X', use('offer', ['aid'], [['to', 'ankara']]), { code: '033', relation: 'promised', target: 'to' }],
  // ---- appeals and demands
  ['called on X ("on" as case)', use('call', [], [['on', 'israel']]), { code: '020', relation: 'urged', target: 'on' }],
  ['called on X ("on" as particle, X the object)', use('call', ['israel'], [], 'on'), { code: '020', relation: 'urged', target: 'object' }],
  ['demanded X (alone)', use('demand', ['tehran']), { code: '100', relation: 'urged', target: 'object' }],
  ['demanded the release (of …): the finer code', use('demand', ['release']), { code: '1053', relation: 'urged', target: 'object' }],
  ['asked X for aid', use('ask', ['brussels'], [['for', 'aid']]), { code: '023', relation: 'urged', target: 'object' }],
  // ---- meetings, words, force
  ['met with X', use('meet', [], [['with', 'zelensky']]), { code: '040', relation: 'met', target: 'with' }],
  ['met X', use('meet', ['zelensky']), { code: '040', relation: 'met', target: 'object' }],
  ['visited X', use('visit', ['china']), { code: '042', relation: 'met', target: 'object' }],
  ['lashed out at X', use('lash', [], [['at', 'critics']], 'out'), { code: '111', relation: 'accused', target: 'at' }],
  ['accused X of crimes: accuse keeps its own sense (112), not the conviction code', use('accuse', ['russia'], [['of', 'crimes']]), { code: '112', relation: 'accused', target: 'object' }],
  ['threatened X', use('threaten', ['seoul']), { code: '130', relation: 'warned', target: 'object' }],
  ['praised X', use('praise', ['biden']), { code: '051', relation: 'supported', target: 'object' }],
  ['attacked X', use('attack', ['ukraine']), { code: '190', relation: 'attacked', target: 'object' }],
  ['retaliated against X', use('retaliate', [], [['against', 'beijing']]), { code: '190', relation: 'attacked', target: 'against' }],
  ['recalled its ambassador: the actor noun is the target', use('recall', ['ambassador'], [['from', 'paris']]), { code: '161', relation: 'sanctioned', target: 'object' }],
  // ---- reciprocal-only codes: the other end is the source
  ['received support from X', use('receive', ['support'], [['from', 'france']]), { code: '051', relation: 'supported', target: 'from', reverse: true }],
  ['came under fire from X', use('come', [], [['under', 'fire'], ['from', 'critics']]), { code: '111', relation: 'accused', target: 'from', reverse: true }],
  // ---- relation overrides (cameo-codes.json "patterns")
  ['offered X (alone): an offer, not a promise', use('offer', ['china']), { code: '030', relation: 'proposed', target: 'object' }],
  ['agreed with X: the agree-with frame\'s relation', use('agree', [], [['with', 'paris']]), { code: '030', relation: 'supported', target: 'with' }],
  // ---- no relation: null-mapped codes, blocking patterns, idioms, unknown verbs
  ['said X: statements map to no relation', use('say', ['nothing']), undefined],
  ['investigated X: 09x is null', use('investigate', ['company']), undefined],
  ['staged a protest: 14x is null', use('stage', ['protest']), undefined],
  ['imposed taxes: a blocking pattern ("---"), no fallback to "impose" alone', use('impose', ['taxes'], [['on', 'imports']]), undefined],
  ['called X (naming): overridden to none', use('call', ['it']), undefined],
  ['expected X to …: a wish, overridden to none', use('expect', ['washington']), undefined],
  ['went to X: an idiom, overridden to none', use('go', [], [['to', 'polls']]), undefined],
  ['lash without its particle is another verb (and none of ours)', use('lash', ['critics']), undefined],
  ['a particle no pattern has', use('meet', [], [['with', 'x']], 'up'), undefined],
  ['unknown verb', use('frobnicate', ['x']), undefined],
  ['empty lemma', use('', ['x']), undefined],
];

describe('relations: CAMEO verb patterns', () => {
  for (const [what, u, expected] of ROWS) {
    it(what, () => {
      const m = matchCameo(u);
      if (!expected) { assert.equal(m, undefined, JSON.stringify(m)); return; }
      assert.ok(m, 'no match');
      assert.equal(m.code, expected.code, m.pattern);
      assert.equal(m.relation, expected.relation, m.pattern);
      assert.deepEqual(m.target, expected.target === 'object' ? { kind: 'object' } : { kind: 'prep', prep: expected.target }, m.pattern);
      assert.equal(m.reverse, expected.reverse ?? false, m.pattern);
      assert.ok(m.pattern.startsWith(`cameo:`), m.pattern);
      const info = cameoCode(m.code);
      assert.ok(info);
      assert.equal(m.goldstein, info.goldstein);
      assert.equal(m.label, info.label);
    });
  }

  it('keeps paired codes: a visit codes the host\'s side as the reciprocal', () => {
    const m = matchCameo(use('visit', ['china']));
    assert.equal(m?.reciprocal, '043');
  });

  it('names the pattern for evidence, with the preposition the target was found after', () => {
    assert.equal(matchCameo(use('impose', ['sanctions'], [['on', 'x']]))?.pattern, 'cameo:impose-sanction-on');
    assert.equal(matchCameo(use('hold', ['talks'], [['with', 'x']]))?.pattern, 'cameo:hold-talk-with');
  });

  it('reads singular and plural heads alike', () => {
    for (const [a, b] of [['sanctions', 'sanction'], ['talks', 'talk'], ['rallies', 'rally'], ['taxes', 'tax'], ['crisis', 'crisis']] as const) assert.equal(nounKey(a), nounKey(b));
    assert.equal(matchCameo(use('hold', ['talk'], [['with', 'x']]))?.code, matchCameo(use('hold', ['talks'], [['with', 'x']]))?.code);
  });

  it('gives label, Goldstein score and relation per code', () => {
    assert.deepEqual(cameoCode('0231'), { relation: 'urged', goldstein: 3.4, label: 'Appeal for economic aid' });
    assert.deepEqual(cameoCode('163'), { relation: 'sanctioned', goldstein: -8, label: 'Impose embargo, boycott, or sanctions' });
    assert.equal(cameoCode('1711')?.relation, 'sanctioned', 'a four-digit row overrides its family');
    assert.equal(cameoCode('1712')?.relation, 'attacked');
    assert.equal(cameoCode('1213')?.goldstein, -4, 'a code the scale lacks takes its parent\'s score');
    assert.equal(cameoCode('010')?.relation, null);
    assert.equal(cameoCode('999'), undefined);
  });

  it('matches fast once loaded', () => {
    const uses = [use('impose', ['sanctions'], [['on', 'x']]), use('say', [], [['to', 'x']]), use('fight', ['war'], [['against', 'x']]), use('zzz')];
    matchCameo(uses[0]!);
    const start = process.hrtime.bigint();
    for (let i = 0; i < 20000; i++) matchCameo(uses[i % uses.length]!);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(ms < 2000, `20,000 matches took ${ms.toFixed(0)} ms`);
  });
});

describe('relations: CAMEO data files', () => {
  type Pattern = { code: string; reciprocal?: string; objects?: string[]; preps?: { prep: string; heads?: string[] }[] };
  const verbs = verbsData.verbs as Record<string, (Pattern & { block: string })[]>;
  const blocks = verbsData.blocks as Record<string, { patterns: Pattern[] }>;
  const all: Pattern[] = [...Object.values(verbs).flat(), ...Object.values(blocks).flatMap((b) => b.patterns)];

  it('states licence and source', () => {
    assert.match(verbsData.license, /MIT/);
    assert.match(verbsData.source, /petrarch2 at commit [0-9a-f]{40}/);
    const readme = fs.readFileSync(path.join(repoRoot, 'src/relations/data/README.md'), 'utf8');
    assert.match(readme, /MIT/);
    assert.match(readme, /make-cameo\.mjs/);
  });

  it('maps every code the patterns use to a row of cameo-codes.json (relation or null, with a reason)', () => {
    const rows = new Map((codesData.codes as { code: string; relation: string | null; reason: string }[]).map((r) => [r.code, r]));
    for (const p of all) for (const code of [p.code, p.reciprocal].filter((c): c is string => Boolean(c) && c !== '---')) {
      const row = rows.get(code.slice(0, 3)) ?? rows.get(code.slice(0, 2));
      assert.ok(row, `no row for ${code}`);
      assert.ok(cameoCode(code), `no label or score for ${code}`);
    }
    for (const r of rows.values()) {
      assert.ok(r.relation === null || (RELATIONS as readonly string[]).includes(r.relation), r.code);
      assert.ok(r.reason.length > 10, r.code);
    }
  });

  it('repeats the derived Goldstein score and label in each hand-written row', () => {
    const scale = scaleData.codes as Record<string, { label: string | null; goldstein: number | null } | undefined>;
    for (const r of codesData.codes as { code: string; label: string; goldstein: number }[]) {
      assert.equal(r.goldstein, scale[r.code]?.goldstein, r.code);
      if (scale[r.code]?.label) assert.equal(r.label, scale[r.code]?.label, r.code);
    }
  });

  it('overrides only patterns that exist, each with a reason', () => {
    const ids = new Set([...cameoPatternIds().values()].flat());
    for (const id of cameoOverrideIds()) assert.ok(ids.has(id), `override of no pattern: ${id}`);
    for (const r of codesData.patterns as { reason: string }[]) assert.ok(r.reason.length > 10);
  });

  it('stores heads as noun keys, so that matching normalises one side only', () => {
    for (const p of all) for (const h of [...(p.objects ?? []), ...(p.preps ?? []).flatMap((q) => q.heads ?? [])]) assert.equal(nounKey(h), h);
  });

  const verbFile = path.resolve(repoRoot, '../shared/lexicons/petrarch2/CAMEO.2.0.txt');
  (fs.existsSync(verbFile) ? it : it.skip)('make-cameo is deterministic and the shipped files are its output (needs ../shared)', function () {
    this.timeout(120000);
    const script = `import { render } from ${JSON.stringify(path.join(repoRoot, 'scripts/make-cameo.mjs'))};
      const a = render(); const b = render();
      const same = ['cameo-verbs.json', 'cameo-scale.json'].every((n) => a[n] === b[n]);
      process.stdout.write(JSON.stringify({ same, verbs: a['cameo-verbs.json'], scale: a['cameo-scale.json'] }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, maxBuffer: 64 << 20 }).toString()) as { same: boolean; verbs: string; scale: string };
    assert.ok(out.same, 'two runs differ');
    assert.equal(out.verbs, fs.readFileSync(path.join(repoRoot, 'src/relations/data/cameo-verbs.json'), 'utf8'), 'cameo-verbs.json is stale: rerun node scripts/make-cameo.mjs');
    assert.equal(out.scale, fs.readFileSync(path.join(repoRoot, 'src/relations/data/cameo-scale.json'), 'utf8'), 'cameo-scale.json is stale');
  });
});
