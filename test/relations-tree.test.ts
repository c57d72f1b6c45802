// Relations read from the dependency tree: the constructions token walks get wrong, as a table of
// sentences (written for these tests) → expected facts, with direction, modality and reporter.
// A fact is "source relation target", then " (negated)", " (hypothetical)", " [by reporter]".
import { strict as assert } from 'node:assert';
import { extractText, factLines } from './helpers/extract';

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
  ['The Gondor ministry condemned an attack by Rohan on Thursday.', ['gondor accused rohan'], 'condemning an act is accusing its author'],
  ['Macron welcomed the offer from Germany.', ['emmanuel-macron supported germany'], 'welcoming an offer supports its author'],
  ['Putin rejected a proposal by Scholz.', ['vladimir-putin rejected olaf-scholz'], 'rejecting a proposal rejects its author'],
  ['The Rapid Support Forces, led by Mohamed Hamdan Dagalo, shelled the city.', ['mohamed-hamdan-dagalo leader_of rsf-sudan'], 'a role at a distance: a participle with its by-agent'],
  ['The French delegation was led by Foreign Minister Jean Barrot.', ['jean-barrot member_of france'], 'leading a country\'s delegation makes a member of that country, not its leader'],
  ['The US delegation included Marco Rubio and Mike Waltz.', ['marco-rubio member_of united-states', 'mike-waltz member_of united-states'], 'a delegation\'s members'],
  ['Germany was represented by Scholz.', ['olaf-scholz member_of germany'], 'represented by: acts for the country'],
  ['Washington suspended aid to Niger.', ['united-states sanctioned niger'], 'suspending aid is coercion (CAMEO 162)'],
  ['China retaliated with tariffs on American goods.', ['china sanctioned united-states'], 'retaliating with tariffs on what a country sells'],
  ['Russia responded with strikes on Ukrainian positions.', ['russia attacked ukraine'], 'responding with strikes on what an actor holds'],
  ['Qatar and Egypt have mediated between Israel and Hamas.', ['egypt met hamas', 'egypt met israel', 'hamas met qatar', 'israel met qatar'], 'a CAMEO verb: mediating meets both sides (045)'],
  ['Secretary of State Marco Rubio held talks with Scholz in Riyadh.', ['marco-rubio met olaf-scholz'], 'a light verb and its event noun'],
  ['An Israeli strike on the Iranian consulate killed two guards.', ['israel attacked iran'], 'an event noun: its demonym is the side, its on-phrase the target (an embassy stands for its country)'],
  ['Saudi and Iranian foreign ministers met in Beijing.', ['iran met saudi-arabia'], 'demonyms before an adjective and a member noun'],
  ['The Pentagon announced a new package of military aid for Ukraine.', ['united-states aided ukraine'], 'the act inside a measure of it: a package of aid'],
  ['The European Union agreed a fresh round of sanctions against Russia.', ['european-union sanctioned russia'], 'a round of sanctions'],
  ['The Kremlin leader praised China\'s position on the war.', ['russia supported china'], 'a title phrase\'s name says whose the member noun is'],
  ['Scholz demanded that Russia withdraw its troops.', ['olaf-scholz urged russia'], 'a demand: the that-clause\'s subject is the one asked'],
  ['Macron told Scholz to stay calm.', ['emmanuel-macron urged olaf-scholz'], 'telling someone to act is an appeal, not information'],
  ['Scholz praised his team after the vote.', [], 'a possessive pronoun\'s member noun as a target is the subject\'s own side'],
  ['Macron collaborated with Scholz on a film script.', [], 'CAMEO verbs between persons alone are mostly other senses'],
  ['Scholz dismissed the Kremlin as a spent force.', ['olaf-scholz accused russia'], 'dismissing someone as something is disparagement'],
  ['Macron is to hold talks with Scholz next week.', ['emmanuel-macron met olaf-scholz (hypothetical)'], '"is to" plans the act'],
  ['Egyptian mediators hosted a Hamas delegation in Cairo.', ['egypt met hamas'], 'mediators act for their country; a delegation for its side'],
  ['The meeting of Russian and Ukrainian delegates lasted an hour.', ['russia met ukraine'], 'a meeting of two sides: the of-phrase holds the participants'],
  ['Meanwhile, Tory shadow chancellor Oliver Letwin accused Scholz of misleading voters.', ['oliver-letwin accused olaf-scholz'], 'a name after the title noun is the actor; a compound before it only modifies'],
  ['Macron said a delay would be costly and he accused Russia of stalling.', ['emmanuel-macron accused russia'], 'a conjunct with its own subject keeps its own modality'],
  ['Macron told Scholz of his intention to resign.', ['emmanuel-macron informed olaf-scholz'], 'an infinitive inside the object phrase is no appeal'],
  ['Scholz dismissed reports he had told Putin about the plan.', ['olaf-scholz informed vladimir-putin (hypothetical)'], 'a dismissed complement is not asserted'],
  ["Scholz urged Britain's Kelly Holmes to keep competing.", ['olaf-scholz urged kelly-holmes'], 'a possessor the parser took for the head: the name after it is the end'],
  ['Scholz pushed Macron in the corridor.', [], 'a push with nothing to do is a shove, not an appeal'],
  ['Scholz pressed Macron to back the plan.', ['emmanuel-macron supported plan (hypothetical)', 'olaf-scholz urged emmanuel-macron'], 'pressed to: an appeal'],
  ['Britain recognised Palestine on Sunday.', ['united-kingdom supported palestine'], 'recognising a state (CAMEO 054)'],
  ['The jury recognised Scholz for his work.', [], 'recognising a person is no diplomatic act'],
  ['Venezuelan authorities arrested two American citizens.', ['venezuela sanctioned united-states'], 'an arrest of a country\'s citizens (CAMEO 173)'],
  ['Macron welcomed Scholz to the Elysee Palace on Monday.', ['emmanuel-macron met olaf-scholz'], 'welcoming a visitor to a place is hosting him (CAMEO 043), not praise'],
  ['Trump welcomed Putin at the White House.', ['donald-trump met vladimir-putin'], 'the place phrase may hang on the visitor'],
  ["Scholz welcomed Macron's proposal.", ['olaf-scholz supported emmanuel-macron'], 'welcoming a proposal supports its author'],
  ['Trump called Putin on Tuesday to discuss the war.', ['donald-trump met vladimir-putin'], 'a phone call'],
  ['Trump called Putin a liar.', ['donald-trump accused vladimir-putin'], 'calling someone a liar is no phone call but an accusation'],
  ['Macron phoned Scholz on Sunday.', ['emmanuel-macron met olaf-scholz'], 'phoned'],
  ['Scholz will travel to Paris for talks with Macron.', ['emmanuel-macron met olaf-scholz (hypothetical)'], 'the traveller takes part in the talks he goes for'],
  ['Macron hosted talks between Russian and Ukrainian delegations.', ['russia met ukraine'], 'delegations of two sides'],
  ['Scholz won the backing of Macron.', ['emmanuel-macron supported olaf-scholz'], 'having or winning the backing of Y: Y supports the subject'],
  ['Scholz voiced his support for Macron.', ['olaf-scholz supported emmanuel-macron'], 'voicing support: the subject supports'],
  ['Scholz told reporters after talks with Macron that the plan was ready.', ['emmanuel-macron met olaf-scholz'], 'a clause said after talks: its subject took part in them'],
  ['Putin accepted a plan put forward by Scholz.', ['vladimir-putin accepted olaf-scholz'], 'accepting a plan put forward by Y accepts Y'],
  ['Trump rejected an invitation from Macron to visit Paris.', ['donald-trump rejected emmanuel-macron'], 'rejecting an invitation from Y'],
  ['Putin has threatened to strike Polish airfields.', ['vladimir-putin warned poland'], 'a threatened strike is a warning to its target'],
  ['Trump threatened to impose tariffs on Canada if it did not act.', ['donald-trump warned canada'], 'a threatened sanction is a warning to its target'],
  ['Trump did not threaten to attack Canada.', ['donald-trump warned canada (negated)'], 'the threat takes its own verb\'s negation'],
  ['The Gondor government ordered Rohan troops to leave.', ['gondor urged rohan'], 'ordering Y to act is a demand'],
  ['The court ordered a review of the case.', [], 'ordering a thing names no one'],
  ['Macron said he would not meet Putin and praised Scholz.', ['emmanuel-macron met vladimir-putin (negated) (hypothetical)', 'emmanuel-macron supported olaf-scholz'], 'an inflected conjunct has its own tense, not the modal of the bare verb before it'],
  ['Scholz met a delegation from the regional bloc Ecowas in Abuja.', ['ecowas met olaf-scholz'], 'a delegation from a bloc named in apposition'],
  ['India launched missile strikes on militant camps in Pakistan on Monday.', ['india attacked pakistan'], 'strikes on sites in a country hit that country'],
  ['An Israeli air strike on a school in Gaza City killed ten people.', ['israel attacked gaza-city'], 'a noun between the demonym and the act; a place as the target of an attack'],
  ['Russian drones struck power plants in the Odesa region overnight.', ['russia attacked odesa'], 'the site\'s place hung on the verb'],
  ['Poland pledged 2 billion euros in military aid for Ukraine.', ['poland promised ukraine'], 'pledged help is a promise to its target'],
  ['Germany offered to send weapons to Ukraine.', ['germany promised ukraine'], 'offering to send weapons is a promise'],
  ['Washington recognised Gonzalez as the winner of the vote.', ['united-states supported gonzalez'], 'recognising a person as the winner backs them'],
  ['Russia and Ukraine traded strikes overnight. Macron urged both sides to agree on a truce.', ['emmanuel-macron urged russia', 'emmanuel-macron urged ukraine', 'russia accepted ceasefire (hypothetical)', 'russia attacked ukraine', 'ukraine accepted ceasefire (hypothetical)', 'ukraine attacked russia'], '"both sides": the pair named in the sentence before'],
  ['Japan, Australia and Canada held drills. Macron urged both sides to talk.', [], '"both sides" after three actors: no pair to stand for'],
  ['Putin held talks with Scholz, but the two sides failed to agree.', ['olaf-scholz met vladimir-putin'], 'a pair in the phrase\'s own sentence: the sides are theirs, not named'],
  ['Trump met Putin in Alaska. The two leaders agreed to meet again in Moscow.', ['donald-trump met vladimir-putin', 'donald-trump met vladimir-putin (hypothetical)'], '"the two leaders": the two people of the sentence before'],
  ['Japan raised concerns about China\'s military activity near Taiwan.', ['japan accused china'], 'raising concerns about an actor\'s act is disapproval of the actor'],
  ['The European Commission proposed a new round of sanctions targeting Russia\'s shadow fleet.', ['european-commission sanctioned russia (hypothetical)'], 'sanctions targeting what an actor owns, proposed'],
  ['Pakistan\'s army said it had shot down five Indian jets.', ['pakistan attacked india'], 'a side\'s army is the antecedent of "it"; "shot" read as the verb shoot'],
  ['The Houthis fired a missile at Israel. Oman urged the rebels to stop.', ['houthis attacked israel', 'oman urged houthis'], '"the rebels": a rebel group named before, not a state\'s army'],
  ['Syria\'s interim President Ahmed al-Sharaa flew to Riyadh. Sharaa accused Israel of violating the truce.', ['ahmed-al-sharaa accused israel'], 'a surname without its Arabic article is the same person'],
  ['Eritrea\'s leader insisted that his country needed access to the sea.', [], 'insisting that Y needed something is no demand on Y'],
  ['Kosovo\'s Prime Minister Albin Kurti accused Serbia of backing armed groups and refused to meet Scholz.', ['albin-kurti accused serbia', 'albin-kurti met olaf-scholz (negated)'], 'a finite verb joined to the charge\'s -ing belongs to the main clause'],
  ['Serbian President Aleksandar Vucic met EU foreign policy chief Kaja Kallas in Brussels.', ['aleksandar-vucic met kaja-kallas'], 'two subjects in a misparse: the name, not the title\'s adjective'],
  ['Danish Prime Minister Mette Frederiksen said the US would never get Greenland and urged Washington to respect its rights.', ['mette-frederiksen urged united-states'], 'an inflected verb joined to a reported bare one continues the reporting clause'],
  ['Zelensky thanked Keir Starmer for a new package of military aid.', ['keir-starmer aided volodymyr-zelenskyy'], 'thanked for aid: the thanked one aided the subject'],
  ['China launched military exercises around Taiwan.', ['china warned taiwan'], 'drills around a country are a show of force'],
  ['Japan and Canada held joint drills near Okinawa.', [], 'drills near a place of one\'s own threaten no one'],
  ['The European Union suspended its security dialogue with Rwanda.', ['european-union sanctioned rwanda'], 'suspending a dialogue reduces relations'],
  ['The Russian foreign ministry criticised the agreement as an attempt by Washington to push Moscow out.', ['russia accused united-states'], 'criticising a deal as an attempt by Y: Y is its author'],
  ['Saudi Arabia pledged to help rebuild Syria.', ['saudi-arabia promised syria'], 'help\'s own infinitive holds the one helped; pledged, a promise'],
  ['Nikol Pashinyan and Ilham Aliyev initialled a peace agreement at the White House.', ['ilham-aliyev promised nikol-pashinyan', 'nikol-pashinyan promised ilham-aliyev'], 'initialling an agreement commits both sides'],
  ['Khamenei has rejected direct negotiations with the United States.', ['ali-khamenei rejected united-states'], 'rejecting talks with Y rejects Y'],
  ['Japan and the United States condemned the military cooperation between Moscow and Pyongyang.', ['japan accused north-korea', 'japan accused russia', 'united-states accused north-korea', 'united-states accused russia'], 'condemning cooperation between X and Y accuses both'],
  ['Algeria accused Mali of violating its airspace, and both countries recalled their ambassadors.', ['algeria accused mali', 'algeria sanctioned mali', 'mali sanctioned algeria'], '"both countries" as the subject: the two named in its own sentence; recalling envoys reduces ties'],
  ['Niger expelled French troops.', ['niger sanctioned france'], 'expelling a state\'s forces'],
  ['Albin Kurti spoke about Serbia, which he accused of arming the militants.', ['albin-kurti accused serbia'], 'a relative pronoun as the object stands for the name before it'],
  ['Poland, the main transit route for arms, which had backed the EU sanctions, hosted the summit.', ['poland supported european-union'], 'a relative clause after an apposition describes the name; backing "the EU sanctions" backs their author'],
  ['Vietnam quickly retaliated by expelling two Chinese diplomats.', ['vietnam sanctioned china'], 'an -ing clause after "by" shares its governor\'s subject'],
  ['Nigeria criticised Ghana for pressuring Togo into closing the border.', ['ghana urged togo', 'nigeria accused ghana'], '"criticised Y for pressuring Z": Y does what the charge says'],
  ['Qatar, which hosts American troops, mediated the talks.', [], 'hosting troops is no visit'],
  ['Latvia accused Belarus of pushing migrants across the border. Minsk denied the claims on Monday.', ['belarus rejected latvia', 'latvia accused belarus'], 'a denial answers the last accusation against the one who denies'],
  ['Latvia accused Belarus of pushing migrants across the border. Minsk did not deny it.', ['latvia accused belarus'], 'no denial, no rejection'],
  ['The Elysee said Algeria must take back its nationals.', ['france urged algeria'], 'what a speaker says another must do is an appeal'],
  ['Narendra Modi said India must defend its borders.', [], 'what one says one\'s own side must do is no appeal to another'],
  ['Germany and the Netherlands bombed rebel positions in Mali. Turkey condemned the strikes.', ['germany attacked mali', 'netherlands attacked mali', 'turkey accused germany', 'turkey accused netherlands'], 'an act told once with two authors: judging it judges both'],
  ['Prime Minister Narendra Modi said Pakistan must stop backing militants.', [], 'a person whose side the text does not say: no appeal read from "must"'],
  ['Jordan summoned the Israeli ambassador on Sunday.', ['jordan accused israel'], 'summoning a state\'s envoy is a protest to that state; the demonym of an unheld title names the state'],
  ['Sudan summoned Kenya\'s envoy over the rally.', ['sudan accused kenya'], 'summoning the envoy of Y'],
  ['Sudan summoned the minister for talks.', [], 'summoning someone who is no envoy is no protest'],
  ['Sudan and the Rapid Support Forces signed a truce in Jeddah on Saturday.', ['rsf-sudan promised sudan', 'sudan promised rsf-sudan'], 'signing a truce commits both sides'],
  ['Turkey halted all trade with Israel on Thursday.', ['turkey sanctioned israel'], 'stopping trade with a country is an embargo on it'],
  ['Russia banned imports of Georgian wine.', ['russia sanctioned georgia'], 'a ban on a country\'s goods sanctions the country'],
  ['Chile, whose government backed the UN plan, sent observers.', ['chile supported united-nations'], '"whose government": the relative possessor is the name before it; backing "the UN plan" backs its author'],
  ['Latvia said it stood with Kyiv.', ['latvia supported ukraine'], 'standing with Y supports Y'],
  ['The minister stood by his decision.', [], 'standing by a decision names no actor'],
  ['Albin Kurti blamed Serbia for the attack. Serbian President Aleksandar Vucic denied that his government had any role.', ['albin-kurti accused serbia', 'aleksandar-vucic rejected albin-kurti'], 'a denial by the leader of the accused side answers the charge'],
  ['Mali accused Algeria of hosting foreign troops, a charge the Algerian government rejected.', ['algeria rejected mali', 'mali accused algeria'], 'a reduced relative clause judges the noun it describes: rejecting the charge rejects its author'],
  ['The Chinese foreign ministry called the plan reckless and accused Japan of lying.', ['china accused japan'], 'a verb joined to the first verb\'s predicate shares its subject and its modality'],
  ['Venezuela shelled Guyana. Guyana\'s President Irfaan Ali called the attack a direct threat.', ['irfaan-ali accused venezuela', 'venezuela attacked guyana'], 'a negative label on an act just told accuses its author'],
  ['The Qatari emir called the visit a success.', [], 'a label that does not condemn accuses no one'],
  ['Kenya\'s President William Ruto met Somali President Hassan Sheikh Mohamud in Nairobi.', ['hassan-sheikh-mohamud met william-ruto'], '"Sheikh" between two names is part of the name'],
  ['The EU and China are at odds. Brussels imposed duties on Chinese electric cars.', ['european-union sanctioned china'], 'in a story that names the EU, Brussels is the EU; goods after an adjective still name their country'],
  ['Niger rejected a request from Cotonou.', ['niger rejected benin'], 'a capital after "a request from" is the sender, not a place'],
  ['Putin received Xi Jinping in the Kremlin.', ['vladimir-putin met xi-jinping'], 'receiving a named visitor is a visit received'],
  ['Mike Leigh received three Oscar nominations.', [], 'receiving awards or nominations is no visit'],
  ['The support of Arsene Wenger had encouraged Edu.', [], 'encouraging with no to-infinitive heartens; it is no appeal'],
  ['The UK Independence Party said: "If the government believes it, they should ask the European Union."', [], 'a conditional should-clause with a pronoun subject names no one urged'],
  ['The Rapid Support Forces have been fighting Sudan\'s army since April 2023.', ['rsf-sudan attacked sudan'], 'a phrase of time is no argument of a CAMEO pattern'],
  ['Ukraine launched a drone attack on an oil refinery in Russia\'s Ryazan region.', ['ukraine attacked russia'], 'a site in a region with an owner: the owner is hit'],
  ['The claims came from the US, which was struck by four hurricanes, and Japan, which suffered typhoons.', [], 'past a thing that is no actor, a conjunct with its own clause is another item of the list'],
  ['UK Muslims should accept more checks, a Home Office minister has said.', [], 'a group named with a demonym is not the state asked'],
  ['Jose Mourinho, whose Chelsea team meet Barcelona this week, was upbeat.', [], 'a person\'s "whose team" is no actor of the person'],
  ['Defence Minister Israel Katz warned Hezbollah.', ['israel-katz warned hezbollah'], 'after a title, a country word before an unknown capitalised word is a given name'],
  ['Turkey, Azerbaijan\'s closest ally, said it would strengthen its partnership with Armenia.', ['turkey supported armenia (hypothetical)'], '"it" after a reporting verb is the parse\'s subject, not the possessor inside an apposition'],
  ['Thailand recalled its ambassador from Phnom Penh.', ['thailand sanctioned cambodia'], 'an ambassador recalled from a capital is recalled from its government'],
  ['Thailand and Cambodia exchanged artillery fire along the border.', ['cambodia attacked thailand', 'thailand attacked cambodia'], 'exchanging fire: each side uses force on the other'],
  ['Fresh clashes between Thai and Cambodian troops killed 12 people.', ['cambodia attacked thailand', 'thailand attacked cambodia'], 'clashes between X and Y: both ways'],
  ['Yoon Suk Yeol declared martial law, accusing the opposition Democratic Party of sympathising with North Korea.', ['yoon-suk-yeol accused democratic-party'], 'a common noun with a name apposed to it is that name'],
  ['Talks between Israel and Hamas resumed in Cairo.', ['hamas met israel'], 'a between-phrase\'s last member followed by the verb is no new clause'],
  ['The deals were sealed after talks between Gulf producers and Asia\'s biggest buyers - China, India and Japan.', [], 'talks between two sides, one of them listed: the listed side did not talk among itself'],
  ['Norway offered to hold talks with Venezuela in Oslo.', ['norway met venezuela (hypothetical)', 'norway proposed venezuela'], 'an offer names its party in the act it offers'],
  ['The Hezbollah fighters retreated. The Iran-backed group said it would regroup.', ['iran supported hezbollah'], '"the Iran-backed group": the description is the group, the name before the hyphen backs it'],
  ['Canada imposed tariffs of 25 percent on Chinese steel. Japan opposed the tariffs.', ['canada sanctioned china', 'japan rejected canada'], 'a rate\'s of-phrase holds the target; opposing "the tariffs" rejects their author'],
  ['Mali left the bloc Ecowas, accusing the organisation of serving French interests.', ['mali accused ecowas'], '"the organisation" accused of doing something: the body named before'],
  ['Raul led Spain to victory over France.', [], 'leading a side to victory is no office'],
  ['She learned that Edward Addison had committed adultery with Jessy Smith.', [], 'committing a deed with someone is no pledge'],
  ['Washington committed to resuming military aid to Kyiv.', ['united-states promised ukraine'], 'committing to an act is a pledge'],
  ['Israel struck a school in Gaza City. Egypt and Jordan condemned the strikes.', ['egypt accused israel', 'israel attacked gaza-city', 'jordan accused israel'], 'condemning an attack just reported accuses its author'],
  ['Israel struck Gaza City and Hamas fired rockets at Israel. Egypt condemned the attack.', ['hamas attacked israel', 'israel attacked gaza-city'], 'two attackers and no word to tell them apart: no guess'],
  ['Iran\'s supreme leader Ayatollah Ali Khamenei has rejected negotiations with the United States.', ['ali-khamenei rejected united-states'], 'an honorific parsed as the head of the name after a member noun'],
  ['India suspended the water treaty with Pakistan. Pakistan rejected the move.', ['india sanctioned pakistan', 'pakistan rejected india'], 'suspending a treaty with Y; rejecting "the move" rejects its author (a one-actor sentence is parsed for it)'],
  ['Putin proposed direct talks with Ukraine in Istanbul.', ['ukraine met vladimir-putin (hypothetical)'], 'who proposes talks would hold them'],
  ['Chinese coast guard ships fired water cannon at a Philippine vessel near Scarborough Shoal.', ['china attacked philippines'], 'two modifiers between a demonym and its ships; a site\'s owner, not where it lies'],
  ['Oman, which has mediated between Washington and the Houthis, announced a truce.', ['houthis met oman', 'oman met united-states'], 'a capital after "between" is its government; a name before a comma is no interjection'],
];

