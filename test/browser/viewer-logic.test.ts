// The viewer's pure modules (no DOM): URL hash, filters, sentence marking, search ranking, graph
// loading, communities, the timeline, and reading and paging the archive's replies.
import { strict as assert } from 'node:assert';
import { archiveEvidence, searchWords, sentenceHit, type Archive, type ArchiveEvidence, type EvidencePage } from '../../viewer/src/archive';
import { communityPalette, COMMUNITY_COLORS, OTHER_COMMUNITY_COLOR } from '../../viewer/src/communities';
import { buildGraph, readEvidence } from '../../viewer/src/data';
import { EvidenceFeed } from '../../viewer/src/evidence';
import { defaultFilters, edgePasses, nodePasses } from '../../viewer/src/filters';
import { decodeHash, encodeHash } from '../../viewer/src/hash';
import { segmentSentence } from '../../viewer/src/highlight';
import { hitTarget, makeEntry, search } from '../../viewer/src/search';
import { buildTimeline, dayNumber, isoDay } from '../../viewer/src/timeline';
import type { VEdge, VNode } from '../../viewer/src/types';
import { graphVersion, watchGraphVersion } from '../../viewer/src/updates';

const edge = (over: Partial<VEdge>): VEdge => ({
  relation: 'urged', label: 'urged', negated: false, hypothetical: false, count: 1, weight: 1, evidence: [],
  cameo: '020', goldstein: 3, color: '#000000', size: 1, ...over,
});

