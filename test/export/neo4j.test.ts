// Neo4j export: the CSV files read as neo4j-admin reads them (typed headers, ID spaces, array
// delimiter) give back the graph; load.cypher reads only columns that exist, uses only the fixed
// vocabularies and never holds article text.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { InputError } from '../../src/errors';
import { NEO4J_ARRAY_DELIMITER, NEO4J_FILES, toNeo4jFiles } from '../../src/export';
import { ENTITY_TYPES, RELATIONS } from '../../src/types';
import { makeGraph } from '../helpers/graph-fixture';
import { csvText } from './compare';
import { parseCsv } from './csv-parse';
import { HOSTILE, ROUND_TRIP_GRAPHS, fileNamed as file, fixtureGraph, hostileGraph, type AnyGraph } from './graphs';

/** What neo4j-admin makes of a CSV file: one entity per row, written here from its documented header rules. */
interface Imported {
  ids: Record<string, string>;
  labels: string[];
  type?: string;
  properties: Record<string, unknown>;
}

function importCsv(content: string): Imported[] {
  const { header, rows } = parseCsv(content);
  const columns = header.map((h) => {
    const m = /^([^:]*)(?::(.+))?$/.exec(h);
    assert.ok(m, h);
    return { name: m[1] ?? '', type: m[2] ?? 'string' };
  });
  return rows.map((row) => {
    const entity: Imported = { ids: {}, labels: [], properties: {} };
    columns.forEach(({ name, type }, i) => {
      const cell = row[i];
      if (cell === null || cell === undefined) return; // an empty field: no property
      const id = /^(ID|START_ID|END_ID)\((\w+)\)$/.exec(type);
      if (id) {
        entity.ids[`${id[1]}(${id[2]})`] = cell;
        if (id[1] === 'ID' && name !== '') entity.properties[name] = cell;
        return;
      }
      if (type === 'LABEL') entity.labels = cell.split(NEO4J_ARRAY_DELIMITER);
      else if (type === 'TYPE') entity.type = cell;
      else if (type === 'int' || type === 'long') {
        assert.match(cell, /^-?\d+$/, `${name}:${type}`);
        entity.properties[name] = Number(cell);
      } else if (type === 'double') {
        assert.ok(Number.isFinite(Number(cell)), `${name}:double ${cell}`);
        entity.properties[name] = Number(cell);
      } else if (type === 'boolean') {
        assert.ok(cell === 'true' || cell === 'false', `${name}:boolean ${cell}`);
        entity.properties[name] = cell === 'true';
      } else if (type === 'date') {
        assert.match(cell, /^\d{4}-\d{2}-\d{2}$/, `${name}:date`);
        entity.properties[name] = cell;
      } else if (type === 'string[]') entity.properties[name] = cell.split(NEO4J_ARRAY_DELIMITER);
      else if (type === 'string') entity.properties[name] = cell;
      else assert.fail(`unknown header type ${type}`);
    });
    return entity;
  });
}

/** graph.json attributes as Neo4j properties: empty arrays are no property, objects are JSON text. */
function expectedProperties(attributes: Record<string, unknown>, skip: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (skip.includes(name) || value === undefined || value === null) continue;
    if (typeof value === 'string') out[name] = csvText(value);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      if (value.length > 0) out[name] = value.map((v: string) => csvText(v.replaceAll(NEO4J_ARRAY_DELIMITER, '\uFFFD')));
    } else if (typeof value === 'object') out[name] = JSON.stringify(value);
    else out[name] = value;
  }
  return out;
}

