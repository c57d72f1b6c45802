// Where places lie (src/entities/containment.ts, src/graph/containment.ts): sentences → the node
// attributes `country` and `region`, and the `located_in` facts a sentence states — only those.
import { strict as assert } from 'node:assert';
import { buildLexiconFromData } from '../src/entities/lexicon';
import { GraphAccumulator } from '../src/graph';
import type { DocumentResult, EntityRecord } from '../src/types';
import { extractText } from './helpers/extract';

type Place = { country?: string; region?: string };
type Row = readonly [text: string, places: Readonly<Record<string, Place>>, locatedIn: readonly string[], why: string];

const ROWS: readonly Row[] = [
  ['Delegates met in Jeddah, Saudi Arabia, on Sunday.', { jeddah: { country: 'saudi-arabia' } }, ['jeddah located_in saudi-arabia'], 'the written City, Country apposition'],
  ['The company moved to Houston, Texas, last spring.', { houston: { country: 'united-states', region: 'texas' }, texas: { country: 'united-states' } }, ['houston located_in texas'], 'City, State; the state gives the country'],
  ['Rebels entered Kunduz, a city in northern Afghanistan.', { kunduz: { country: 'afghanistan' } }, ['kunduz located_in afghanistan'], '"X, a city in Y" also makes X a place'],
  ["Troops crossed into Russia's Kursk region in August.", { kursk: { country: 'russia' } }, ['kursk located_in russia'], 'a country\'s possessive on a place it holds'],
  ['Police raided homes in the Russian city of Yekaterinburg.', { yekaterinburg: { country: 'russia' } }, ['yekaterinburg located_in russia'], '"the <demonym> city of X"'],
  ['Shelling hit Basra in southern Iraq overnight.', { basra: { country: 'iraq' } }, ['basra located_in iraq'], '"X in southern Y"'],
  ['Aid reached Lashkar Gah, the capital of Helmand province.', { 'lashkar-gah': { country: 'afghanistan', region: 'helmand' } }, ['lashkar-gah located_in helmand'], '"X, the capital of Y"'],
  ['The minister flew from Russia to Volgograd for the match.', { volgograd: { country: 'russia' } }, [], 'gazetteer containment is an attribute, not a fact'],
  ['The team trained in Mumbai before the series.', { mumbai: { country: 'india', region: 'maharashtra' } }, [], 'a curated city gets its region from the generated gazetteer'],
  ['Fans travelled to Volgograd, where Russia played.', { volgograd: { country: 'russia' } }, [], 'the long-tail gazetteer counts where the country is named'],
  ['Traffic stopped near Volgograd on Tuesday.', { volgograd: {} }, [], 'a long-tail place in a document that never names its country: nothing'],
  ['Fans gathered outside the Volgograd Arena before kick-off in Russia.', { 'volgograd-arena': { country: 'russia', region: 'volgograd' } }, [], 'the place inside a name says where the named lies'],
  ['Students at the University of Manchester marched.', { 'university-of-manchester': { country: 'united-kingdom', region: 'manchester' } }, [], 'an organisation named after its city'],
  ['Teams from England, Italy and France took part.', {}, [], 'a list of places is no apposition'],
  ['Tata, India\'s largest conglomerate, reported profits.', {}, [], 'a possessive after the comma'],
  ['Jane Harlow, UK economist at a bank, said prices rose.', {}, [], 'a noun after the country: a title, not a place'],
  ['With the hosts beaten in Paris, Ireland face Wales next.', { paris: { country: 'france', region: 'ile-de-france' } }, [], 'a verb after the country: a new clause'],
  ['Liverpool in Istanbul was the final everyone remembers.', {}, [], 'bare "X in Y" needs the gazetteer to agree'],
  ['Russian missiles struck Kharkiv in Ukraine overnight.', { kharkiv: { country: 'ukraine' } }, ['kharkiv located_in ukraine'], 'bare "X in Y" where the gazetteer agrees'],
  ['Pakistani troops said floods hit Punjab. Pakistan asked for help, and Pakistan sent boats.', { punjab: { country: 'pakistan' } }, [], 'an ambiguous region takes the country the document is about'],
  ['Officials in New Delhi said floods hit Punjab. India sent teams and India paid.', { punjab: { country: 'india' } }, [], 'the same name, another document country'],
  ['Floods hit Punjab on Monday.', { punjab: {} }, [], 'an ambiguous region in a document about no country: unset'],
  ['Crowds filled Lahore, Punjab, on Friday.', { lahore: { country: 'pakistan', region: 'punjab' }, punjab: { country: 'pakistan' } }, ['lahore located_in punjab'], 'the city says which Punjab'],
  ['The final was played in San Jose, California, this week.', { 'san-jose': { country: 'united-states', region: 'california' } }, ['san-jose located_in california'], 'City, State names a namesake of the gazetteer\'s city'],
  ['He was born in Atlanta, Georgia, in 1950.', { atlanta: { country: 'united-states' } }, [], 'the US state Georgia is not the country of that name'],
  ['Protesters marched in Tbilisi, Georgia, on Sunday.', { tbilisi: { country: 'georgia' } }, ['tbilisi located_in georgia'], 'the country Georgia'],
  ['She grew up in Marlow Bend, Ohio.', { 'marlow-bend': { country: 'united-states', region: 'ohio' } }, ['marlow-bend located_in ohio'], 'an unknown place before its state'],
  ['Factories closed in Midlands towns last year.', { midlands: {} }, [], 'a long-tail name (a province of Zimbabwe) whose country the document never names: nothing'],
  ['Greg Abbott, Texas attorney general, sued the firm.', {}, [], 'a person before a state and a title is no place'],
];

