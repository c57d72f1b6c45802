// Coreference (src/entities/coref.ts): short texts → the pronoun or description → the actor it
// stands for (null: it must stay unresolved). Each row runs with the dependency parse and without.
import { strict as assert } from 'node:assert';
import { annotate } from '../src/nlp';
import { defaultLexicon, recognizeEntities, type ActorReference, type EntityLayer } from '../src/entities';
import { analyseSyntax, tagDocument, tokenNames } from '../src/syntax';
import type { AnnotatedDocument, SyntaxLayer } from '../src/types';

/** [text, the word that refers (and which occurrence, from 1), the entity it stands for or null, why]. */
type Row = readonly [text: string, word: string, occurrence: number, expected: string | null, why: string];

const ROWS: readonly Row[] = [
  // people: recency, role, gender
  ['Macron spoke in New York on Israel, where Palestine and Britain were named again and again: Palestine, Palestine, Britain. Benjamin Netanyahu and his allies called on the government to annex the West Bank.', 'government', 1, 'israel', 'the people of its own sentence who all serve one state say which government it is, not the story\'s most named state'],
  ['President Ruto hosted President Museveni in Nairobi. Museveni thanked his host for the welcome.', 'his', 1, 'william-ruto', '"his host": the other party of the possessor\'s last meeting'],
  ['President Ruto hosted President Museveni in Nairobi. Ruto praised his counterpart, Samia Suluhu Hassan.', 'his', 1, 'william-ruto', '"his counterpart, NAME": the name says who; "his" is its owner'],
  ['The UN Relief and Works Agency said it would stay. The UN Security Council met. Washington cut its funding to the agency.', 'agency', 1, 'unrwa', 'a body whose own name has the head word comes before a more recent one only of its kind'],
  ['China blocked a text on Myanmar. The draft, put forward by Norway and Chile, urged the warring parties to stop fighting.', 'warring', 1, null, '"the warring parties" are a war\'s sides or nobody, never the last pair named'],
  ['Vladimir Putin arrived in Minsk on Friday. He met Alexander Lukashenko.', 'He', 1, 'vladimir-putin', 'subject of the previous sentence'],
  ['Angela Merkel met Vladimir Putin in Sochi. She said the talks were useful.', 'She', 1, 'angela-merkel', 'gender from the given name (Angela) rules out Putin'],
  ['Angela Merkel met Vladimir Putin in Sochi. He said the talks were useful.', 'He', 1, 'vladimir-putin', 'gender from the given name: the object, not the subject'],
  ['Marilyn met Tomas Reiner in 1962. He painted her portrait.', 'He', 1, 'tomas-reiner', 'a one-word name that is a given name says its gender too'],
  ['Mrs Anna Hollowell met Mr Brandt in Vienna. She praised the plan.', 'She', 1, 'anna-hollowell', 'gender from the honorific (Mrs)'],
  ['Mrs Anna Hollowell met Mr Brandt in Vienna. She later thanked him.', 'him', 1, 'brandt', 'gender from the honorific (Mr)'],
  ['Tarel Odinga met his wife, the lawyer Nkemi Adasu, in Nairobi. She praised the verdict.', 'She', 1, 'nkemi-adasu', 'a gendered noun apposed to a name says its gender; a man "his" stood for is a man'],
  ['Ales Karpiuski was reunited with Darya Karpiuskaya in Vilnius. She thanked the mediators.', 'She', 1, 'darya-karpiuskaya', 'gendered surname endings (-ski, -skaya) where the given names say nothing'],
  ['The woman, Robin Halloway, said Kerr promised her a share of the house.', 'her', 1, 'robin-halloway', 'an apposed "the woman" says her gender before the given name; "said" opens a clause of its own'],
  ['Brenner paid tribute to the conductor Tomas Ilves, telling him the concert was perfect.', 'him', 1, 'tomas-ilves', '"to" before a noun opens no clause, and "…, telling" has the main subject: not Brenner'],
  ['Ales Karpiuski, who was jailed in 2020 for challenging Viktor Lukin, was later reunited with his daughter.', 'his', 1, 'ales-karpiuski', 'a name in a closed relative clause is embedded: less salient, and owns nothing after it'],
  ['Olaf Scholz met Emmanuel Macron. Scholz said Macron would visit Berlin when he was ready.', 'he', 1, 'emmanuel-macron', 'a he opening an adverbial clause after its clause is that clause\'s subject, not the sentence\'s first'],
  ['Donald Trump met Volodymyr Zelensky in Washington. Trump later wrote that the Ukrainian president could come back when he was ready for peace.', 'he', 1, null, '…and when that subject is an office left unresolved, not someone else'],
  ['Olaf Scholz met Emmanuel Macron in Paris. Scholz later praised him.', 'him', 1, 'emmanuel-macron', 'an object pronoun is not its own clause\'s subject'],
  ['Olaf Scholz met Emmanuel Macron in Paris. He said the talks went well.', 'He', 1, 'olaf-scholz', 'a subject pronoun prefers the previous subject'],
  ['Marta Lindqvist told reporters she would resign.', 'she', 1, 'marta-lindqvist', 'a pronoun after a verb of speech is its speaker'],
  ['Jonas Berg visited Tomas Holm in Oslo. "He is a loyal partner," Berg said.', 'He', 1, 'tomas-holm', 'inside a quote, "he" is not the speaker'],
  ['Viktor Orban spoke in Brussels on Monday. His remarks angered Poland.', 'His', 1, 'viktor-orban', 'possessive from the previous sentence'],
  ['The European Parliament has shown itself unable to agree on the budget.', 'itself', 1, 'european-parliament', 'a reflexive is its clause\'s subject'],
  ['Tomas Berger was arrested on Monday. He claimed that the president himself had asked him to act.', 'himself', 1, null, 'an emphatic reflexive right after a subject is that subject\'s ("the president", unresolved here), not the sentence\'s first'],
  ['Tomas Berger was arrested on Monday. He claimed that the president himself had asked him to act.', 'him', 1, 'tomas-berger', '…and that subject stays the clause\'s, so "him" is not it'],
  ['Mr Halvorsen, a retired pilot, then decided to fly the plane himself.', 'himself', 1, 'halvorsen', 'a reflexive inherits the subject through the infinitive'],
  ['His father Mohamed Al-Rashid Osman said he was taking the whole family to New York.', 'he', 1, 'mohamed-al-rashid-osman', 'the name right before a verb of speech speaks, even after a kinship noun'],
  ['Ingrid Solberg, a local teacher, admitted she had missed the vote.', 'she', 1, 'ingrid-solberg', 'the speaker stands before an apposition'],
  ['Lars Eklund resigned after it became known that he had lied.', 'he', 1, 'lars-eklund', 'an expletive "it" before a verb of knowing is no speaker'],
  ['The report was written by Ruth Abernathy and her students at the institute.', 'her', 1, 'ruth-abernathy', '"NAME and her …": the possessive leans on the name'],
  ['Markus Feld met the minister. The chief of the agency, Tomas Berger, he told reporters that talks would go on.', 'he', 1, 'tomas-berger', 'left dislocation: ", NAME, he said"'],
  ['Nils Ahlgren flew to Oslo to meet Per Dahl, who had told Ahlgren he would find him a job.', 'he', 1, 'per-dahl', 'a relative "who" speaks for the name before it, past a named object ("told Ahlgren he")'],
  ['Nils Ahlgren flew to Oslo to meet Per Dahl, who had told Ahlgren he would find him a job.', 'him', 1, 'nils-ahlgren', '…so the object pronoun of that clause is not the speaker'],
  // countries, organisations and groups: "it", "its", "they", "their"
  ['Ukraine rejected the offer on Monday. They said the proposal was unacceptable.', 'They', 1, 'ukraine', 'plural "they" for a country that speaks'],
  ['Amnesty International published a report on Tuesday. They said the detentions were unlawful.', 'They', 1, 'amnesty-international', 'plural "they" for an organisation'],
  ['Mali, Burkina Faso and Niger recalled their ambassadors from Algeria on Sunday.', 'their', 1, 'mali', '"their" after a list stands for every member (one reference each; this row checks the first)'],
  ['Refugees crossed the border at night. They said the camps were full.', 'They', 1, 'refugees', 'plural "they" for a group of people'],
  ['NATO held a summit in Vilnius. It said the alliance would grow.', 'It', 1, 'nato', '"it" for an organisation that speaks'],
  ['China announced new tariffs on Monday. It said the measures were a response.', 'It', 1, 'china', '"it" for a country that speaks'],
  ['Iran launched drones at Israel, and its foreign minister defended the strikes.', 'its', 1, 'iran', '"its" for the clause\'s subject, not the object'],
  ['Iran warned Israel. It said it would respond if Israel struck its nuclear sites.', 'its', 1, 'iran', 'after a verb acting on another side, "its" is not the acting subject\'s'],
  ['The United States urged Israel to halt its offensive in Gaza.', 'its', 1, 'israel', 'object control: the object of "urge" does what the infinitive says'],
  ['Tom Perriello met the RSF and urged army chief Abdel Fattah al-Burhan to send his negotiators to Geneva.', 'his', 1, 'abdel-fattah-al-burhan', 'object control past a title before the object\'s name'],
  ['North Korea fired a missile. Seoul and Washington urged the North to withdraw its soldiers from Russia.', 'its', 1, 'north-korea', 'object control by a description resolved to an actor ("the North")'],
  ['The sanctions induced Russia to extend further its military capacity.', 'its', 1, 'russia', '…also after "induce" and an adverb'],
  ['Sudan accused the Emirates of complicity in genocide through its support for the militia.', 'its', 1, 'united-arab-emirates', 'the of-phrase after "accused X" tells X\'s deed'],
  ['Ukraine accused Moscow of torturing the prisoners it holds.', 'it', 1, 'russia', '…for a subject pronoun in it too'],
  ['Mali said the drone crashed on its own soil. Algeria\'s defence ministry said the aircraft had entered its airspace.', 'its', 2, 'algeria', '"X\'s defence ministry" stands for X as its subject, past a modifier noun'],
  ['Germany wanted to expand its navy quickly.', 'its', 1, 'germany', 'with no object, the subject controls the infinitive'],
  ['Greenpeace in partnership with Oxfam launched its campaign on Friday.', 'its', 1, 'greenpeace', 'a name inside the subject\'s own phrase is not the owner'],
  ['The Hallam Gallery at Oxford University opened its new wing on Friday.', 'its', 1, null, '…nor is it when the subject is no actor that agrees (a gallery read as a place)'],
  ['Reuters published the memo on Monday. It quoted two officials who saw the plan.', 'It', 1, 'reuters', '"it quoted": what an outlet does'],
  ['Oxfam opened a clinic in the town. It is also sending doctors to the camps.', 'It', 1, 'oxfam', '"it is (also) sending": a progressive, not a copula'],
  ['"Food prices have doubled in a year," said Oxfam. "The crisis is deepening fast", it added.', 'it', 1, 'oxfam', '"…", it added: the speaker of the last quotation goes on'],
  ['The chairman Ravi Mehta announced the buy-back on Monday. His brother Anil, the finance chief, said he had not been told.', 'His', 1, 'ravi-mehta', 'a title noun before a name ("the chairman Ravi Mehta") is no rival of the name'],
  ['The plan alarmed Russia, since by then there was no longer any Soviet Union, and they answered by rebuilding their forces.', 'their', 1, 'russia', 'a name under "no (longer) any" introduces no one to stand for'],
  ['Ukraine rejected the offer on Monday. They said the proposal was unacceptable. Later they recalled their envoy.', 'they', 1, 'ukraine', 'a "they" that was the last actor subject goes on as the next "they" (any verb)'],
  ['Greenpeace filed the case in May. It said the permit was unlawful. It was set up in 1971.', 'It', 2, null, '…but not through a passive or a copula'],
  ['The Arakan Army, which has been fighting Myanmar since 2023, said its fighters had taken the town.', 'its', 1, 'arakan-army', 'the subject owns "its" past its own relative clause'],
  ['Hamas, which has long insisted on talks in which Israel would take part, urged Egypt to hold Israel to account. It did not fire any rockets on Tuesday.', 'It', 1, 'hamas', 'an opening "It" an actor\'s verb follows goes on with the last sentence\'s one subject outside relative clauses'],
  ['Why should NATO survive at all? In fact one may ask why it should survive.', 'it', 1, 'nato', 'the subject of the verb an actor was the subject of is that actor; "in fact" is no rival'],
  // no good antecedent: stays unresolved
  ['The weather was bad in the north. He left early.', 'He', 1, null, 'no person named before'],
  ['NATO met on Monday. It was raining in Brussels.', 'It', 1, null, '"it" of the weather is no actor'],
  ['In his speech, Olaf Scholz praised the deal.', 'his', 1, 'olaf-scholz', 'cataphora: a possessive in a fronted phrase is the subject named after the comma'],
  ['After phoning the office to ask about his pension, Karl Brenner was put through to a lawyer.', 'his', 1, 'karl-brenner', 'cataphora from a fronted clause with verbs of its own'],
  ['When Jonas Berg greeted his brother, Karl Brenner smiled.', 'his', 1, 'jonas-berg', 'a man named in the fronted clause before the possessive owns it, not the main subject'],
  ['After the vote his rivals left, and Olaf Scholz stayed.', 'his', 1, null, 'cataphora only from a fronted phrase with no verb and its comma'],
  ['After the show she made peace with Anna Berg, her former daughter-in-law.', 'her', 1, null, 'a possessive inside an apposition to a name is not that name\'s'],
  ['Olaf Scholz and Mark Rutte arrived in The Hague. He said the talks went well.', 'He', 1, null, 'two men in the same role: too close to call'],
  ['Germany and France signed the treaty. It was a long process.', 'It', 1, null, '"it" as the subject of a copula is seldom an actor'],
  ['Vladimir Putin spoke on Monday. She said nothing.', 'She', 1, null, 'gender disagreement leaves it unresolved'],
  ['Dr Ilse Varnholt spoke to the board on Monday. Paris was born in Geneva, but her parents moved to Lyon.', 'her', 1, null, 'a place as the opening subject of "… her": likely a person read as a place, so no guess from earlier'],
  ['Berlin was quiet when Anna Krull arrived, and her train was late.', 'her', 1, 'anna-krull', '…but a woman named in the same sentence still is'],
  // descriptions
  ['President Emmanuel Macron arrived in Berlin on Monday. The president met Olaf Scholz.', 'president', 1, 'emmanuel-macron', 'a title written with the name before'],
  ['Russian President Vladimir Putin spoke on Monday. The Russian leader said the talks had failed.', 'leader', 1, 'vladimir-putin', 'demonym + "leader": a head of state of that country'],
  ['Niger\'s junta expelled the French envoy. Niger said the envoy had meddled, and Niger\'s premier backed the move. France denied it. The government ordered the envoy out within two days.', 'government', 1, 'niger', '"the government": the country the story has named most, not the one named last'],
  ['Donald Trump spoke in Ohio on Monday. Critics said the administration had failed.', 'administration', 1, null, '"the administration" needs the US named in reach'],
  ['China raised duties on US soybeans. The administration called the move unfair.', 'administration', 1, 'united-states', '…and stands for the US once its demonym or name is in reach'],
  ['A US delegation held three days of talks in Niamey. The junta accused the visitors of arrogance.', 'visitors', 1, 'united-states', '"the visitors": the country whose delegation was named before; "of" after a verb of charging is the charge'],
  ['Niger expelled French troops. The junta accused the visitors of arrogance.', 'visitors', 1, null, '…and nobody when no delegation was named'],
  ['Chevron raised its output on Monday. The group said prices would fall.', 'group', 1, null, '"the group" takes up a company only when its name says Group'],
  ['Kim Jong Un will travel to Moscow in May. The North Korean leader accused Seoul of lying.', 'leader', 1, 'kim-jong-un', 'a demonym of two words ("North Korean") before the head, not "the North" as a state'],
  ['Volodymyr Zelensky flew to Washington on Friday. The Ukrainian leader said the talks were useful.', 'leader', 1, 'volodymyr-zelensky', 'the gazetteer has him serving Ukraine under another spelling (Zelenskyy)'],
  ['Tony Blair met Ariel Sharon and the Palestinian leader, Mahmoud Abbas, in London.', 'leader', 1, null, 'a name in apposition says who the description is: no antecedent'],
  ['Volodymyr Zelensky offered to free two soldiers if the North Korean leader agreed to a swap. He also urged Europe to act.', 'He', 1, 'volodymyr-zelensky', 'the subject of an "if" clause is no rival of the main clause\'s subject for a sentence-opening "he"'],
  ['The European Union imposed new tariffs. The bloc said the measures were fair.', 'bloc', 1, 'european-union', '"the bloc": a union of states'],
  ['Hamas released two hostages on Sunday. The group said more would follow.', 'group', 1, 'hamas', '"the group": an armed group named before'],
  ['Hamas released two hostages on Sunday. They were flown to Tel Aviv. Doctors said they were well. Crowds met them. The prime minister spoke. Aid lorries waited. Talks went on. Israel accused the militant group of delays.', 'group', 1, 'hamas', 'out of reach, the one armed group the story named at all'],
  ['Hamas and Hezbollah praised the attack. They were flown to Tel Aviv. Doctors said they were well. Crowds met them. The prime minister spoke. Aid lorries waited. Talks went on. Israel accused the militant group of delays.', 'group', 1, null, 'out of reach, two armed groups leave it open'],
  ['Peru\'s army-led government said it had closed its border.', 'its', 1, 'peru', 'a side\'s body with a hyphened modifier before it stands for the side'],
  ['Chinese officials were angered by Toyota\'s disclosure of its talks with Ford.', 'its', 1, 'toyota', 'a possessive in the of-phrase of a noun a name owns is that owner\'s'],
  ['Washington struck a trade deal with Vietnam, and goods from the Southeast Asian country will face a lower tariff.', 'country', 1, 'vietnam', 'a region\'s adjective ("Southeast Asian") describes the state named last; it names no body of its own'],
  ['Emmanuel Macron and Friedrich Merz said they welcomed the plan.', 'they', 1, 'emmanuel-macron', 'people named together as the speakers are "they" (each of them: see the relations row)'],
  ['Israel said its strike on the convoy was a mistake, and Israel promised an inquiry. The dead included citizens of Britain and Poland. Cyprus said shipments would go on. Andres accused the army of hitting the cars.', 'army', 1, 'israel', '"the army": the forces of the state the story is about, not of the one named last'],
  ['Mexico raised duties on cars. Beijing was unmoved. The commerce ministry said it opposed the duties.', 'commerce', 1, 'china', '"the commerce ministry": the ministry of the state named last, which speaks for it'],
  ['Mali expelled the envoy. Mali said the envoy had lied, and Mali kept its troops home. Paris protested. The military rulers also shut a radio station.', 'military', 1, 'mali', '"the military rulers": the junta of the state the story is about, not of the one named last'],
  ['Niger jailed two reporters. Niger said they had spied, and Niger refused bail. Amnesty urged the authorities to free them.', 'authorities', 1, 'niger', '"the authorities": the state the story is about'],
  ['Niger jailed two reporters. Niger said they had spied, and Niger refused bail. Amnesty urged the authorities there to free them.', 'authorities', 1, null, '"the authorities there": placed by a word that points elsewhere, not the story\'s state'],
  ['An Israeli strike killed a commander of Hezbollah, the Israel Defense Forces said. The Iran-backed group confirmed his death.', 'group', 1, 'hezbollah', '"the Iran-backed group": a body a state stands behind is no state\'s own army (named by its state\'s name)'],
  ['Georgia froze its talks with the European Union. The European Parliament called for a new vote and urged the bloc to act.', 'bloc', 1, 'european-union', '"the bloc" is the union of states, not one of its organs named since'],
  ['Toyota recalled a million cars. The company said the fault was rare.', 'company', 1, 'toyota', '"the company": a company named before'],
  ['Russia launched a new offensive. The country said it was defending itself.', 'country', 1, 'russia', '"the country": the country named last'],
  ['Niger expelled three oil managers on Monday. Niger said the firm had broken its contracts. The letters gave staff at the pipeline to Benin two days to leave the country.', 'country', 1, 'niger', '"the country": the most salient country in reach (the story\'s), not merely the last named'],
  ['Myanmar\'s military government freed 40 prisoners. Thailand and Laos welcomed the move, and Bangkok said the army had kept its word.', 'army', 1, 'myanmar', '"the army": the country named with military rule, when no state\'s army was named by name'],
  ['Mali, which remains the junta\'s closest partner, sent troops to Niger.', 'junta', 1, null, 'a description does not take up the name its relative clause hangs on'],
  ['Abbas Araghchi handed Vladimir Putin a letter in Moscow on Thursday. The Russian president told his guest that Moscow supported a settlement.', 'president', 1, 'vladimir-putin', '"the Russian president" for a man the text never titled: the one person in reach the gazetteer has serving Russia; the words before his name are another\'s'],
  ['Vice Premier He Lifeng led the talks. Donald Trump spoke with Xi Jinping last week. He said he had invited the Chinese leader to visit.', 'leader', 1, 'xi-jinping', '…nor someone with a lesser office ("Vice Premier")'],
  ['Foreign Minister Sergei Lavrov met Abbas Araghchi in Moscow on Thursday. The Russian president said nothing.', 'president', 1, null, '…not someone titled with another office'],
  ['The Sudanese Armed Forces met the Rapid Support Forces in Jeddah. The army refused to attend unless the paramilitary group withdrew.', 'group', 1, 'rsf-sudan', '"the paramilitary group" is no state\'s own army'],
  ['Olaf Scholz spoke on Monday. The president said nothing.', 'president', 1, null, 'nobody was named as president'],
  ['Chad pulled out of the regional force. It expelled the Danish envoy in March.', 'It', 1, 'chad', 'an opening "It" whose verb only an actor does (expel) goes on for the last subject'],
  ['The committee said the Audit Commission should look into the failure. It blamed the agency for the delays.', 'It', 1, null, 'an opening "It" after a sentence whose first subject is a body we do not know is that body, not a name inside its clause'],
  ['Oleg Orlov, a critic of President Vladimir Putin, died on Friday, a week before the vote that will keep the Russian leader in office. Doctors said the 70-year-old had collapsed and that they could not revive him.', 'him', 1, 'oleg-orlov', 'an age for a name ("the 70-year-old") goes on for the last subject, and the pronoun after it follows'],
  ['Oleg Orlov spoke on Monday. Officials said the 40-year-old embargo would stay.', '40', 1, null, 'an age that modifies a noun is the thing\'s, no person'],
  ['Toyota recalled a million cars. The bloc said nothing.', 'bloc', 1, null, 'a company is no bloc'],
];

