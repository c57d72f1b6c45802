// Sentences → expected facts. Each row is a structure the relation rules must handle; the
// sentences were written for these tests. A fact is written "source relation target", then
// " (negated)", " (hypothetical)" and " [by reporter]" when set; `met` lists its ends in key order.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { extractText, factLines } from './helpers/extract';
import { COLLOCATION_FRAMES, GOLDSTEIN, NOUN_FRAMES, VERB_FRAMES } from '../src/relations';
import { RELATIONS } from '../src/types';

const CONTEXT = 'US President Donald Trump, Russian President Vladimir Putin, Ukrainian President Volodymyr Zelenskyy, '
  + 'US envoy Steve Witkoff, French President Emmanuel Macron, German Chancellor Olaf Scholz, NATO Secretary-General '
  + 'Mark Rutte, Japanese Prime Minister Shigeru Ishiba and Kremlin spokesman Dmitry Peskov were named. ';

type Row = readonly [sentence: string, expected: readonly string[], why: string];

const ROWS: readonly Row[] = [
  // ---- verb frames
  ['Trump urged Putin to spare the troops.', ['donald-trump urged vladimir-putin'], 'urge X to'],
  ['Macron called on Scholz to back the plan.', ['emmanuel-macron urged olaf-scholz', 'olaf-scholz supported plan (hypothetical)'], 'call on X to; the asked-for act is hypothetical'],
  ['Rutte pressed Germany to spend more on defence.', ['mark-rutte urged germany'], 'press X to'],
  ['Japan asked China to release the detained fishermen.', ['japan urged china'], 'ask X to'],
  ['Witkoff met Putin in Moscow on Thursday.', ['steve-witkoff met vladimir-putin'], 'met; a city after "in" is no target'],
  ['Witkoff met with Putin.', ['steve-witkoff met vladimir-putin'], 'met with'],
  ['Trump spoke with Putin this week.', ['donald-trump met vladimir-putin'], 'spoke with → met'],
  ['Macron hosted Ishiba at the Elysee Palace.', ['emmanuel-macron met shigeru-ishiba'], 'host → met'],
  ['Ishiba visited Germany in May.', ['germany met shigeru-ishiba'], 'visit a country → met (CAMEO 042)'],
  ['Scholz arrived in France on Monday.', ['france met olaf-scholz'], 'arrive in a country: a visit by someone whose own country is known'],
  ['Zelenskyy arrived in Ukraine on Monday.', [], 'arriving in one\'s own country is no visit'],
  ["Japan's Foreign Minister Yoko Kamikawa flew to China.", ['china met yoko-kamikawa'], 'own country from a possessive title'],
  ['Tony Blair arrived in Britain on Sunday.', [], 'a person whose country is unknown visits no one'],
  ['Zelenskyy accused Russia of prolonging the war.', ['volodymyr-zelenskyy accused russia'], 'accuse X of'],
  ['Zelenskyy blamed Moscow for the attack.', ['volodymyr-zelenskyy accused russia'], 'capital as government'],
  ['France condemned the attack by Iran.', ['france accused iran'], 'condemn the act by X'],
  ['The Kremlin rejected the proposal.', ['russia rejected proposal'], 'seat as government, topic target'],
  ['Putin sent a message to Trump.', ['vladimir-putin informed donald-trump'], 'sent a message to'],
  ['Witkoff briefed Trump on the talks.', ['steve-witkoff informed donald-trump'], 'brief → informed'],
  ['Zelenskyy warned Russia.', ['volodymyr-zelenskyy warned russia'], 'warn'],
  ['The United States sanctioned Russia.', ['united-states sanctioned russia'], 'sanction'],
  ['Russia attacked Ukraine.', ['russia attacked ukraine'], 'attack'],
  ['Apple sued Samsung over patents.', ['apple accused samsung'], 'a lawsuit accuses in court (CAMEO 115)'],
  ['Macron invited Zelenskyy to Paris.', ['emmanuel-macron met volodymyr-zelenskyy (hypothetical)', 'emmanuel-macron proposed volodymyr-zelenskyy'], 'an invitation offers a meeting (CAMEO 036): the meeting is planned'],
  ['Former Wimbledon champion Conchita Martinez reached the second round.', [], 'a bare noun between a name and a person is a title, not a verb ("champion")'],
  ['The European Commission fined Google 2.4 billion euros.', ['european-commission sanctioned google'], 'a regulator\'s fine is a sanction'],
  ['Russian forces shelled Ukrainian troops.', ['russia attacked ukraine'], 'demonym groups, shell'],
  ['Israeli forces struck Hamas targets in Gaza.', ['israel attacked hamas'], 'an actor\'s targets, positions, bases: attacking them attacks the actor'],
  ['Russia shelled Ukrainian positions near Bakhmut.', ['russia attacked ukraine'], 'demonym + a thing a strike hits'],
  ['Russian drones hit Ukrainian energy facilities overnight.', ['russia attacked ukraine'], 'weapons act for their side; one noun between demonym and head'],
  ['Germany will not send Taurus missiles to Ukraine.', ['germany aided ukraine (negated) (hypothetical)'], 'a name before the aid noun modifies it; the target follows "to"'],
  ['The US sent Ukraine more weapons.', ['united-states aided ukraine'], 'an indirect object before the aid noun'],
  ['Germany armed Ukraine.', ['germany aided ukraine'], 'arm → aided'],
  ['Ukraine agreed to the 30-day truce.', ['ukraine accepted ceasefire'], 'agree to; truce → ceasefire'],
  ['The US proposed a 30-day ceasefire between Russia and Ukraine.', ['russia promised ukraine (hypothetical)', 'ukraine promised russia (hypothetical)', 'united-states proposed ceasefire'], 'propose a topic'],
  ['Scholz backed the ceasefire.', ['olaf-scholz supported ceasefire'], 'back → supported'],
  ['Macron praised Japan.', ['emmanuel-macron supported japan'], 'praise → supported (CAMEO 051)'],
  ['Japan agrees with France that the dispute should go to arbitration.', ['japan supported france'], 'agree with X → supported'],
  ['Ishiba promised Ukraine more help.', ['shigeru-ishiba promised ukraine'], 'promise X'],

  // ---- passives
  ['Putin was urged by Trump to act.', ['donald-trump urged vladimir-putin'], 'passive with by-agent'],
  ['Iran was sanctioned by the European Union.', ['european-union sanctioned iran'], 'passive sanction'],
  ['Ukraine was attacked by Russia overnight.', ['russia attacked ukraine'], 'passive attack'],
  ['Japan was fiercely criticised by China.', ['china accused japan'], 'passive with adverb'],
  ['Sanctions were imposed on Iran by the European Union.', ['european-union sanctioned iran'], 'passive collocation: noun before the verb'],
  ['Evidence against Russia was presented by the US.', ['united-states accused russia'], 'passive collocation: target in the subject'],
  ['Putin was met by Witkoff at the airport.', ['steve-witkoff met vladimir-putin'], 'irregular participle passive'],
  ['Ukraine was shelled overnight.', [], 'passive without agent: no source'],

  // ---- coordination
  ['Trump wants Moscow and Kyiv to agree to a ceasefire.', ['donald-trump urged russia', 'donald-trump urged ukraine', 'russia accepted ceasefire (hypothetical)', 'ukraine accepted ceasefire (hypothetical)'], 'want X to; coordinated object is the infinitive subject'],
  ['France and Germany urged Iran to return to talks.', ['france urged iran', 'germany urged iran'], 'coordinated subject'],
  ['Japan, South Korea and Australia condemned North Korea.', ['australia accused north-korea', 'japan accused north-korea', 'south-korea accused north-korea'], 'list subject'],
  ['Germany sanctioned Iran, Syria and North Korea.', ['germany sanctioned iran', 'germany sanctioned north-korea', 'germany sanctioned syria'], 'list object'],
  ['France and the often hesitant Germany backed Ukraine.', ['france supported ukraine', 'germany supported ukraine'], 'conjunct with determiner and adjectives'],
  ['Trump and Zelenskyy met in Washington.', ['donald-trump met volodymyr-zelenskyy'], 'coordinated subjects of a symmetric verb meet each other'],
  ['Trump met Putin, and Zelenskyy warned Russia.', ['donald-trump met vladimir-putin', 'volodymyr-zelenskyy warned russia'], 'two clauses: no list across ", and"'],
  ['Trump met Putin and Zelenskyy warned Russia.', ['donald-trump met vladimir-putin', 'volodymyr-zelenskyy warned russia'], 'a conjunct with its own verb starts a clause'],
  ['France condemned the attack and promised aid to Ukraine.', ['france promised ukraine'], 'second verb shares the subject'],
  ['Neither France nor Germany backed the plan.', ['france supported plan (negated)', 'germany supported plan (negated)'], 'neither … nor negates every conjunct'],
  ['Japan and China agreed that the talks should continue.', ['china supported japan', 'japan supported china'], 'X and Y agree: both directions'],

  // ---- nominalisations and collocations
  ['Talks between American and Ukrainian officials ended.', ['ukraine met united-states'], 'talks between, demonym + group noun'],
  ['American officials had met with Russian delegates in Jeddah.', ['russia met united-states'], 'demonym groups on both sides'],
  ['Witkoff had a lengthy meeting with Putin.', ['steve-witkoff met vladimir-putin'], 'light verb + noun frame'],
  ["Macron's meeting with Scholz was brief.", ['emmanuel-macron met olaf-scholz'], "X's meeting with Y"],
  ["Scholz's call for Russia to withdraw went unanswered.", ['olaf-scholz urged russia'], "X's call for Y to"],
  ['Putin proclaimed his support of the ceasefire.', ['vladimir-putin supported ceasefire'], 'possessive pronoun + noun frame'],
  ["The Kremlin confirmed Russia's acceptance of the ceasefire.", ['russia accepted ceasefire'], 'possessive noun frame'],
  ['Kyiv welcomed the US-proposed ceasefire.', ['ukraine supported ceasefire', 'united-states proposed ceasefire'], 'the US-proposed ceasefire'],
  ["Ishiba's visit to Germany lasted two days.", ['germany met shigeru-ishiba'], "X's visit to Y"],
  ["Russia's attack on Ukraine continued.", ['russia attacked ukraine'], "X's attack on Y"],
  ['US aid to Ukraine resumed.', ['united-states aided ukraine'], 'country as noun modifier owns the act'],
  ['China and Japan held talks in Tokyo.', ['china met japan'], 'coordinated owners of talks meet'],
  ['Egypt restored diplomatic ties with Qatar.', ['egypt supported qatar'], 'restore ties with → supported (CAMEO 054)'],
  ['Egypt and Qatar restored diplomatic relations.', ['egypt supported qatar', 'qatar supported egypt'], 'mutual collocation'],
  ['Ethiopia severed ties with Libya.', ['ethiopia sanctioned libya'], 'sever ties → sanctioned (CAMEO 161)'],
  ['Japan signed a trade agreement with Vietnam on Friday.', ['japan promised vietnam', 'vietnam promised japan'], 'sign an agreement with → promised (CAMEO 057), both ways'],
  ['Israel launched air strikes on Syria.', ['israel attacked syria'], 'launch strikes on'],
  ['North Korea fired two missiles at South Korea.', ['north-korea attacked south-korea'], 'fire missiles at'],
  ['The European Union imposed new sanctions on Iran.', ['european-union sanctioned iran'], 'impose sanctions on'],
  ['Poland called for sanctions against Belarus.', ['poland sanctioned belarus (hypothetical)'], 'call for sanctions: asked for, not imposed'],
  ['Germany sent weapons to Ukraine.', ['germany aided ukraine'], 'send weapons to'],
  ['Ukraine received air defence systems and money from Germany.', ['germany aided ukraine'], 'receive from: reversed direction'],
  ['Macron called for dialogue between Serbia and Kosovo.', ['emmanuel-macron urged kosovo', 'emmanuel-macron urged serbia'], 'appeal for dialogue between X and Y'],
  ['China urged restraint from India and Pakistan.', ['china urged india', 'china urged pakistan'], 'urge restraint from X and Y'],
  ['Macron called for calm in Paris.', [], 'an appeal about a city names no party'],
  ['Ukraine did not receive weapons from Germany.', ['germany aided ukraine (negated)'], 'negation of a reversed collocation'],
  ['Absa said it was close to striking a deal with Barclays.', ['absa promised barclays (hypothetical)'], 'close to: not yet done'],
  ['The US presented evidence against Russia.', ['united-states accused russia'], 'present evidence against'],
  ['France and Germany issued a joint statement with Japan.', ['france supported japan', 'germany supported japan'], 'joint statement with'],

  // ---- possessives, appositions, members
  ["Russia's government rejected the plan.", ['russia rejected plan'], 'possessive subject'],
  ['Iran, the region’s largest Shia power, warned Israel.', ['iran warned israel'], 'apposition between subject and verb'],
  ['The leaders of France and Germany met in Berlin.', ['france met germany'], 'members of X and Y'],
  ['Officials from Japan met Chinese diplomats.', ['china met japan'], 'officials from X'],
  ['The US commander in Iraq, General Mark Olsen, held talks with Scholz.', ['mark-olsen met olaf-scholz'], 'named apposition is the subject'],
  ['Macron urged Russia’s leaders to negotiate.', ['emmanuel-macron urged russia'], "X's leaders as object"],
  ['Zelenskyy met with exiled dissidents from Belarus.', [], 'an actor nested in the object phrase is no target'],

  // ---- reported speech and quotes
  ['Trump said he had asked Putin to ensure their safety.', ['donald-trump urged vladimir-putin'], 'reported speech, pronoun subject, no third party'],
  ['Peskov said Putin had met Witkoff.', ['steve-witkoff met vladimir-putin [by dmitry-peskov]'], 'reported by a third party'],
  ['Putin had met Witkoff, Peskov said.', ['steve-witkoff met vladimir-putin [by dmitry-peskov]'], 'speaker after the clause'],
  ['“I urged Putin to accept the ceasefire,” Trump said.', ['donald-trump urged vladimir-putin', 'vladimir-putin accepted ceasefire (hypothetical) [by donald-trump]'], 'quoted "I" is the speaker; the urged act is hypothetical'],
  ['“We will never accept this ceasefire,” Zelenskyy said.', ['ukraine accepted ceasefire (negated) (hypothetical) [by volodymyr-zelenskyy]'], 'quoted "we" is the speaker\'s country'],
  ['Ethiopia indicated it deplored Libya.', ['ethiopia accused libya'], '"it" after a reporting verb is its subject'],

  // ---- pronoun and title subjects
  ['Putin met Witkoff. The Russian President later called on Trump to act.', ['steve-witkoff met vladimir-putin', 'vladimir-putin urged donald-trump'], 'title reference resolves to holder'],
  ['Russian President Vladimir Putin met Trump.', ['donald-trump met vladimir-putin'], 'title phrase subject'],
  ['Scholz arrived late. He then met Macron.', ['emmanuel-macron met olaf-scholz'], 'pronoun subject from the previous sentence'],

  // ---- negation
  ['Trump did not urge Putin to act.', ['donald-trump urged vladimir-putin (negated)'], 'negation'],
  ['Putin refused to accept the ceasefire.', ['vladimir-putin accepted ceasefire (negated)'], 'refuse to: the complement is negated'],
  ['China never criticised Russia.', ['china accused russia (negated)'], 'never'],
  ["Japan didn't sign the agreement with Vietnam.", ['japan promised vietnam (negated)'], "n't"],
  ['Germany declined to back the plan.', ['germany supported plan (negated)'], 'decline to'],

  // ---- hypothetical: conditions, futures, plans, questions
  ['If Russia accepts the ceasefire, sanctions will end.', ['russia accepted ceasefire (hypothetical)'], 'condition'],
  ['Putin could meet Trump next week.', ['donald-trump met vladimir-putin (hypothetical)'], 'modal'],
  ['Macron will visit Japan in June.', ['emmanuel-macron met japan (hypothetical)'], 'future'],
  ['Scholz plans to meet Ishiba in Berlin.', ['olaf-scholz met shigeru-ishiba (hypothetical)'], 'plans to'],
  ['Will Trump meet Zelenskyy?', ['donald-trump met volodymyr-zelenskyy (hypothetical)'], 'question'],
  ['Egypt is about to restore full diplomatic ties with Qatar.', ['egypt supported qatar (hypothetical)'], 'is about to'],
  ['Gondor and Rohan postponed their meeting.', [], 'postponed meeting is to happen later (no known actors here)'],
  ['China and Japan postponed their meeting.', ['china met japan (hypothetical)'], 'postponed meeting: still to happen'],
  ['Iran threatened to attack Israel.', ['iran attacked israel (hypothetical)', 'iran warned israel'], 'threaten to: a warning to Y (CAMEO 13), the attack told as possible'],

  // ---- harder news sentences
  ["Russia's invasion of Ukraine shocked Europe.", ['russia attacked ukraine'], 'nominalised invasion of'],
  ['The meeting between Trump and Putin in Helsinki was tense.', ['donald-trump met vladimir-putin'], 'meeting between'],
  ['Angela Merkel met Donald Trump.', ['angela-merkel met donald-trump'], 'a sentence of two names and a short verb is prose, not a headline'],
  ['China accused the United States of bullying and warned Japan.', ['china accused united-states', 'china warned japan'], 'shared subject after "and"'],
  ['Macron told reporters that France would support Ukraine.', ['france supported ukraine (hypothetical) [by emmanuel-macron]'], 'reported future'],
  ['The EU, which sanctioned Russia in 2022, urged China to help.', ['european-union sanctioned russia', 'european-union urged china'], 'relative clause: "which" stands for the EU'],
  ["Trump's decision to meet Putin angered Kyiv.", ['donald-trump met vladimir-putin (hypothetical)'], 'a decision to meet is not a meeting'],
  ["The UN Security Council condemned North Korea's missile launch.", ['un-security-council accused north-korea'], "condemn X's act → accused X"],
  ['France will host talks between Iran and the United States.', ['france met iran (hypothetical)', 'france met united-states (hypothetical)', 'iran met united-states (hypothetical)'], 'future governs the nominal; the host meets each side'],
  ['Macron said he had spoken to Putin by phone.', ['emmanuel-macron met vladimir-putin'], 'spoke to by phone'],
  ['Russia is accused by Ukraine of war crimes.', ['ukraine accused russia'], 'present passive'],
  ['Zelenskyy will travel to Washington to meet Trump.', ['donald-trump met volodymyr-zelenskyy (hypothetical)', 'united-states met volodymyr-zelenskyy (hypothetical)'], 'purpose infinitive after travel; a capital is its state for a head of another state'],
  ['Putin praised Trump’s efforts to end the war.', ['vladimir-putin supported donald-trump'], "praise X's efforts"],
  ['Israel and Hamas agreed to a ceasefire.', ['hamas accepted ceasefire', 'hamas promised israel', 'israel accepted ceasefire', 'israel promised hamas'], 'coordinated subject, topic target; two sides agreeing to one truce commit to each other'],
  ['The ministers of Japan and South Korea will meet next month.', ['japan met south-korea (hypothetical)'], 'members of X and Y meet'],
  ['Trump thanked Zelenskyy.', [], 'thanks are no support of the one thanked'],
  ['The sanctions against Russia hurt German exporters.', [], 'sanctions without an owner'],
  ['The attack on the embassy was condemned by France.', [], 'passive with no actor as patient'],
  ['Turkey offered to mediate between Russia and Ukraine.', ['russia met turkey (hypothetical)', 'turkey met ukraine (hypothetical)'], 'an offer to mediate is no proposal to anyone named; the mediation (CAMEO 045) is only offered'],

  ['Fox attacked Blair’s record on Iraq.', [], 'unknown people: no fact'],
  ['Scholz attacked Macron over the budget.', ['olaf-scholz accused emmanuel-macron'], 'a person attacking a person: words (CAMEO 111)'],
  ['Macron told the BBC that France would stay.', [], 'telling a news outlet is a statement'],
  ['Scholz told the Daily Record newspaper he would resign.', [], 'an outlet named by its kind'],
  ['Trump told reporters Russia would pay a price.', ['donald-trump warned russia'], 'a noun object fills the slot: Russia starts a new clause, told as a threat, not informed'],
  ['Zelenskyy asked Macron if France would help.', [], '"asked X if" is a question, not a request'],
  ['Scholz dismissed claims Russia had attacked Poland.', ['russia attacked poland (hypothetical)'], 'what claims say is not asserted'],
  ['Labour accused of propaganda.', [], 'headline passive without agent'],
  ['Scholz visited the tomb of Charles de Gaulle.', [], 'a visit to a tomb is no meeting'],
  ['Macron spoke at a Japan trade fair.', [], 'an actor modifying a noun is no target'],

  ['Russia would withdraw its troops and restore ties with Ukraine.', ['russia supported ukraine (hypothetical)'], 'a modal scopes over a coordinated bare verb'],
  ['Macron said France would help and criticised Russia.', ['emmanuel-macron accused russia'], 'a past verb after "and" goes with "said", not with the modal clause'],
  ['Prosecutors blamed Boeing for the delays.', [], 'a common-noun subject is no actor'],
  ['The UK-wide strike hit Germany.', [], 'an actor in a hyphen compound does not act'],

  ["Scholz's colleagues refused to support him.", [], 'the controlling verb has a common-noun subject'],
  ['Scholz denied accusing France of stalling.', ['olaf-scholz accused france (negated)'], 'denied + gerund negates'],
  ['Macron is proposing a system similar to Japan’s.', [], '"similar to" is no proposal to Japan'],
  ['Scholz told the German newspaper Bild that he would stay.', [], 'an outlet named after its kind'],
  ['The withdrawal did not mean that Libya had cut its ties with Egypt.', ['libya sanctioned egypt (hypothetical)'], 'complement of a negated verb is not asserted'],
  ['Japan and China have agreed to begin talks on fishing rights.', ['china met japan (hypothetical)'], 'agreed to begin talks: the talks are still to come'],
  ['Russia stepped up its attacks against Gazprom.', ['russia accused gazprom'], 'attacks on a company are words or lawsuits, not force'],

  // ---- no fact
  ['The weather in Moscow was cold.', [], 'no act'],
  ['The proposed truce was discussed.', [], 'attributive participle is no act'],
  ['Zelenskyy said Ukraine was prepared for the proposed truce.', [], 'no false proposal'],
  ['Witkoff flew to Moscow on Thursday.', ['russia met steve-witkoff'], 'an envoy of one state flying to another\'s capital visits that state'],
  ['Macron met reporters in Paris.', [], 'no actor as object'],
  ['Zelenskyy met with tribal leaders.', [], 'met with an unrecognised group: no mutual meeting'],
  ['The talks in Geneva ended without a statement.', [], 'talks without participants'],
  ['Germany’s economy grew faster than France’s.', [], 'comparison, no act'],
  ['Trump fired his adviser.', [], '"fire" without a preposition is a dismissal, not an attack'],
  ['Putin returned to Russia after the summit.', [], 'an actor returning home is no visit'],
  ['Macron chose not to help France defend the Davis Cup title, and Scholz backed Germany to win the World Cup.', [], 'in a sentence naming a competition of national sides a state is its side: no fact with the state'],
  ['Macron urged the England left-back to stay, and Scholz praised the Germany captain.', [], 'a state or home nation before a side\'s staff word names its national side: no fact with the state'],
];