describe('viewer logic', function () {
  it('round-trips the view through the URL hash', function () {
    const filters = defaultFilters();
    filters.hiddenRelations.add('met').add('urged');
    filters.hiddenTypes.add('other');
    filters.minCount = 2;
    filters.hideNegated = true;
    filters.from = '2025-03-01';
    filters.to = '2025-03-31';
    filters.showIsolated = true;
    filters.top = 600;
    const view = {
      node: null, edge: 'trump|urged|putin|negated', filters, colorBy: 'community' as const, camera: { x: 0.25, y: 0.5, ratio: 0.8, angle: 0 },
      hops: 2 as const, path: ['trump', 'putin'] as const,
    };
    const hash = encodeHash(view);
    assert.equal(
      hash,
      'edge=trump%7Curged%7Cputin%7Cnegated&hiderel=located_in%2Cmet%2Curged&hidetype=other&min=2&noneg=1&from=2025-03-01&to=2025-03-31&isolated=1&top=600&color=community&hops=2&path=trump%2Cputin&cam=0.25%2C0.5%2C0.8',
    );
    assert.deepEqual(decodeHash(`#${hash}`), view);
    assert.equal(encodeHash(decodeHash('')), '');
    assert.equal(decodeHash('#color=rainbow').colorBy, 'type');
    // located_in is off by default; a link that shows every kind says so with an empty list.
    assert.deepEqual([...decodeHash('').filters.hiddenRelations], ['located_in']);
    const all = defaultFilters();
    all.hiddenRelations.clear();
    all.top = 0;
    const allHash = encodeHash({ ...decodeHash(''), filters: all });
    assert.equal(allHash, 'hiderel=&top=all');
    assert.deepEqual([...decodeHash(`#${allHash}`).filters.hiddenRelations], []);
    assert.equal(decodeHash(`#${allHash}`).filters.top, 0);
  });

  it('ignores malformed hash values', function () {
    const v = decodeHash('#min=abc&from=yesterday&cam=1,2&node=');
    assert.equal(v.filters.minCount, 1);
    assert.equal(v.filters.from, null);
    assert.equal(v.camera, null);
    assert.equal(v.node, null);
    assert.equal(decodeHash('#cam=0.5,0.5,-1').camera, null);
  });

  it('filters edges by kind, count, flags and overlapping dates; undated edges stay', function () {
    const f = defaultFilters();
    f.from = '2025-03-15';
    f.to = '2025-03-20';
    assert.equal(edgePasses(edge({ firstSeen: '2025-03-10', lastSeen: '2025-03-16' }), f), true);
    assert.equal(edgePasses(edge({ firstSeen: '2025-03-10', lastSeen: '2025-03-14' }), f), false);
    assert.equal(edgePasses(edge({ firstSeen: '2025-03-21' }), f), false);
    assert.equal(edgePasses(edge({}), f), true);
    const g = defaultFilters();
    g.minCount = 2;
    assert.equal(edgePasses(edge({ count: 1 }), g), false);
    g.minCount = 1;
    g.hideHypothetical = true;
    assert.equal(edgePasses(edge({ hypothetical: true }), g), false);
    g.hiddenRelations.add('urged');
    assert.equal(edgePasses(edge({}), g), false);
    g.hiddenTypes.add('person');
    assert.equal(nodePasses({ entityType: 'person' } as VNode, g), false);
  });

  it('marks the trigger and both actors in a sentence', function () {
    const segs = segmentSentence('President Trump again urged Vladimir Putin, not Putinism.', [
      { kind: 'trigger', terms: ['urge'] },
      { kind: 'source', terms: ['Donald Trump', 'Trump', 'President Trump'] },
      { kind: 'target', terms: ['Vladimir Putin', 'Putin'] },
    ]);
    assert.deepEqual(
      segs.filter((s) => s.kind !== null).map((s) => [s.kind, s.text]),
      [['source', 'President Trump'], ['trigger', 'urged'], ['target', 'Vladimir Putin']],
    );
    assert.equal(segs.map((s) => s.text).join(''), 'President Trump again urged Vladimir Putin, not Putinism.');
    const odd = segmentSentence('a (b) [c] $d$ a.b', [{ kind: 'source', terms: ['(b)', '[c]', '$d$', 'a.b', ''] }]);
    assert.deepEqual(odd.filter((s) => s.kind).map((s) => s.text), ['(b)', '[c]', '$d$', 'a.b']);
  });

  it('ranks label and alias matches, accent- and case-insensitive', function () {
    const entries = [
      makeEntry('putin', 'Vladimir Putin', ['Putin'], 'person', 14),
      makeEntry('zelenskyy', 'Volodymyr Zelenskyy', ['Zelensky', 'Zelenskiy'], 'person', 8),
      makeEntry('peskov', 'Dmitry Peskov', ['Peskov'], 'person', 3),
      makeEntry('eu', 'European Union', ['EU', 'Brüssel'], 'organization', 3),
    ];
    assert.deepEqual(search(entries, 'putin').map((r) => [r.node, r.alias]), [['putin', 'Putin']]);
    assert.deepEqual(search(entries, 'zelensk').map((r) => [r.node, r.alias]), [['zelenskyy', 'Zelensky']]);
    assert.deepEqual(search(entries, 'BRUSSEL').map((r) => r.node), ['eu']);
    assert.deepEqual(search(entries, 'v').map((r) => r.node), ['putin', 'zelenskyy', 'peskov']);
    assert.deepEqual(search(entries, '   '), []);
  });

  it('loads graph.json in place: invalid fields get defaults, refused entries are skipped', function () {
    const g = buildGraph({
      attributes: { documentCount: 'two', sources: [{ id: 'd1', title: 'T', url: 5 }, { title: 'no id' }] },
      nodes: [
        { key: 'a', attributes: { label: 'A', entityType: 'person', aliases: ['Ay', 3], x: 1, y: 2, size: 3, community: 1 } },
        { key: 'b', attributes: { entityType: 'spaceship', x: 'left', mentions: -1, community: 1.5 } },
        { key: 'a', attributes: { label: 'duplicate' } },
      ],
      edges: [
        { key: 'a|met|b', source: 'a', target: 'b', attributes: { relation: 'met', evidence: [{ sentence: 'A met B.', trigger: 'met', start: 'x' }, 'junk'], firstSeen: 20250311 } },
        { key: 'a|met|b', source: 'a', target: 'b', attributes: { relation: 'met' } },
        { source: 'a', target: 'ghost', attributes: {} },
        { source: 'b', target: 'a', attributes: { label: 'warned', evidence: 'none' } },
      ],
    });
    assert.equal(g.order, 2);
    assert.deepEqual(g.getNodeAttributes('a'), { label: 'A', entityType: 'person', aliases: ['Ay'], roles: [], mentions: 0, documents: 0, x: 1, y: 2, size: 3, color: '#888888', community: 1 });
    const b = g.getNodeAttributes('b');
    assert.deepEqual([b.label, b.entityType, b.mentions, b.community, Number.isFinite(b.x) && Number.isFinite(b.y)], ['b', 'other', -1, undefined, true]);
    assert.deepEqual(g.edges(), ['a|met|b', 'b|warned|a#3']);
    const e = g.getEdgeAttributes('a|met|b');
    assert.deepEqual([e.count, e.goldstein, e.firstSeen, e.evidence.length], [2, 0, undefined, 2]);
    assert.deepEqual(readEvidence(e.evidence), [{ doc: '', sentence: 'A met B.', start: 0, end: 0, trigger: 'met', rule: '' }]);
    assert.deepEqual(g.getEdgeAttributes('b|warned|a#3').evidence, []);
    assert.deepEqual(g.getAttributes(), { generator: 'newsgraph', version: '', documentCount: 1, sources: [{ id: 'd1', title: 'T' }] });
    assert.throws(() => buildGraph({ nodes: {} }), /"nodes" and "edges" arrays/);
    assert.throws(() => buildGraph({ nodes: [{ attributes: {} }], edges: [] }), /node 0 has no key/);
  });

  it('colours the largest communities, named after their most mentioned member', function () {
    const nodes = [];
    // Community sizes 3, 1, 2 and twelve more of size 1; one node without a community.
    for (const [key, community, mentions] of [['a', 7, 1], ['b', 7, 9], ['c', 7, 9], ['d', 2, 5], ['e', 4, 1], ['f', 4, 2]] as const) {
      nodes.push({ key, attributes: { label: key.toUpperCase(), community, mentions } });
    }
    for (let i = 0; i < 12; i++) nodes.push({ key: `z${i}`, attributes: { label: `Z${i}`, community: 100 + i } });
    nodes.push({ key: 'lone', attributes: { label: 'Lone' } });
    const palette = communityPalette(buildGraph({ nodes, edges: [] }));
    assert.deepEqual(palette.groups.slice(0, 3).map((g) => [g.community, g.size, g.label]), [[7, 3, 'B'], [4, 2, 'F'], [2, 1, 'D']]);
    assert.equal(palette.groups.length, 15);
    assert.equal(palette.unassigned, 1);
    assert.equal(palette.color(7), COMMUNITY_COLORS[0]);
    assert.equal(palette.color(4), COMMUNITY_COLORS[1]);
    // Ten colours: the eleventh community and after share the grey, as do unknown ones.
    assert.equal(palette.groups.filter((g) => g.color !== OTHER_COMMUNITY_COLOR).length, COMMUNITY_COLORS.length);
    assert.equal(palette.color(111), OTHER_COMMUNITY_COLOR);
    assert.equal(palette.color(undefined), OTHER_COMMUNITY_COLOR);
  });

  it('builds the timeline over firstSeen/lastSeen, a bar a day or wider bars for long spans', function () {
    assert.equal(dayNumber('2025-03-11'), Date.UTC(2025, 2, 11) / 86400000);
    assert.equal(dayNumber('2025-03-11T23:59:00Z'), dayNumber('2025-03-11'));
    assert.equal(dayNumber('March'), null);
    assert.equal(isoDay(dayNumber('2024-02-29') ?? 0), '2024-02-29');
    const t = buildTimeline([['2025-03-11', '2025-03-13'], ['2025-03-13', undefined], [undefined, '2025-03-15'], [undefined, undefined], ['soon', 'later']]);
    assert.ok(t);
    assert.deepEqual([isoDay(t.first), isoDay(t.last), t.bucketDays, t.counts], ['2025-03-11', '2025-03-15', 1, [1, 0, 1, 0, 1]]);
    assert.equal(buildTimeline([[undefined, undefined]]), null);
    const year = buildTimeline([['2025-01-01', undefined], ['2025-12-31', undefined]], 52);
    assert.ok(year);
    assert.equal(year.bucketDays, 8);
    assert.equal(year.counts.length, 46);
    assert.deepEqual([year.counts[0], year.counts[45]], [1, 1]);
  });
  it('reads evidence antecedents from graph.json and the archive, keeping only well-formed spans', function () {
    const putin = { start: 0, end: 14, text: 'Vladimir Putin' };
    const base = { doc: 'd', sentence: 'He met Macron.', start: 20, end: 34, trigger: 'met', rule: 'r' };
    assert.deepEqual(readEvidence([{ ...base, antecedents: { source: putin } }]), [{ ...base, antecedents: { source: putin } }]);
    assert.deepEqual(archiveEvidence({ ...base, antecedents: { target: { ...putin, extra: 1 } } }), { ...base, antecedents: { target: putin } });
    // A span that is not one (negative, reversed, text missing) is dropped; without any left, no antecedents at all.
    const junk = [{ source: { start: -1, end: 3, text: 'x' } }, { source: { start: 5, end: 2, text: 'x' } }, { target: { start: 0, end: 1 } }, 'he', [putin], null];
    for (const antecedents of junk) {
      assert.deepEqual(readEvidence([{ ...base, antecedents }]), [base], JSON.stringify(antecedents));
      assert.deepEqual(archiveEvidence({ ...base, antecedents }), base, JSON.stringify(antecedents));
    }
    assert.deepEqual(readEvidence([{ ...base, antecedents: { source: putin, target: { start: 1.5, end: 2, text: 'x' } } }]), [{ ...base, antecedents: { source: putin } }]);
  });

  it('reads archive replies field by field: junk fields dropped, items without text refused', function () {
    const full: ArchiveEvidence = { doc: 'd', title: 'T', date: '2025-04-01', url: 'https://example.org/', sentence: 'A met B.', start: 3, end: 11, trigger: 'met', rule: 'frame:meet', reportedBy: 'c' };
    assert.deepEqual(archiveEvidence({ ...full }), full);
    assert.deepEqual(archiveEvidence({ doc: 'd', sentence: 'S.', start: -1, end: 'x', title: 5, trigger: ['met'], extra: 1 }), { doc: 'd', sentence: 'S.', start: 0, end: 0, trigger: '', rule: '' });
    assert.equal(archiveEvidence({ doc: 'd' }), null);
    assert.equal(archiveEvidence({ sentence: 'S.' }), null);
    assert.deepEqual(sentenceHit({ doc: 'd', sentence: 'S.', start: 0, end: 2, edges: ['a|met|b', 7, null] }), { doc: 'd', sentence: 'S.', start: 0, end: 2, edges: ['a|met|b'] });
    assert.deepEqual(sentenceHit({ doc: 'd', sentence: 'S.', edges: 'a|met|b' })?.edges, []);
    assert.deepEqual(searchWords('  "Putin" OR cease-fire*, día '), ['Putin', 'OR', 'cease', 'fire', 'día']);
    assert.deepEqual(searchWords('<<< >>>'), []);
  });

  it('marks the words of a search, whole words only', function () {
    const segs = segmentSentence('The lighthouse, not the Lighthouses, lit the LIGHTHOUSE.', [{ kind: 'match', terms: searchWords('lighthouse') }]);
    assert.deepEqual(segs.filter((s) => s.kind === 'match').map((s) => s.text), ['lighthouse', 'LIGHTHOUSE']);
  });

  it('picks what a sentence hit selects: its first edge in the graph, else an actor of its edges', function () {
    const graph = { hasEdge: (k: string) => k === 'a|met|b', hasNode: (k: string) => k === 'a' || k === 'b' || k === 'c' };
    assert.deepEqual(hitTarget(['x|met|y', 'a|met|b'], graph), { edge: 'a|met|b' });
    assert.deepEqual(hitTarget(['x|urged|c|negated'], graph), { node: 'c' });
    assert.deepEqual(hitTarget(['x|urged|y', '|met|'], graph), null);
    assert.deepEqual(hitTarget([], graph), null);
  });

  it('pages an edge through the archive after the sentences graph.json holds, each page once', async function () {
    const all = Array.from({ length: 7 }, (_, i): ArchiveEvidence => ({ doc: `d${i}`, sentence: `S${i}.`, start: 0, end: 3, trigger: 'met', rule: 'r' }));
    const asked: Array<[string, number, number]> = [];
    let fail = false;
    let claimed = all.length;
    const archive: Archive = {
      evidence(edge, offset, limit): Promise<EvidencePage> {
        asked.push([edge, offset, limit]);
        if (fail) return Promise.reject(new Error('HTTP 500: store query failed'));
        return Promise.resolve({ total: claimed, offset, evidence: all.slice(offset, offset + limit) });
      },
      search: () => Promise.resolve([]),
    };
    const feed = new EvidenceFeed(archive, 3);
    const entry = feed.entry('a|met|b', 2, 7);
    assert.equal(EvidenceFeed.hasMore(entry), true);
    // Two panels asking at once share one request.
    const first = feed.more(entry);
    assert.equal(feed.more(entry), first);
    await first;
    assert.deepEqual(entry.items.map((e) => e.doc), ['d2', 'd3', 'd4']);
    fail = true;
    await feed.more(entry);
    assert.match(entry.error ?? '', /HTTP 500/);
    assert.equal(entry.items.length, 3);
    fail = false;
    await feed.more(entry);
    assert.equal(entry.error, null);
    assert.deepEqual(entry.items.map((e) => e.doc), ['d2', 'd3', 'd4', 'd5', 'd6']);
    assert.equal(EvidenceFeed.hasMore(entry), false);
    assert.deepEqual(asked, [['a|met|b', 2, 3], ['a|met|b', 5, 3], ['a|met|b', 5, 3]]);
    // The same edge later: the same entry, nothing asked again.
    assert.equal(feed.entry('a|met|b', 2, 7), entry);
    // The archive's total wins over the graph's count once a page has said it.
    const other = feed.entry('c|met|d', 0, 40);
    await feed.more(other);
    assert.deepEqual([other.total, EvidenceFeed.hasMore(other)], [7, true]);
    // A total the pages do not reach (a store rebuilt under the viewer) ends at the first empty page.
    claimed = 9;
    await feed.more(other);
    await feed.more(other);
    assert.deepEqual([other.items.length, other.total, EvidenceFeed.hasMore(other)], [7, 9, true]);
    await feed.more(other);
    assert.deepEqual([other.items.length, other.total, EvidenceFeed.hasMore(other)], [7, 7, false]);
  });

  it('watches graph.json for a new version: asks only while visible, retries failures, tells once', async function () {
    const versions = ['W/"1"', 'W/"1"', 'fail', 'W/"1"', 'W/"2"', 'W/"3"'];
    const asked: string[] = [];
    let visible = false;
    let changes = 0;
    const fetchFn = (url: string, init?: RequestInit): Promise<Response> => {
      asked.push(`${init?.method ?? 'GET'} ${url}`);
      const v = versions.shift() ?? 'W/"3"';
      return v === 'fail' ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(new Response(null, { headers: { ETag: v } }));
    };
    const stop = watchGraphVersion('http://x/graph.json', 'W/"1"', () => changes++, { interval: 5, fetchFn, visible: () => visible });
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.deepEqual(asked, [], 'a hidden tab asks nothing');
    visible = true;
    for (let i = 0; i < 100 && changes === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(changes, 1);
    assert.deepEqual(asked, Array(5).fill('HEAD http://x/graph.json'), 'same, same, a failure, same, then the new version');
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(changes, 1, 'told once, then quiet');
    assert.equal(asked.length, 5);
    stop();
    assert.equal(graphVersion(new Headers({ 'Last-Modified': 'Tue, 25 Nov 2026 10:00:00 GMT' })), 'Tue, 25 Nov 2026 10:00:00 GMT');
    assert.equal(graphVersion(new Headers()), null);
  });
});
