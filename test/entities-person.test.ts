// People whose names the gazetteers also know as something else, and people named by a title alone:
// one row per rule (src/entities), sentences written for these tests, run through the whole
// extractor with its shipped models. Each row lists the mentions whose text is one of the listed surfaces.
import { strict as assert } from 'node:assert';
import { extractText } from './helpers/extract';

type Row = readonly [text: string, surfaces: readonly string[], expected: ReadonlyArray<readonly [surface: string, entity: string, entityType: string]>, why: string];

const ROWS: readonly Row[] = [
  ['Marisol Paris, a retired nurse, left the clinic in 2019. Paris says she was never paid.', ['Marisol Paris', 'Paris'],
    [['Marisol Paris', 'marisol-paris', 'person'], ['Paris', 'marisol-paris', 'person']],
    'an unknown word and a capital, in apposition to a person noun, are a person; the lone capital is then her surname'],
  ['Marisol Paris, a retired nurse, left the clinic. She later moved to Paris.', ['Paris'],
    [['Paris', 'france', 'country']],
    'the capital after a word that asks for a place stays the place'],
  ['Top seed Kerry Davenport reached the final. Davenport beat her sister in two sets.', ['Kerry Davenport', 'Davenport'],
    [['Kerry Davenport', 'kerry-davenport', 'person'], ['Davenport', 'kerry-davenport', 'person']],
    'a town\'s name opening a sentence is the surname of the person named in full, not the town'],
  ['Kerry Davenport won again. The next round is in Davenport, Iowa.', ['Davenport, Iowa'],
    [['Davenport, Iowa', 'davenport', 'place']],
    'with its region after it, the town is the town'],
  ['Coach Dave Houston was sacked. Houston said he had no regrets.', ['Houston'],
    [['Houston', 'dave-houston', 'person']],
    'a lone city name after a full name with a given name is that person'],
  ['Berlin Tarrow and Lycos Europe agreed a deal. Europe is a big market.', ['Europe', 'Lycos Europe'],
    [['Europe', 'europe', 'place'], ['Europe', 'europe', 'place']],
    'a region is nobody\'s surname'],
  ['Oslo Talks On The Rina Falk Housing Plan\nRina Falk, the housing minister, spoke. Thanks To Our Guest, Dr. Omar Vesey.', ['Rina Falk', 'Falk', 'Dr. Omar Vesey', 'Vesey'],
    [['Rina Falk', 'rina-falk', 'person'], ['Rina Falk', 'rina-falk', 'person'], ['Dr. Omar Vesey', 'omar-vesey', 'person']],
    'in a Title Case run, the words that spell a person the body names are that person; after an honorific the run is a full name'],
  ['Books she read:\n\nOkafor, Grace. The Long Rains\n\nLondon, Jack. White Fang\n\nMarx, Karl and Engels, Friedrich. The Manifesto', ['Okafor, Grace', 'London, Jack', 'Marx, Karl', 'Engels, Friedrich'],
    [['Okafor, Grace', 'grace-okafor', 'person'], ['London, Jack', 'jack-london', 'person'], ['Marx, Karl', 'karl-marx', 'person'], ['Engels, Friedrich', 'friedrich-engels', 'person']],
    'at a line\'s start, surname, comma and given name before a work\'s title are an author written surname first'],
  ['Booked:\n\nMorrison, Wilson.\n\nMarshall, Laursen.', ['Morrison, Wilson', 'Marshall, Laursen'],
    [],
    'a line of surnames alone is no list of authors'],
  ['Senator Daniel Tarrant chaired it. Daniel, you did well. Thank you, Daniel.', ['Daniel'],
    [['Daniel', 'daniel-tarrant', 'person'], ['Daniel', 'daniel-tarrant', 'person']],
    'a lone given name called out to is the one person of the story named in full with it'],
  ['Thank you, Madam Speaker. I yield back.', ['Madam Speaker'],
    [['Madam Speaker', '', 'person']],
    'a person addressed by office alone is a person\'s mention of no actor: the holder is not named'],
  ['Mr. Chair, my colleague Dana Whitfield deserves thanks.', ['Mr. Chair', 'Dana Whitfield'],
    [['Mr. Chair', '', 'person'], ['Dana Whitfield', 'dana-whitfield', 'person']],
    'a chair addressed in a committee'],
  ['We thank the Secretary-General for his report. The Senator from Alaska voted no.', ['Secretary-General', 'Senator from Alaska'],
    [['Secretary-General', '', 'person'], ['Senator from Alaska', '', 'person']],
    'a capitalised office with nobody named so is a person\'s mention of no actor (with the state it is held for)'],
  ['President Ines Valdor spoke in Lima. Later the President of Peru met the 12th Mayor of Baltimore.', ['President Ines Valdor', 'President of Peru', '12th Mayor of Baltimore'],
    [['President Ines Valdor', 'ines-valdor', 'person'], ['President of Peru', 'ines-valdor', 'person'], ['12th Mayor of Baltimore', '', 'person']],
    'a capitalised title of a known state or place names its holder when the article names one, else is of no actor'],
  ['The Director-General of the World Health Organization Tedros Adhanom spoke.', ['Director-General of the World Health Organization'],
    [],
    'with a name after it, the title is part of that person\'s phrase, no mention of its own'],
  ['Critics wrote to the Kremlin. Our outstanding Russian Ambassador replied, and the NATO Spokesperson agreed.', ['Our outstanding Russian Ambassador', 'NATO Spokesperson'],
    [['Our outstanding Russian Ambassador', '', 'person'], ['NATO Spokesperson', '', 'person']],
    'a state\'s or a body\'s capitalised title with no name is a person\'s mention (its determiner and one adjective in it)'],
  ['Fans queued for The Return of the King at the Official Film Chart party.', ['King', 'Official'],
    [],
    'a title word inside a work\'s title or a longer name is no office'],
  ['Mr President Lula spoke first.', ['Mr President Lula'],
    [['Mr President Lula', 'luiz-inacio-lula-da-silva', 'person']],
    'with a name after the title, the name says who'],
  ['Band manager Tomasz Rybicki spoke. \"I\'m told the tour is off,\" he said. I\'m Tomasz Rybicki.', ["I'm", "I'm Tomasz Rybicki", 'Tomasz Rybicki'],
    [['Tomasz Rybicki', 'tomasz-rybicki', 'person'], ['Tomasz Rybicki', 'tomasz-rybicki', 'person']],
    '"I\'m" is a pronoun and a verb, never a name or part of one'],
  ['Painter Idris Okafor sold prints. There are Okafor Kodachrome shows in Leeds.', ['Okafor', 'Okafor Kodachrome', 'Kodachrome'],
    [['Okafor', 'idris-okafor', 'person']],
    'the surname of a person named in full, opening capitalised words no cue makes a name, is that person and no new person'],
];

describe('entities: people named like places, and titles without names', () => {
  for (const [text, surfaces, expected, why] of ROWS) {
    it(`${why}: ${text}`, () => {
      const got = extractText(text).mentions.filter((m) => surfaces.includes(m.text)).map((m) => [m.text, m.entity, m.entityType]);
      assert.deepEqual(got, expected.map((e) => [...e]));
    });
  }
});

describe('entities: a title in address makes no node', () => {
  it('no entity record, no fact end for "Madam Speaker"', () => {
    const result = extractText('Madam Speaker, the Senate has failed. Madam Speaker, I yield back.');
    assert.equal(result.mentions.filter((m) => m.rule === 'title-in-address').length, 2);
    assert.ok(result.entities.every((e) => e.id !== ''));
    assert.ok(result.facts.every((f) => f.source !== '' && f.target !== ''));
  });
});
