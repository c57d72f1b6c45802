// Web pages → articles: Readability's main text, metadata as the page states it, and no string of
// the page's furniture (navigation, cookie banner, adverts, related links, byline, photo credits)
// anywhere in the graph.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NO_ARTICLE_WARNING, pageDocument, readArticle } from '../src/ingest/article';
import { readDocuments, type InputWarning } from '../src/ingest';
import { EXIT } from '../src/errors';
import type { SourceDocument } from '../src/types';
import { lines, removeTmpDirs, runCli, tmpDir } from './reliability/helpers';

const FIXTURES = path.join(__dirname, 'fixtures', 'web');
const page = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** Strings of the fixture pages that are not article prose: none may be read as text or become a node. */
const FURNITURE = [
  'ADVERTISEMENT', 'All Sections', 'Topics of Interest', 'Daily Maverick', 'Petra Lindqvist', 'Senior Correspondent',
  'Anders Holmgren', 'Northlight', 'Brightwater', 'Accept All Cookies', 'Subscribe Now', 'Marco Bellini',
  'Harbour Courier', 'Most Read', 'Drought hits farmers', 'Lucia Fernandez', 'Tomas Reyes', 'Southern Wire',
  'Morning Briefing', 'Breaking News', 'Comments are closed', 'Share this article', 'Privacy Policy',
  'Thandiwe Mokoena', 'Newsletters', 'Afternoon Thing', 'Karoo Dams Authority', 'Water crisis', 'Drought deepens',
  'Read more', 'peer review', 'Comments',
];

interface Row {
  file: string;
  text: string[];
  title: string;
  date: string;
  url?: string;
}

const ROWS: Row[] = [
  {
    file: 'article.html',
    text: [
      'Ministers meet in Geneva over the Meridian river dispute',
      'The foreign ministers of Kenya and Ethiopia met in Geneva on Tuesday to settle a long dispute over the water of the Meridian river, officials from both governments said.',
      'Kenyan Foreign Minister Musalia Mudavadi urged Ethiopia to share data on the dam upstream, and his Ethiopian counterpart Taye Atske Selassie promised to send the figures within a month.',
      'The talks were hosted by the United Nations, which has offered to monitor the river flow at three stations along the border for the next two years.',
      'Both ministers said they would meet again in Nairobi in June, after the rainy season, to review the first figures and agree on the next steps.',
    ],
    title: 'Ministers meet in Geneva over the Meridian river dispute',
    date: '2025-04-02',
    url: 'https://courier.example/world/2025/04/river-talks',
  },
  {
    file: 'wire.html',
    text: [
      'Port workers strike in Valparaiso',
      "Dock workers in Valparaiso walked off the job on Sunday, halting cargo traffic at Chile's second largest port for the first time in a decade.",
      'The Chilean government accused the union of breaking a court order, and Labour Minister Jeannette Jara warned that the strike would cost exporters millions of dollars a day.',
      'The union rejected the accusation and said it would keep the port closed until the shipping companies agreed to talks about pay and safety on the docks.',
    ],
    title: 'Port workers strike in Valparaiso',
    date: '2025-03-09',
  },
  {
    file: 'maverick.html',
    text: [
      'Cabinet approves the coastal water plan',
      'The South African cabinet approved a plan on Wednesday to build three desalination plants along the Eastern Cape coast, after two years of drought in the province.',
      'Water and Sanitation Minister Pemmy Majodina said the government would ask the World Bank to help finance the first plant near Gqeberha.',
      'The Democratic Alliance accused the national government of acting too late, and urged the provincial government to publish its own emergency plan.',
      'Construction of the first plant is expected to begin next year and to take about three years.',
    ],
    title: 'Cabinet approves the coastal water plan',
    date: '2025-05-14',
    url: 'https://maverick.example/article/2025-05-14-coastal-water-plan/',
  },
];

async function read(file: string): Promise<{ docs: SourceDocument[]; warnings: InputWarning[] }> {
  const docs: SourceDocument[] = [];
  const warnings: InputWarning[] = [];
  for await (const d of readDocuments([file], {}, (w) => warnings.push(w))) docs.push(d);
  return { docs, warnings };
}

