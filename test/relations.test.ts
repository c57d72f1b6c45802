// Sentences → expected facts. Each row is a structure the relation rules must handle.
import { strict as assert } from 'node:assert';
import { extractText } from './helpers/extract';

const CONTEXT = 'US President Donald Trump, Russian President Vladimir Putin, Ukrainian President Volodymyr Zelenskyy and US envoy Steve Witkoff were named. ';

type Row = readonly [sentence: string, expected: readonly string[], why: string];

const ROWS: readonly Row[] = [
  ['Trump urged Putin to spare the troops.', ['donald-trump urged vladimir-putin'], 'verb frame: urge X to'],
  ['Putin was urged by Trump to act.', ['donald-trump urged vladimir-putin'], 'passive with by-agent'],
  ['Trump did not urge Putin to act.', ['donald-trump urged vladimir-putin (negated)'], 'negation'],
  ['Witkoff met Putin in Moscow on Thursday.', ['steve-witkoff met vladimir-putin'], 'met, place is not a target'],
  ['Witkoff met with Putin.', ['steve-witkoff met vladimir-putin'], 'met with'],
  ['Trump spoke with Putin this week.', ['donald-trump met vladimir-putin'], 'spoke with → met'],
  ['Witkoff had a lengthy meeting with Putin.', ['steve-witkoff met vladimir-putin'], 'light verb + noun frame'],
  ['Zelenskyy accused Russia of prolonging the war.', ['volodymyr-zelenskyy accused russia'], 'accuse X of'],
  ['Zelenskyy blamed Moscow for the attack.', ['volodymyr-zelenskyy accused russia'], 'capital as government'],
  ['The Kremlin rejected the proposal.', ['russia rejected proposal'], 'seat as government, topic target'],
  ['Trump said he had asked Putin to ensure their safety.', ['donald-trump urged vladimir-putin'], 'reported speech, pronoun subject'],
  ['Putin sent a message to Trump.', ['vladimir-putin informed donald-trump'], 'sent a message to'],
  ['Witkoff briefed Trump on the talks.', ['steve-witkoff informed donald-trump'], 'brief → informed'],
  ['Trump wants Moscow and Kyiv to agree to a ceasefire.', ['donald-trump urged russia', 'donald-trump urged ukraine', 'russia accepted ceasefire (hypothetical)', 'ukraine accepted ceasefire (hypothetical)'], 'want X to; coordination; infinitive is hypothetical'],
  ['Ukraine agreed to the 30-day truce.', ['ukraine accepted ceasefire'], 'agree to; truce → ceasefire'],
  ['The US proposed a 30-day ceasefire between Russia and Ukraine.', ['united-states proposed ceasefire'], 'propose a topic'],
  ['Putin proclaimed his support of the ceasefire.', ['vladimir-putin supported ceasefire'], 'possessive pronoun + noun frame'],
  ["The Kremlin confirmed Russia's acceptance of the ceasefire.", ['russia accepted ceasefire'], 'possessive noun frame'],
  ['Talks between American and Ukrainian officials ended.', ['ukraine met united-states'], 'talks between, demonym + group noun'],
  ['American officials had met with Russian delegates in Jeddah.', ['russia met united-states'], 'demonym groups on both sides'],
  ['Washington committed to resuming military aid to Kyiv.', ['united-states promised ukraine'], 'commit to … gerund'],
  ['Russia attacked Ukraine.', ['russia attacked ukraine'], 'attack'],
  ['Russian forces shelled Ukrainian troops.', ['russia attacked ukraine'], 'demonym groups, shell'],
  ['The United States sanctioned Russia.', ['united-states sanctioned russia'], 'sanction'],
  ['Zelenskyy warned Russia.', ['volodymyr-zelenskyy warned russia'], 'warn'],
  ['Putin refused to accept the ceasefire.', ['vladimir-putin accepted ceasefire (negated)'], 'refuse to: the complement is negated'],
  ['If Russia accepts the ceasefire, sanctions will end.', ['russia accepted ceasefire (hypothetical)'], 'condition'],
  ['Putin could meet Trump next week.', ['donald-trump met vladimir-putin (hypothetical)'], 'modal'],
  ['Trump and Zelenskyy met in Washington.', [], 'no target: symmetric meeting without object is not guessed'],
  ['The weather in Moscow was cold.', [], 'no act'],
  ['The proposed truce was discussed.', [], 'attributive participle is no act'],
  ['Zelenskyy said Ukraine was prepared for the proposed truce.', [], 'no false proposal'],
  ['Russian President Vladimir Putin met Trump.', ['donald-trump met vladimir-putin'], 'title phrase subject'],
  ['Putin met Witkoff. The Russian President later called on Trump to act.', ['steve-witkoff met vladimir-putin', 'vladimir-putin urged donald-trump'], 'title reference resolves to holder'],
];

describe('relations: sentences → facts', () => {
  for (const [sentence, expected, why] of ROWS) {
    it(`${why}: ${sentence}`, () => {
      const result = extractText(CONTEXT + sentence);
      // Only facts whose evidence is the row's sentence count.
      const own = result.facts.filter((f) => f.start >= CONTEXT.length && !['leader_of', 'member_of', 'located_in'].includes(f.relation));
      const ends = (f: { source: string; relation: string; target: string }): string =>
        f.relation === 'met' && f.target < f.source ? `${f.target} met ${f.source}` : `${f.source} ${f.relation} ${f.target}`;
      const got = [...new Set(own.map((f) => `${ends(f)}${f.negated ? ' (negated)' : ''}${f.hypothetical ? ' (hypothetical)' : ''}`))].sort();
      assert.deepEqual(got, [...expected].sort());
    });
  }
});

describe('relations: provenance', () => {
  it('every fact carries the sentence that proves it, with offsets into the document', () => {
    const text = `${CONTEXT}Witkoff met Putin in Moscow. Zelenskyy accused Russia of stalling.`;
    const result = extractText(text, 'doc-1');
    assert.ok(result.facts.length >= 2);
    for (const f of result.facts) {
      assert.equal(text.slice(f.start, f.end), f.sentence);
      assert.equal(f.doc, 'doc-1');
      assert.ok(f.sentence.includes(f.trigger), `${f.trigger} in ${f.sentence}`);
      assert.ok(f.rule.length > 0);
    }
  });

  it('keeps who reported a third party\'s act', () => {
    const result = extractText('Kremlin spokesman Dmitry Peskov said Russian President Vladimir Putin had sent a message to US President Donald Trump.');
    const fact = result.facts.find((f) => f.relation === 'informed');
    assert.equal(fact?.reportedBy, 'dmitry-peskov');
  });
});
