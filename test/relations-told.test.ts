// Acts told before and judged, charged or denied later (src/relations/tree-told.ts), as a table of
// sentences written for these tests → expected facts, with direction, modality and reporter.
// A fact is "source relation target", then " (negated)", " (hypothetical)", " [by reporter]".
import { strict as assert } from 'node:assert';
import { extractText, factLines } from './helpers/extract';

type Row = readonly [text: string, expected: readonly string[], why: string];

const ROWS: readonly Row[] = [
  ['Israel launched air strikes on Gaza on Tuesday. Hamas said it would respond. The talks stalled. Markets fell. Egypt condemned the attacks.', ['israel attacked gaza', 'egypt accused israel'],
    'an attack told four sentences back is judged when one author did all the attacks told'],
  ['North Korea test-fired a long-range missile on Monday. Japan condemned the launch as a provocation.', ['japan accused north-korea'],
    'judging an act told without a target (a launch) accuses its author'],
  ['Iran launched a rocket on Friday, its third this year, days after talks stalled. Analysts were unsurprised. Few expected it. Germany condemned the launch.', ['germany accused iran'],
    'an act of its own kind ("the launch") is taken up from the story\'s start'],
  ['North Korea fired a missile into the sea. Canada said the test violated Security Council resolutions.', ['canada accused north-korea'],
    'saying an act violates something accuses its author'],
  ['Venezuela signed a law claiming the region. Guyana called the move a threat to its sovereignty.', ['guyana accused venezuela'],
    'a label on "the move" falls on the author of a targetless act just told'],
  ['Poland\'s foreign minister Radek Nowak said Hungary was undermining the unity of the bloc.', ['radek-nowak accused hungary'],
    'saying another actor undermines something accuses it'],
  ['Canada said Brazil was still withholding export licences.', ['canada accused brazil'],
    'saying an actor withholds something accuses it'],
  ['Canada said Brazil had not violated the accord.', ['canada accused brazil (negated)'],
    'a charge the speaker denies is negated'],
  ['Canada said Brazil would breach the accord if it went ahead.', [],
    'a charge under a condition is no charge'],
  ['North Korea fired a missile on Monday. Iran fired a rocket on Tuesday. Japan condemned the launch.', [],
    'two authors of launches and no word to tell them apart: no guess'],
  ['North Korea did not fire a missile on Monday. Japan condemned the launch.', [],
    'an act told as not done is no act to judge'],
  ['Canada said the test violated the treaty.', [],
    'an act no one was told to have done has no author'],
  ['US envoy Steve Witkoff proposed extending the truce by six weeks, a plan that Hamas dismissed.', ['hamas rejected steve-witkoff', 'steve-witkoff proposed ceasefire'],
    'a plan put forward to no one named: rejecting it in a relative clause rejects its author'],
  ['Venezuela signed a decree annexing the region. Guyana called the move an authoritarian act.', ['guyana accused venezuela'],
    'a plain head ("an act") condemns by its adjective'],
  ['Russia\'s human rights commissioner Tatyana Moskalkova said Kyiv had refused to take back its own soldiers.', ['tatyana-moskalkova accused ukraine', 'ukraine rejected russia'],
    'a refusal told by the other side is a complaint, and what was refused was that side\'s'],
  ['Rwanda\'s President Paul Kagame said Kinshasa had refused to negotiate with the M23.', ['dr-congo met m23 (negated) [by paul-kagame]', 'dr-congo rejected m23 [by paul-kagame]', 'paul-kagame accused dr-congo'],
    'a refused act with a party of its own is that act, negated, and a rejection of that party, not of the speaker'],
  ['Commissioner Franco Frattini said the plans would contravene EU policy, which meant the UK could not simply refuse to hear a case.', [],
    'a refusal not told as done is no complaint; a plan with no author charges no one'],
  ['Ukraine accused Moscow of torturing the prisoners it holds and of denying the International Committee of the Red Cross access to them.', ['russia rejected icrc', 'ukraine accused russia'],
    'each "of"-gerund of a charge is a charge; denying an actor access refuses it'],
  ['Turkey accused Sweden of harbouring the PKK.', ['sweden aided pkk', 'turkey accused sweden'],
    'harbouring a group is material help'],
  ['France accused Azerbaijan of fanning the unrest. Riots went on. Shops stayed shut. Azerbaijan dismissed the accusation as groundless.', ['azerbaijan rejected france', 'france accused azerbaijan'],
    'an answer to a charge against oneself may come any number of sentences after it'],
  ['Moldova accused Russia of meddling. Polls open on Sunday. Turnout is expected to be low. The Kremlin denied any interference.', ['moldova accused russia', 'russia rejected moldova'],
    'a denial answers the last charge against the denier, however far back'],
  ['Israel\'s Prime Minister Benjamin Netanyahu said he had ordered the strikes because Hamas had refused to release the hostages.', ['benjamin-netanyahu accused hamas', 'hamas rejected israel'],
    'a reason given inside what is said can charge too'],
  ['Canada said it acted because Brazil would refuse to talk.', [],
    'a refusal only foreseen is no complaint'],
  ['Mexico cut ties with Ecuador after Ecuadorian police forced their way into its embassy in Quito. Brazil condemned the raid.', ['brazil accused ecuador', 'mexico sanctioned ecuador'],
    'a raid told without an actor as its target: the parsed subject ("Ecuadorian police") is its author'],
  ['Jordanian warplanes struck suspected smugglers\' hideouts near the border overnight. Syria condemned the raids as a violation of its sovereignty.', ['syria accused jordan'],
    'strikes on sites no actor owns in the words are judged as "the raids"'],
  ['North Korea fired a missile into the sea, an act Japan condemned.', ['japan accused north-korea'],
    '"an act Y condemned": a relative clause on "act" judges the act just told'],
  ['Tesco struck a deal with its suppliers. Unions condemned the strikes.', [],
    'a deal struck is no strike'],
  ['Mexico\'s President Claudia Sheinbaum ordered an additional 25% tariff on imported goods. Canada called the move unfair, unjustified and unreasonable.', ['canada accused claudia-sheinbaum'],
    'an adjective after the labelled object, parsed as its modifier, is the label; tariffs on goods no state is named for are a told act'],
  ['Canada said Russia\'s actions violated the charter.', ['canada accused russia'],
    'an actor\'s doings, by their possessor, violating something charge the actor'],
  ['Mr Howard told the BBC\'s Today programme that Mr Blair had refused the change.', ['howard accused tony-blair'],
    'told to a programme, a refusal charges the one who refused, not the programme\'s owner'],
  ['Canada called Iran a rogue state.', ['canada accused iran'],
    'a plain head ("a state") condemns by its modifier'],
  ['Kenya\'s foreign minister suggested that Ukraine had helped the rebels. Mali condemned the decision.', [],
    'a suggestion is no step that "the decision" takes up'],
];

function factsOf(text: string): string[] {
  return factLines(extractText(text).facts.filter((f) => !['leader_of', 'member_of', 'located_in'].includes(f.relation)));
}

describe('relations told before: sentences → facts', () => {
  for (const [text, expected, why] of ROWS) {
    it(`${why}: ${text}`, () => {
      assert.deepEqual(factsOf(text), [...expected].sort());
    });
  }
});