describe('ingest: web pages through Readability', function () {
  this.timeout(120_000);
  after(removeTmpDirs);

  for (const row of ROWS) {
    it(`${row.file}: exactly the article text, metadata as the page states it`, async () => {
      const { docs, warnings } = await read(path.join(FIXTURES, row.file));
      assert.deepEqual(warnings, []);
      assert.equal(docs.length, 1);
      const doc = docs[0] as SourceDocument;
      assert.equal(doc.text, row.text.join('\n'));
      assert.equal(doc.title, row.title);
      assert.equal(doc.date, row.date);
      assert.equal(doc.url, row.url);
      for (const s of FURNITURE) assert.ok(!doc.text.includes(s), `"${s}" is page furniture`);
    });
  }

  it('metadata: JSON-LD first, then OpenGraph and <meta>, then <time>; canonical URL resolved against the page', () => {
    const cases: Array<[string, string | undefined, { title?: string; date?: string; url?: string }]> = [
      ['<head><meta property="og:title" content="OG title"><meta name="pubdate" content="2024-05-01"></head><body><time datetime="2023-01-01">x</time></body>', undefined, { title: 'OG title', date: '2024-05-01' }],
      ['<body><article><time datetime="2022-02-02T10:00">Feb 2</time></article></body>', undefined, { date: '2022-02-02T10:00' }],
      ['<head><link rel="canonical" href="/a/b"></head>', 'https://news.example/x?y=1', { url: 'https://news.example/a/b' }],
      ['<head><link rel="canonical" href="javascript:alert(1)"></head>', 'https://news.example/x', { url: 'https://news.example/x' }],
      ['<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "LD", "datePublished": "2021-07-04"}]}</script><meta property="og:title" content="OG">', undefined, { title: 'LD', date: '2021-07-04' }],
      ['<script type="application/ld+json">[1, "x", null, {"@type": 5}]</script>', undefined, {}],
    ];
    for (const [html, base, expected] of cases) {
      const a = readArticle(html, base);
      assert.deepEqual({ title: a.title, date: a.date, url: a.url }, { title: undefined, date: undefined, url: undefined, ...expected }, html);
    }
  });

  it('a page wrapped whole in a <form> (ASP.NET) keeps its article', () => {
    const p = (t: string): string => `<p>${t}</p>`;
    const sentences = [
      'The port authority of Mombasa raised harbour fees on Monday by ten percent, citing the cost of dredging.',
      'Shipping companies said the increase would be passed on to importers within weeks.',
      'The authority said the money would pay for a new container berth due to open in two years.',
    ];
    const html = `<html><head><title>Harbour fees rise</title></head><body><form id="aspnetForm" method="post"><div class="nav"><a href="/">Home</a></div><div id="content"><h1>Harbour fees rise</h1>${sentences.map(p).join('')}</div><input type="hidden" name="__VIEWSTATE" value="x"></form></body></html>`;
    const doc = pageDocument(html);
    assert.equal(doc.warning, undefined);
    assert.equal(doc.text, ['Harbour fees rise', ...sentences].join('\n'));
  });

  it('a page with no article: its visible text, with a warning naming the file', async () => {
    const file = path.join(FIXTURES, 'index-page.html');
    const { docs, warnings } = await read(file);
    assert.deepEqual(warnings, [{ file, reason: NO_ARTICLE_WARNING }]);
    assert.equal(docs[0]?.text, 'Harbour Bistro Opens\nWeather');
    assert.equal(docs[0]?.title, 'Section front');
    assert.equal(pageDocument(page('index-page.html')).warning, NO_ARTICLE_WARNING);
  });

  it('hostile pages (100,000 nested divs, 40,000 paragraphs, 200,000 "<"): read as visible text, with the warning', () => {
    const sentence = 'Putin met Trump in Helsinki on Monday, officials said.';
    const cases: Array<[string, string]> = [
      ['<div>'.repeat(100_000) + sentence, sentence],
      ['<div>'.repeat(20_000) + sentence, sentence],
      [`<article>${`<p>${sentence}</p>`.repeat(40_000)}</article>`, Array(40_000).fill(sentence).join('\n')],
      ['<'.repeat(200_000), '<'.repeat(200_000)],
    ];
    for (const [html, text] of cases) {
      const doc = pageDocument(html);
      assert.equal(doc.text, text);
      assert.equal(doc.warning, NO_ARTICLE_WARNING);
    }
  });

  it('no furniture string becomes a node label (build of the fixture pages)', async () => {
    const dir = tmpDir('articles');
    for (const row of ROWS) fs.copyFileSync(path.join(FIXTURES, row.file), path.join(dir, row.file));
    const out = path.join(dir, 'out');
    const r = await runCli(['build', dir, '--out', out]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.deepEqual(lines(r.stderr).filter((l) => l.includes('warning')), []);
    const graph = JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as { nodes: Array<{ key: string; attributes: { label: string; aliases?: string[] } }> };
    const names = graph.nodes.flatMap((n) => [n.attributes.label, ...(n.attributes.aliases ?? [])]);
    for (const s of FURNITURE) {
      for (const name of names) assert.ok(!name.toLowerCase().includes(s.toLowerCase()) && !s.toLowerCase().includes(name.toLowerCase()) || name.length < 4, `node "${name}" comes from "${s}"`);
    }
    for (const key of ['kenya', 'ethiopia', 'musalia-mudavadi', 'chile']) assert.ok(graph.nodes.some((n) => n.key === key), `${key} in ${graph.nodes.map((n) => n.key).join(' ')}`);
  });
});
