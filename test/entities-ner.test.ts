// How the entity layer reads the trained NER's tags (given here by hand, so that these rows pin
// the rules of use, not the weights): a person the NER finds where no rule put a mention is
// added; a lone everyday, role or group word is not; a lone name the NER reads as a person is no
// organisation; a lone given name is the one person of the document who bears it.
import { strict as assert } from 'node:assert';
import { annotate } from '../src/nlp';
import { recognizeEntities } from '../src/entities';
import { extractText } from './helpers/extract';

/** The text's mentions when the NER tags the listed words (every occurrence) with the given type. */
function mentionsWith(text: string, tagged: Readonly<Record<string, string>>): string[] {
  const doc = annotate({ id: 't', text, origin: 't' });
  const names = doc.tokens.map((t, i) => {
    const type = tagged[t.value];
    if (!type) return 'O';
    const prev = doc.tokens[i - 1];
    return prev && tagged[prev.value] === type && prev.end + 1 === t.start ? `I-${type}` : `B-${type}`;
  });
  return recognizeEntities(doc, undefined, names).mentions.map((m) => `${m.text}/${m.entityType}/${m.entity}/${m.rule}`);
}

type Row = readonly [text: string, tagged: Readonly<Record<string, string>>, expected: readonly string[], why: string];

const ROWS: readonly Row[] = [
  ['The trick was first shown by Okonjo in 1930.', { Okonjo: 'PER' }, ['Okonjo/person/okonjo/ner:person'], 'a name no rule types: the NER makes it a person'],
  ['The trick was first shown by Okonjo in 1930.', {}, ['Okonjo/organization/okonjo/lone-name:organization'], 'without the NER the lone-name rule guesses an organisation'],
  ['The Senator arrived late.', { Senator: 'PER' }, ['Senator/person//title-unheld'], 'a lone title is no person\'s name, whatever the NER says: a mention of an office holder nobody names'],
  ['The manager arrived late.', { manager: 'PER' }, [], 'a lone role word is no person, whatever the NER says'],
  ['Then the Administration answered.', { Administration: 'ORG' }, [], 'organisations and places of the NER alone are not added'],
  ['Ahmed Mohamed built a clock. Police later questioned Ahmed at school.', { Ahmed: 'PER', Mohamed: 'PER' }, ['Ahmed Mohamed/person/ahmed-mohamed/given-name', 'Ahmed/person/ahmed-mohamed/ner:person'], 'a lone given name is the one person who bears it'],
  ['Lorvane has learned the facts. Lorvane asked Jon Tesh.', { Lorvane: 'ORG' }, ['Lorvane/organization/lorvane/lone-name:organization', 'Lorvane/organization/lorvane/lone-name:organization', 'Jon Tesh/person/jon-tesh/given-name'], 'a name that only opens sentences stands as a body when the NER reads it as one'],
  ['Lorvane has learned the facts. Lorvane asked Jon Tesh.', {}, ['Jon Tesh/person/jon-tesh/given-name'], 'without the NER, a word that only opens sentences is no name'],
  ['The report was written by Mirela Saturday.', { Mirela: 'PER', Saturday: 'PER' }, ['Mirela/person/mirela/ner:person'], 'a weekday the NER runs into is no part of a name'],
  ['She loved Corvex more than the other Corvexes she owned.', { Corvex: 'PER' }, ['Corvexes/other/corvexes/lone-name:other'], 'a lone name the article also makes plural names a product, not a person'],
  ['They called him Birdie -- and then he left.', { Birdie: 'PER', '--': 'PER', and: 'PER', then: 'PER', he: 'PER' }, [], 'a span with lowercase words or a dash standing apart is no name'],
  ['Velmark\'s Dana Ruiz scored twice.', { Velmark: 'PER', Dana: 'PER', Ruiz: 'PER' }, ['Velmark/organization/velmark/owner-of-person', 'Velmark\'s Dana Ruiz/person/dana-ruiz/given-name'], 'a lone name the NER reads as a person, owning a person named in full, is that person\'s club or party'],
  ['Vladimir Putin met Donald Trump.', { Vladimir: 'ORG', Putin: 'ORG' }, ['Vladimir Putin/person/vladimir-putin/given-name', 'Donald Trump/person/donald-trump/given-name'], 'a rule that found the name keeps it'],
];

describe('entities: the trained NER\'s tags', () => {
  for (const [text, tagged, expected, why] of ROWS) {
    it(`${why}: ${text}`, () => assert.deepEqual(mentionsWith(text, tagged), expected));
  }

  it('extraction runs the shipped NER: a name the rules alone type as an organisation is a person', () => {
    const mentions = extractText('The card trick was invented by Scarne in 1930.').mentions.map((m) => `${m.text}/${m.entityType}`);
    assert.deepEqual(mentions, ['Scarne/person']);
  });
});
