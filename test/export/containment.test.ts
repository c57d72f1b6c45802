// The node attributes `country` and `region` (where a place lies: src/entities/containment.ts) in
// every export: declared GEXF attributes read back by graphology-gexf, GraphML keys, CSV columns,
// Neo4j properties, and the graph built from extraction.
import { strict as assert } from 'node:assert';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import { NEO4J_FILES, toCsvFiles, toGexf, toGraphml, toNeo4jFiles } from '../../src/export';
import { graphOfResults } from '../../src/pipeline';
import { makeGraph } from '../helpers/graph-fixture';
import { extractText } from '../helpers/extract';
import { csvObjects, parseCsv } from './csv-parse';
import { fileNamed, type AnyGraph } from './graphs';

/** A city in a state in a country, and a node that lies nowhere known. */
function placesGraph(): AnyGraph {
  return makeGraph(
    {
      nodes: [
        { key: 'houston', label: 'Houston', entityType: 'place', country: 'united-states', region: 'texas' },
        { key: 'texas', label: 'Texas', entityType: 'place', country: 'united-states' },
        { key: 'united-states', label: 'United States', entityType: 'country' },
      ],
      edges: [{ source: 'houston', target: 'texas', relation: 'located_in', evidence: [{ sentence: 'Officials met in Houston, Texas.' }] }],
    },
    { laidOut: true },
  ) as unknown as AnyGraph;
}

const EXPECTED: Readonly<Record<string, { country?: string; region?: string }>> = {
  houston: { country: 'united-states', region: 'texas' },
  texas: { country: 'united-states' },
  'united-states': {},
};

const placeOf = (a: Attributes): { country?: string; region?: string } => ({
  ...(a['country'] !== undefined ? { country: a['country'] as string } : {}),
  ...(a['region'] !== undefined ? { region: a['region'] as string } : {}),
});

describe('export: where places lie (country, region)', () => {
  it('GEXF declares them as string attributes and graphology-gexf reads them back', () => {
    const xml = toGexf(placesGraph());
    assert.match(xml, /<attribute id="country" title="country" type="string"\/>/);
    assert.match(xml, /<attribute id="region" title="region" type="string"\/>/);
    const back = parse(MultiDirectedGraph, xml);
    for (const [node, expected] of Object.entries(EXPECTED)) assert.deepEqual(placeOf(back.getNodeAttributes(node)), expected, node);
  });

  it('GraphML declares them as node keys with their values', () => {
    const xml = toGraphml(placesGraph());
    const key = (name: string): string | undefined => new RegExp(`<key id="([^"]+)" for="node" attr\\.name="${name}" attr\\.type="string"`).exec(xml)?.[1];
    const country = key('country');
    const region = key('region');
    assert.ok(country && region, 'keys for country and region');
    assert.equal(xml.match(new RegExp(`<data key="${country}">united-states</data>`, 'g'))?.length, 2);
    assert.equal(xml.match(new RegExp(`<data key="${region}">texas</data>`, 'g'))?.length, 1);
  });

  it('CSV has country and region columns after wikidata, empty where unknown', () => {
    const nodes = fileNamed(toCsvFiles(placesGraph()), 'nodes.csv');
    const header = parseCsv(nodes).header;
    assert.deepEqual(header.slice(header.indexOf('wikidata'), header.indexOf('wikidata') + 3), ['wikidata', 'country', 'region']);
    const rows = new Map(csvObjects(nodes).map((r) => [r.id, r]));
    for (const [node, expected] of Object.entries(EXPECTED)) {
      assert.equal(rows.get(node)?.country ?? '', expected.country ?? '', `${node} country`);
      assert.equal(rows.get(node)?.region ?? '', expected.region ?? '', `${node} region`);
    }
  });

  it('Neo4j writes them as entity properties', () => {
    const entities = fileNamed(toNeo4jFiles(placesGraph()), NEO4J_FILES.entities);
    const header = parseCsv(entities).header;
    assert.ok(header.includes('country') && header.includes('region'), header.join(','));
    const rows = new Map(csvObjects(entities).map((r) => [r['id:ID(Entity)'], r]));
    assert.equal(rows.get('houston')?.country, 'united-states');
    assert.equal(rows.get('houston')?.region, 'texas');
    assert.ok(!rows.get('united-states')?.country, 'no country on a country');
  });

  it('comes from extraction through the graph into GEXF', () => {
    const graph = graphOfResults([extractText('The company moved its offices to Houston, Texas, last year. It also opened a branch in Volgograd.')]);
    assert.deepEqual(placeOf(graph.getNodeAttributes('houston')), { country: 'united-states', region: 'texas' });
    const back = parse(MultiDirectedGraph, toGexf(graph));
    assert.deepEqual(placeOf(back.getNodeAttributes('houston')), { country: 'united-states', region: 'texas' });
  });
});