const ROLE_RELATIONS = new Set(['leader_of', 'member_of', 'located_in']);

function factsOf(text: string): string[] {
  const result = extractText(CONTEXT + text);
  // Only facts whose evidence is the row's own text count.
  const own = result.facts.filter((f) => f.start >= CONTEXT.length && !ROLE_RELATIONS.has(f.relation));
  return factLines(own);
}

describe('relations: sentences → facts', () => {
  it('has at least 80 rows', () => assert.ok(ROWS.length >= 80, `${ROWS.length} rows`));
  for (const [sentence, expected, why] of ROWS) {
    it(`${why}: ${sentence}`, () => {
      assert.deepEqual(factsOf(sentence), [...expected].sort());
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

  it('every relation fact carries a CAMEO code and its Goldstein score', () => {
    const result = extractText(`${CONTEXT}Witkoff met Putin. Russia attacked Ukraine. Egypt restored ties with Qatar.`);
    const relations = result.facts.filter((f) => !ROLE_RELATIONS.has(f.relation));
    assert.ok(relations.length >= 3);
    for (const f of relations) {
      assert.match(f.cameo ?? '', /^\d{3,4}$/);
      assert.equal(f.goldstein, GOLDSTEIN[f.cameo ?? '']);
    }
    assert.equal(relations.find((f) => f.relation === 'attacked')?.cameo, '190');
  });

  it("keeps who reported a third party's act", () => {
    const result = extractText('Kremlin spokesman Dmitry Peskov said Russian President Vladimir Putin had sent a message to US President Donald Trump.');
    const fact = result.facts.find((f) => f.relation === 'informed');
    assert.equal(fact?.reportedBy, 'dmitry-peskov');
  });
});

describe('relations: frames are data', () => {
  const rows = [...VERB_FRAMES, ...NOUN_FRAMES, ...COLLOCATION_FRAMES];
  it('every row has an id, a reason, a relation of the vocabulary and a CAMEO code with a Goldstein score', () => {
    for (const row of rows) {
      assert.ok(row.id && row.reason.length > 10, `${row.id}: reason`);
      assert.ok((RELATIONS as readonly string[]).includes(row.relation), `${row.id}: ${row.relation}`);
      assert.ok(GOLDSTEIN[row.cameo] !== undefined, `${row.id}: no Goldstein score for CAMEO ${row.cameo}`);
    }
  });
  it('row ids are unique within each table', () => {
    for (const table of [VERB_FRAMES, NOUN_FRAMES, COLLOCATION_FRAMES]) {
      const ids = table.map((r) => r.id);
      assert.deepEqual(ids, [...new Set(ids)]);
    }
  });
});

// Golden graphs: whole articles written for these tests (test/golden/*.txt) and the relation facts
// expected from each (*.facts.json), compared exactly. After a deliberate change, review the diff
// and rewrite them with UPDATE_GOLDEN=1.
describe('relations: golden articles', () => {
  const dir = path.join(__dirname, 'golden');
  const articles = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

  it('has golden articles', () => assert.ok(articles.length >= 2, articles.join(', ')));

  for (const file of articles) {
    it(`${file} gives its expected facts`, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const result = extractText(text, file);
      const facts = result.facts.filter((f) => !ROLE_RELATIONS.has(f.relation)).map((f) => ({
        source: f.source, relation: f.relation, target: f.target, negated: f.negated, hypothetical: f.hypothetical,
        ...(f.reportedBy ? { reportedBy: f.reportedBy } : {}),
        trigger: f.trigger, rule: f.rule, cameo: f.cameo, goldstein: f.goldstein,
        start: f.start, end: f.end, sentence: f.sentence,
      }));
      for (const f of facts) assert.equal(text.slice(f.start, f.end), f.sentence);
      const goldenFile = path.join(dir, file.replace(/\.txt$/, '.facts.json'));
      const actual = `${JSON.stringify(facts, null, 2)}\n`;
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(goldenFile, actual);
      assert.ok(fs.existsSync(goldenFile), `${goldenFile} is missing: run with UPDATE_GOLDEN=1 and review it`);
      assert.deepEqual(JSON.parse(actual), JSON.parse(fs.readFileSync(goldenFile, 'utf8')));
      // Same input, same output.
      assert.equal(`${JSON.stringify(extractText(text, file).facts)}`, JSON.stringify(result.facts));
    });
  }
});

// Random sentences from relation vocabulary: extraction never throws, and every relation fact's
// evidence is the sentence that holds its trigger, with a CAMEO code and a Goldstein score.
// (test/properties.test.ts checks the offsets of every fact over random Unicode and markup.)
describe('relations: properties', () => {
  const WORDS = ['Putin', 'Trump', 'Macron', 'Russia', 'Ukraine', 'China', 'Japan', 'the EU', 'NATO', 'Kyiv', 'Moscow', 'he', 'she', 'its', 'I', 'we',
    'met', 'urged', 'asked', 'called', 'on', 'accused', 'warned', 'attacked', 'sanctioned', 'restored', 'ties', 'with', 'signed', 'a', 'deal',
    'launched', 'strikes', 'against', 'sanctions', 'talks', 'between', 'and', 'or', 'nor', 'neither', ',', '.', '?', '"', '“', '”', '(', ')',
    'not', "n't", 'would', 'if', 'to', 'by', 'was', 'said', 'of', 'the', 'ceasefire', 'accepted', 'rejected', "'s", '-', 'proposed', 'visit', '\n'];
  const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));
  it('evidence is the trigger\'s sentence; every fact has CAMEO and Goldstein (2,000 cases)', () => {
    fc.assert(fc.property(sentence, (text) => {
      const result = extractText(text);
      for (const f of result.facts) {
        assert.equal(text.slice(f.start, f.end), f.sentence);
        if (ROLE_RELATIONS.has(f.relation)) continue;
        assert.ok(f.sentence.includes(f.trigger), `${f.trigger} in «${f.sentence}»`);
        assert.ok(f.cameo && GOLDSTEIN[f.cameo] !== undefined, `cameo ${f.cameo}`);
        assert.equal(f.goldstein, GOLDSTEIN[f.cameo]);
        assert.notEqual(f.source, f.target);
      }
    }), { numRuns: 2000, seed: 5 });
  });
});