function layerOf(text: string, syntax: boolean): { doc: AnnotatedDocument; layer: EntityLayer } {
  const doc = annotate({ id: 't', text, origin: 't' });
  // The trained NER's names always (as extraction has them); the parse only when asked.
  const parse: SyntaxLayer | undefined = syntax ? analyseSyntax(doc) : undefined;
  return { doc, layer: recognizeEntities(doc, defaultLexicon(), parse?.ner ?? tokenNames(doc, tagDocument(doc)), parse) };
}

function referenceAt(doc: AnnotatedDocument, layer: EntityLayer, word: string, occurrence: number): ActorReference | undefined {
  const tokens = doc.tokens.filter((t) => t.value === word);
  const t = tokens[occurrence - 1];
  assert.ok(t, `"${word}" (#${occurrence}) is in the text`);
  return layer.references.find((r) => (r.via === 'pronoun' || r.via === 'description') && r.firstToken <= t.index && t.index <= r.lastToken);
}

for (const syntax of [true, false]) {
  describe(`coreference ${syntax ? 'with' : 'without'} the parse`, () => {
    for (const [text, word, occurrence, expected, why] of ROWS) {
      it(`${why}: ${text}`, () => {
        const { doc, layer } = layerOf(text, syntax);
        const r = referenceAt(doc, layer, word, occurrence);
        assert.equal(r?.entity ?? null, expected, `${word} → ${r?.entity ?? 'unresolved'}`);
        if (!r) return;
        // The antecedent offsets slice to a mention of the same entity.
        assert.ok(r.antecedent, 'names its antecedent');
        const m = layer.mentions.find((x) => x.start === r.antecedent?.start && x.end === r.antecedent.end);
        assert.equal(m?.entity, r.entity, `antecedent "${text.slice(r.antecedent.start, r.antecedent.end)}" is a mention of ${r.entity}`);
      });
    }
  });
}