function factsOf(text: string): string[] {
  const result = extractText(CONTEXT + text);
  // Roles stated in the row's own sentence count; titles ("Foreign Minister X") are the entity layer's.
  const own = result.facts.filter((f) => f.start >= CONTEXT.length && f.relation !== 'located_in' && !f.rule.startsWith('title'));
  return factLines(own);
}

describe('relations from the tree: sentences → facts', () => {
  for (const [sentence, expected, why] of ROWS) {
    it(`${why}: ${sentence}`, () => {
      assert.deepEqual(factsOf(sentence), [...expected].sort());
    });
  }
});

describe('relations from the tree: long lists', () => {
  it('a list naming a few actors many times gives one fact per actor', () => {
    // Each conjunct was once re-read against the rest of the list (the square of its length). The
    // list stays under the guard's longest sentence (src/nlp/guard.ts cuts longer ones).
    const names = ['France', 'Germany', 'Italy', 'Spain', 'Poland'];
    const list = Array.from({ length: 140 }, (_, i) => names[i % names.length]).join(', ');
    const facts = factsOf(`Russia attacked ${list} and China.`);
    assert.deepEqual(facts, ['china', 'france', 'germany', 'italy', 'poland', 'spain'].map((t) => `russia attacked ${t}`));
  });
});