describe('containment: sentences → country, region and stated located_in', () => {
  for (const [text, places, locatedIn, why] of ROWS) {
    it(`${why}: ${text}`, () => {
      const result = extractText(text);
      const byId = new Map(result.entities.map((e) => [e.id, e]));
      for (const [id, expected] of Object.entries(places)) {
        const e = byId.get(id);
        assert.ok(e, `${id} is an entity (have ${[...byId.keys()].join(', ')})`);
        assert.deepEqual({ country: e.country, region: e.region }, { country: expected.country, region: expected.region }, id);
      }
      const facts = result.facts.filter((f) => f.relation === 'located_in');
      assert.deepEqual(facts.map((f) => `${f.source} located_in ${f.target}`).sort(), [...locatedIn].sort());
      for (const f of facts) {
        assert.equal(text.slice(f.start, f.end), f.sentence);
        assert.ok(f.sentence.includes(f.trigger), `the trigger "${f.trigger}" is in the sentence`);
      }
      // No person is read as a place on the way.
      for (const e of result.entities) if (e.entityType === 'person') assert.equal(e.country, undefined, e.id);
    });
  }
});

describe('containment: the gazetteer', () => {
  const lexicon = buildLexiconFromData();
  it('marks names that places in several countries bear, with no country of their own', () => {
    assert.deepEqual(lexicon.phrases.get('Punjab'), { id: 'punjab', entityType: 'place', kind: 'place', placeKind: 'region', countries: ['india', 'pakistan'] });
  });
  it('gives cities their region: generated rows and curated ones', () => {
    assert.equal(lexicon.phrases.get('Houston')?.region, 'texas');
    assert.equal(lexicon.phrases.get('Faisalabad')?.region, 'punjab');
    assert.equal(lexicon.phrases.get('Amsterdam')?.region, 'noord-holland');
  });
});

/** A one-entity document result that says where `id` lies. */
function placeResult(doc: string, id: string, country?: string, region?: string): DocumentResult {
  const entity: EntityRecord = { id, label: 'Punjab', entityType: 'place', aliases: [], roles: [], ...(country ? { country } : {}), ...(region ? { region } : {}) };
  return { doc, origin: doc, mentions: [{ start: 0, end: 6, text: 'Punjab', entityType: 'place', entity: id, firstToken: 0, lastToken: 0, sentence: 0, rule: 'test' }], entities: [entity], facts: [] };
}

describe('containment: merging documents in the graph', () => {
  const graphOf = (results: readonly DocumentResult[]): Record<string, unknown> => {
    const acc = new GraphAccumulator();
    for (const r of results) acc.add(r);
    return acc.finish().getNodeAttributes('punjab') as unknown as Record<string, unknown>;
  };
  const pick = (a: Record<string, unknown>): Place => ({ country: a['country'] as string | undefined, region: a['region'] as string | undefined });

  it('takes the country most documents give, whatever the order', () => {
    const docs = [placeResult('a', 'punjab', 'pakistan'), placeResult('b', 'punjab', 'india'), placeResult('c', 'punjab', 'pakistan'), placeResult('d', 'punjab')];
    assert.deepEqual(pick(graphOf(docs)), { country: 'pakistan', region: undefined });
    assert.deepEqual(pick(graphOf([...docs].reverse())), { country: 'pakistan', region: undefined });
  });
  it('breaks a tie by id order', () => {
    const docs = [placeResult('a', 'punjab', 'pakistan'), placeResult('b', 'punjab', 'india')];
    assert.deepEqual(pick(graphOf(docs)), { country: 'india', region: undefined });
    assert.deepEqual(pick(graphOf([...docs].reverse())), { country: 'india', region: undefined });
  });
  it('takes the region given with the chosen country (or with none)', () => {
    const docs = [placeResult('a', 'punjab', 'pakistan', 'north'), placeResult('b', 'punjab', 'pakistan'), placeResult('c', 'punjab', 'india', 'east'), placeResult('d', 'punjab', 'india', 'east'), placeResult('e', 'punjab', 'pakistan')];
    assert.deepEqual(pick(graphOf(docs)), { country: 'pakistan', region: 'north' });
  });
});