describe('Neo4j export', () => {
  it('writes the import files and load.cypher, byte-identical for identical graphs', () => {
    const files = toNeo4jFiles(fixtureGraph());
    assert.deepEqual(files.map((f) => f.name), Object.values(NEO4J_FILES));
    assert.deepEqual(toNeo4jFiles(fixtureGraph()), files);
  });

  it('types every column in neo4j-admin header syntax', () => {
    const headers = Object.fromEntries(toNeo4jFiles(fixtureGraph()).filter((f) => f.name.endsWith('.csv')).map((f) => [f.name, parseCsv(f.content).header.join(',')]));
    assert.deepEqual(headers, {
      'entities.csv': 'id:ID(Entity),:LABEL,label,entityType,aliases:string[],roles:string[],mentions:int,documents:int,wikidata,country,region,community:int,x:double,y:double,size:double,color',
      'relations.csv': ':START_ID(Entity),:END_ID(Entity),:TYPE,id,relation,label,negated:boolean,hypothetical:boolean,count:int,weight:int,cameo,goldstein:double,firstSeen:date,lastSeen:date,color,size:double',
      'documents.csv': 'id:ID(Document),title,date:date,url',
      'evidence.csv': 'id:ID(Evidence),edge,source,target,relation,negated:boolean,hypothetical:boolean,doc,date:date,sentence,start:int,end:int,trigger,rule,reportedBy,' +
        'sourceAntecedent,sourceAntecedentStart:int,sourceAntecedentEnd:int,targetAntecedent,targetAntecedentStart:int,targetAntecedentEnd:int',
      'evidence-documents.csv': ':START_ID(Evidence),:END_ID(Document),:TYPE',
    });
  });

  for (const [name, build] of ROUND_TRIP_GRAPHS) {
    describe(name, () => {
      it('entities.csv gives back every node with its type label and attributes', () => {
        const graph = build();
        const entities = importCsv(file(toNeo4jFiles(graph), NEO4J_FILES.entities));
        assert.equal(entities.length, graph.order);
        const byId = new Map(entities.map((e) => [e.ids['ID(Entity)'], e]));
        graph.forEachNode((node, a) => {
          const entity = byId.get(csvText(node));
          assert.ok(entity, `node ${node}`);
          const type = String(a.entityType);
          assert.deepEqual(entity.labels, [type.charAt(0).toUpperCase() + type.slice(1)]);
          assert.deepEqual(entity.properties, { id: csvText(node), ...expectedProperties(a, []) }, `node ${node}`);
        });
      });

      it('relations.csv gives back every edge, typed by its relation, with its attributes', () => {
        const graph = build();
        const relations = importCsv(file(toNeo4jFiles(graph), NEO4J_FILES.relations));
        assert.equal(relations.length, graph.size);
        let i = 0;
        graph.forEachEdge((edge, a, source, target) => {
          const r = relations[i++];
          assert.ok(r);
          assert.deepEqual(r.ids, { 'START_ID(Entity)': csvText(source), 'END_ID(Entity)': csvText(target) });
          assert.equal(r.type, String(a.relation).toUpperCase());
          assert.deepEqual(r.properties, { id: csvText(edge), ...expectedProperties(a, ['evidence']) }, `edge ${edge}`);
        });
      });

      it('evidence.csv has one node per fact, linked to its document; documents.csv has every source', () => {
        const graph = build();
        const files = toNeo4jFiles(graph);
        const evidence = importCsv(file(files, NEO4J_FILES.evidence));
        const links = importCsv(file(files, NEO4J_FILES.evidenceDocuments));
        const documents = importCsv(file(files, NEO4J_FILES.documents));
        const documentIds = new Set(documents.map((d) => d.ids['ID(Document)']));
        let i = 0;
        graph.forEachEdge((edge, a, source, target) => {
          (a.evidence as Record<string, unknown>[]).forEach((item, n) => {
            const e = evidence[i];
            const link = links[i++];
            assert.ok(e && link);
            const id = csvText(`${edge}#${n + 1}`);
            assert.deepEqual(e.properties, {
              id,
              edge: csvText(edge),
              source: csvText(source),
              target: csvText(target),
              relation: a.relation,
              negated: a.negated,
              hypothetical: a.hypothetical,
              ...expectedProperties(item, []),
            });
            assert.deepEqual([link.ids, link.type], [{ 'START_ID(Evidence)': id, 'END_ID(Document)': csvText(String(item.doc)) }, 'IN_DOCUMENT']);
            assert.ok(documentIds.has(csvText(String(item.doc))), `document ${String(item.doc)} exists`);
          });
        });
        assert.equal(evidence.length, i);
        for (const source of graph.getAttribute('sources') as Record<string, unknown>[]) {
          const d = documents.find((doc) => doc.ids['ID(Document)'] === csvText(String(source.id)));
          assert.ok(d, `source ${String(source.id)}`);
          assert.deepEqual(d.properties, expectedProperties(source, []));
        }
      });

      it('load.cypher reads only columns that the CSV files have', () => {
        const files = toNeo4jFiles(build());
        const cypher = file(files, NEO4J_FILES.cypher);
        const statements = cypher.split(/;\n/).filter((s) => s.includes('LOAD CSV'));
        assert.equal(statements.length, 5);
        for (const statement of statements) {
          const from = /LOAD CSV WITH HEADERS FROM \$base \+ '([\w.-]+)' AS row/.exec(statement);
          assert.ok(from, statement);
          const header = new Set(parseCsv(file(files, from[1] ?? '')).header);
          const used = [...statement.matchAll(/row\.(?:`([^`]+)`|(\w+))/g)].map((m) => m[1] ?? m[2] ?? '');
          assert.ok(used.length > 0);
          for (const column of used) assert.ok(header.has(column), `${from[1]} has no column ${column}`);
        }
      });
    });
  }

  describe('load.cypher', () => {
    const cypher = (graph: AnyGraph): string => file(toNeo4jFiles(graph), NEO4J_FILES.cypher);

    it('is the same for any graph with the contract attributes: no data is written into it', () => {
      const reference = cypher(fixtureGraph());
      assert.equal(cypher(hostileGraph() as unknown as AnyGraph), reference);
      assert.equal(cypher(makeGraph({ nodes: [] }) as unknown as AnyGraph), reference);
      assert.ok(!reference.includes('<script>') && !reference.includes('Putin'));
    });

    it('stays the same whatever text the graph holds (property)', () => {
      const reference = cypher(fixtureGraph());
      const text = fc.string({ unit: 'binary', maxLength: 30 });
      fc.assert(
        fc.property(text, text, text, text, text, (keyA, keyB, label, sentence, doc) => {
          fc.pre(keyA !== keyB);
          const graph = makeGraph({
            nodes: [{ key: keyA, label, aliases: [label, sentence] }, { key: keyB, roles: [doc] }],
            edges: [{ source: keyA, target: keyB, relation: 'urged', evidence: [{ doc, sentence, trigger: label, date: '2024-01-02' }] }],
            attributes: { sources: [{ id: doc, title: sentence }] },
          }) as unknown as AnyGraph;
          const files = toNeo4jFiles(graph);
          assert.equal(file(files, NEO4J_FILES.cypher), reference);
          for (const f of files) if (f.name.endsWith('.csv')) parseCsv(f.content);
          const [entity] = importCsv(file(files, NEO4J_FILES.entities));
          assert.equal(entity?.ids['ID(Entity)'], csvText(keyA));
        }),
        { numRuns: 200, seed: 7 },
      );
    });

    it('uses only the fixed relationship types and entity labels, MERGE, and the $base parameter', () => {
      const text = cypher(fixtureGraph());
      const types = new Set([...text.matchAll(/\[r:(\w+) /g)].map((m) => m[1]));
      assert.deepEqual(types, new Set(RELATIONS.map((r) => r.toUpperCase())));
      const labels = new Set([...text.matchAll(/SET n:(\w+)\)/g)].map((m) => m[1]));
      assert.deepEqual(labels, new Set(ENTITY_TYPES.map((t) => t.charAt(0).toUpperCase() + t.slice(1))));
      assert.equal((text.match(/\bCREATE\b(?! (CONSTRAINT|INDEX))/g) ?? []).length, 0, 'MERGE, never CREATE');
      assert.equal((text.match(/LOAD CSV WITH HEADERS FROM \$base \+ '/g) ?? []).length, 5);
      // The only string concatenation is $base + a file name.
      assert.equal((text.match(/ \+ /g) ?? []).length, 5);
    });

    it('names the neo4j-admin command that imports these files', () => {
      const text = cypher(fixtureGraph());
      assert.match(text, /neo4j-admin database import full neo4j --array-delimiter=U\+001F --multiline-fields=true/);
      for (const name of Object.values(NEO4J_FILES)) if (name.endsWith('.csv')) assert.ok(text.includes(name), name);
    });
  });

  it('keeps other attributes: identifiers as typed columns, other names JSON-encoded in otherAttributes', () => {
    const graph = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }] }) as unknown as AnyGraph;
    graph.setNodeAttribute('a', 'pagerank', 0.5);
    graph.setNodeAttribute('b', 'odd:name', 'x,"y"');
    graph.setNodeAttribute('a', 'id', 'shadow');
    const files = toNeo4jFiles(graph);
    assert.match(parseCsv(file(files, NEO4J_FILES.entities)).header.join(','), /,pagerank:double,otherAttributes$/);
    const [a, b] = importCsv(file(files, NEO4J_FILES.entities));
    assert.equal(a?.properties.pagerank, 0.5);
    assert.deepEqual(JSON.parse(String(a?.properties.otherAttributes)), { id: 'shadow' });
    assert.deepEqual(JSON.parse(String(b?.properties.otherAttributes)), { 'odd:name': 'x,"y"' });
    assert.match(file(files, NEO4J_FILES.cypher), /n\.`otherAttributes` = row\.`otherAttributes`/);
  });

  it('writes dates as strings when one is not a calendar day', () => {
    const graph = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ source: 'a', target: 'b', evidence: [{ date: '2024-02-30' }] }] });
    const header = parseCsv(file(toNeo4jFiles(graph as unknown as AnyGraph), NEO4J_FILES.relations)).header;
    assert.ok(header.includes('firstSeen') && !header.includes('firstSeen:date'));
  });

  it('refuses a relation outside the vocabulary with InputError naming the edge', () => {
    const graph = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ source: 'a', target: 'b' }] }) as unknown as AnyGraph;
    graph.setEdgeAttribute(graph.edges()[0] ?? '', 'relation', 'DROP DATABASE neo4j');
    assert.throws(() => toNeo4jFiles(graph), (e: unknown) => e instanceof InputError && /edge "a\|met\|b": relation "DROP DATABASE neo4j" is not in the vocabulary/.test(e.message));
  });

  it('an alias holding the array delimiter keeps its other characters', () => {
    const graph = makeGraph({ nodes: [{ key: 'a', aliases: [`x${NEO4J_ARRAY_DELIMITER}y`, HOSTILE] }] }) as unknown as AnyGraph;
    const [entity] = importCsv(file(toNeo4jFiles(graph), NEO4J_FILES.entities));
    assert.deepEqual(entity?.properties.aliases, ['x\uFFFDy', csvText(HOSTILE.replaceAll(NEO4J_ARRAY_DELIMITER, '\uFFFD'))]);
  });
});