describe('coreference output', () => {
  it('is the same on every run (deterministic)', () => {
    const text = ROWS.map((r) => r[0]).join('\n\n');
    const a = JSON.stringify(layerOf(text, false).layer.references);
    const b = JSON.stringify(layerOf(text, false).layer.references);
    assert.equal(a, b);
  });

  it('gives a plural pronoun after a list one reference per member', () => {
    for (const syntax of [false, true]) {
      const { doc, layer } = layerOf('Egypt and Saudi Arabia said they supported the plan.', syntax);
      const t = doc.tokens.find((x) => x.value === 'they');
      const refs = layer.references.filter((r) => r.via === 'pronoun' && r.firstToken === t?.index).map((r) => r.entity).sort();
      assert.deepEqual(refs, ['egypt', 'saudi-arabia']);
    }
  });

  // [text, the pair phrase's first word, the sides it stands for (sorted), why]
  const PAIRS: ReadonlyArray<readonly [string, string, readonly string[], string]> = [
    ['Mexico cut ties with Ecuador after the raid. Mexico said Ecuador had broken the law, and Ecuador accused Mexico of abuse. Nicaragua cut its own ties with Quito. The United States urged both countries to talk.',
      'both', ['ecuador', 'mexico'], 'the two sides the story named most, when they stand clearly above the rest, not the last sentence\'s'],
    ['Chad and Sudan signed a border pact on Monday. Kenya praised both countries on Tuesday.', 'both', ['chad', 'sudan'], 'the last sentence\'s two sides'],
    ['Chad and Sudan signed a border pact on Monday. Kenya urged both countries to respect their pact.', 'their', ['chad', 'sudan'], 'a plural pronoun after a pair phrase in its clause stands for the pair'],
    ['The army and the RSF met in Jeddah. The army accused the RSF of looting. The US sent an envoy to Sudan. Amnesty urged both sides to protect civilians.'.replace(/The army/g, 'The Sudanese Armed Forces'),
      'both', ['rsf', 'sudanese-armed-forces'], 'the two the story named together most (in two sentences), not the last sentence\'s'],
    ['Kenya and Sudan signed a border pact on Monday. Kenya praised both countries on Tuesday.', 'both', [], 'the clause\'s own subject is no side (Kenya cannot praise itself): one side is left, so none'],
    // the pair named last as parties to one event (coref-pairs.ts)
    ['Chad announced a truce between Mali and Niger on Monday. Kenya and Uganda sent observers to the border. Chad later said both countries had broken the truce.',
      'both', ['mali', 'niger'], 'the event the clause names again ("the truce") goes to the parties it was told with, past a later pair'],
    ['Kenyan President William Ruto held talks with Nigerian President Bola Tinubu in Abuja on Monday. The two leaders agreed to open a new consulate.',
      'The', ['bola-tinubu', 'william-ruto'], 'the two ends of talks are "the two leaders"'],
    ['Kenyan President William Ruto held talks with Nigerian President Bola Tinubu in Abuja on Monday. Both governments want a trade deal.',
      'Both', ['kenya', 'nigeria'], '…and, as states, the states their titles tie them to'],
    ['Xi Jinping stood with Kim Jong Un and Vladimir Putin at the parade. On Friday Xi received his guest in Beijing. The two leaders pledged to deepen ties.',
      'The', [], 'a meeting with a guest no name gives is the pair named last: not an older pair'],
    ['Israel and Hamas fought on. The talks mediated by Egypt and Qatar stalled. Washington pressed both sides to accept the plan.',
      'both', ['hamas', 'israel'], 'go-betweens named together ("mediated by X and Y") stand on no side of what they mediate'],
    ['Israel and Hamas agreed a truce in January. Qatar and Egypt, which mediated the truce, have pressed both sides to begin new talks.',
      'both', ['hamas', 'israel'], 'the clause\'s coordinated subject is no side, past its relative clause'],
    ['President Mohamed Muizzu, who won the election on a "Turkey Out" campaign, greeted Narendra Modi at the airport. The two leaders later held talks.',
      'The', ['mohamed-muizzu', 'narendra-modi'], 'the two ends of a meeting past the actors of a relative clause on the first'],
    ['Lawyers for Jon Fawley and Tim Marsh said on Monday that the pair denied the charges.',
      'the', ['jon-fawley', 'tim-marsh'], '"the pair" is the two people last coordinated, wherever the coordination stands'],
    ['Jon Fawley met Tim Marsh in Leeds on Monday. The pair agreed to tour together.',
      'The', ['jon-fawley', 'tim-marsh'], '"the pair" after a meeting of two people'],
    ['Israel and Hamas agreed a truce in January. Both sides accused each other of breaking the truce.',
      'each', ['hamas', 'israel'], 'a reciprocal stands for the pair phrase of its clause'],
    ['Chad and Sudan signed a pact under which Mali and Niger will come to each other\'s aid.',
      'each', ['mali', 'niger'], '…or for the coordination right before it in its clause'],
    ['Chad met Sudan, and Kenya praised each other\'s efforts.', 'each', [], '…not for a pair past another actor'],
    ['Italian Prime Minister Giorgia Meloni met Finnish President Alexander Stubb in Rome. The two presidents spoke again on Monday.',
      'The', [], 'a member titled with another office than the phrase names is none of "the two presidents"'],
    ['Vladimir Putin spoke on Monday. Putin\'s aide Yuri Ushakov said the two presidents had discussed the talks.',
      'the', [], 'an owner ("Putin\'s aide") is no party of the phrase\'s own clause'],
    ['Chad and Sudan signed a border pact in May. Sudan later cut its ties with Libya, which it accuses of arming the rebels. Kenya urged both countries to keep the pact.',
      'both', ['chad', 'sudan'], 'the pact named again goes to its signatories; "which it accuses" pairs no Libya with the rebels'],
  ];
  for (const [text, word, sides, why] of PAIRS) {
    it(`pairs: ${why}`, () => {
      for (const syntax of [false, true]) {
        const { doc, layer } = layerOf(text, syntax);
        const t = doc.tokens.find((x) => x.value === word);
        const refs = layer.references.filter((r) => (r.via === 'description' || r.via === 'pronoun') && r.firstToken === t?.index).map((r) => r.entity).sort();
        assert.deepEqual(refs, sides);
      }
    });
  }

  it('marks possessive pronouns as possessors', () => {
    const { doc, layer } = layerOf('Viktor Orban spoke in Brussels on Monday. His remarks angered Poland.', false);
    assert.equal(referenceAt(doc, layer, 'His', 1)?.possessive, true);
  });
});
