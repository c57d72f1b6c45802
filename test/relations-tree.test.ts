// Relations read from the dependency tree: the constructions token walks get wrong, as a table of
// sentences (written for these tests) → expected facts, with direction, modality and reporter.
// A fact is "source relation target", then " (negated)", " (hypothetical)", " [by reporter]".
import { strict as assert } from 'node:assert';
import { extractText } from './helpers/extract';

const CONTEXT = 'UN nuclear chief Rafael Grossi, Iranian atomic energy head Mohammad Eslami, French President Emmanuel Macron, '
  + 'German Chancellor Olaf Scholz, US President Donald Trump and Russian President Vladimir Putin were named. ';

type Row = readonly [sentence: string, expected: readonly string[], why: string];

const ROWS: readonly Row[] = [
  ['Grossi, the director general of the IAEA, met with Eslami in Tehran.', ['mohammad-eslami met rafael-grossi'], 'the subject stands past an apposition; the apposition\'s organisation does not meet'],
  ['Macron, who met Scholz on Monday, criticised China on Tuesday.', ['emmanuel-macron accused china', 'emmanuel-macron met olaf-scholz'], 'a relative clause: its pronoun stands for the noun it describes'],
  ['Ukraine was attacked by Russia overnight.', ['russia attacked ukraine'], 'passive: the by-agent acts'],
  ['Japan and South Korea were accused by North Korea of provocations.', ['north-korea accused japan', 'north-korea accused south-korea'], 'passive with a coordinated patient'],
  ['North Korea did not answer, but its state media accused Japan and South Korea of plotting a war.', ['north-korea accused japan', 'north-korea accused south-korea'], 'a coordinated object of two names'],
  ['Russian and Ukrainian delegates met in Istanbul.', ['russia met ukraine'], 'demonyms before a member noun are the actors'],
  ['Trump did not meet Putin.', ['donald-trump met vladimir-putin (negated)'], 'negation on the verb'],
  ['Putin could attack Poland.', ['vladimir-putin attacked poland (hypothetical)'], 'a modal: not asserted'],
  ['Scholz refused to meet Putin.', ['olaf-scholz met vladimir-putin (negated)'], 'a refusal negates its infinitive'],
  ['Macron wants Scholz to back the plan.', ['emmanuel-macron urged olaf-scholz', 'olaf-scholz supported plan (hypothetical)'], 'object control: the wanted act is the object\'s, and hypothetical'],
  ['Scholz travelled to Paris to meet Macron.', ['emmanuel-macron met olaf-scholz (hypothetical)'], 'a purpose infinitive is intended, not reported as done'],
  ['Macron denied that France had armed Russia.', ['france aided russia (hypothetical)'], 'a denied complement is not asserted'],
  ['Trump met Putin and Scholz warned Russia.', ['donald-trump met vladimir-putin', 'olaf-scholz warned russia'], 'a conjunct followed by its own verb starts a new clause'],
  ['Macron met reporters and Scholz in Berlin.', ['emmanuel-macron met olaf-scholz'], 'a coordinated object, one end not an actor'],
  ['Putin left the door open for Scholz.', [], '"left X for Y" with an object of its own is no visit'],
  ['Scholz rejected suggestions that he had told Putin about the plan.', ['olaf-scholz informed vladimir-putin (hypothetical)'], 'what a suggestion says is not asserted'],
];

function factsOf(text: string): string[] {
  const result = extractText(CONTEXT + text);
  const own = result.facts.filter((f) => f.start >= CONTEXT.length && !['leader_of', 'member_of', 'located_in'].includes(f.relation));
  const ends = (f: { source: string; relation: string; target: string }): string =>
    f.relation === 'met' && f.target < f.source ? `${f.target} met ${f.source}` : `${f.source} ${f.relation} ${f.target}`;
  return [...new Set(own.map((f) => `${ends(f)}${f.negated ? ' (negated)' : ''}${f.hypothetical ? ' (hypothetical)' : ''}${f.reportedBy ? ` [by ${f.reportedBy}]` : ''}`))].sort();
}

describe('relations from the tree: sentences → facts', () => {
  for (const [sentence, expected, why] of ROWS) {
    it(`${why}: ${sentence}`, () => {
      assert.deepEqual(factsOf(sentence), [...expected].sort());
    });
  }
});
