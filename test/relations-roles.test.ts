// Roles stated around a name (src/relations/roles.ts): a possessor before the title, words between
// the body and the title, an apposition after the name. Sentences written for these tests →
// the role facts expected for the named person (other facts of the sentence are not compared).
import { strict as assert } from 'node:assert';
import { extractText } from './helpers/extract';

type Row = readonly [sentence: string, person: string, expected: readonly string[], why: string];

const ROWS: readonly Row[] = [
  ["Chile's President Gabriel Boric thanked the crowd.", 'gabriel-boric', ['leader_of chile'], 'a possessor country before the title'],
  ["Poland's foreign minister, Radoslaw Sikorski, spoke first.", 'radoslaw-sikorski', ['member_of poland'], 'a possessor, and the name in commas'],
  ["Kenya's opposition leader Raila Odinga spoke on Friday.", 'raila-odinga', ['member_of kenya'], 'an opposition leader does not lead the country'],
  ["The talks were led by Ali Shamkhani, Iran's top security official.", 'ali-shamkhani', ['member_of iran'], 'an apposition with a possessor and adjectives'],
  ['Rafael Grossi, director general of the IAEA, arrived on Monday.', 'rafael-grossi', ['leader_of iaea'], 'an apposition with "of" and a two-word title'],
  ['"Prices will fall," said Maria Lopez, an economist at Barclays.', 'maria-lopez', ['member_of barclays'], 'a profession at an organisation'],
  ['Microsoft boss Bill Gates showed the console.', 'bill-gates', ['leader_of microsoft'], 'a profession noun between the body and the name'],
  ['Former Worldcom boss Bernie Ebbers went on trial.', 'bernie-ebbers', [], 'a past word before the body: no role now'],
  ["Peru's former president Pedro Castillo was jailed.", 'pedro-castillo', [], 'a past word before the title'],
  ['Dan Brown, a British novelist, wrote it.', 'dan-brown', [], 'a profession says nothing about a country'],
  ['The ruling was welcomed by Ana Silva, a lawyer for Greenpeace.', 'ana-silva', [], 'a lawyer for a client acts for it but does not belong to it'],
  ['The EU pledged aid to Moldova, and its energy commissioner, Dan Jorgensen, accused Russia.', 'dan-jorgensen', [], 'a pronoun is no body of a role: a wrong antecedent would give a wrong role'],
  ['Chinese Vice Premier He Lifeng met the press.', 'he-lifeng', ['member_of china'], 'a surname written like a pronoun, right after a title; a deputy\'s office is a membership'],
  ["Vodafone's UK chief executive, John Smith, resigned.", 'john-smith', [], 'a company\'s office in a country is no office of the country'],
  ['Its UK chief executive John Smith resigned.', 'john-smith', [], 'the same in a title phrase after a possessive'],
  ["The head of Chad's junta, General Idriss Mahamat, accused France.", 'idriss-mahamat', ['leader_of chad'], 'the title of a body, then the name in commas'],
  ['The leader of Hamas, Yahya Sinwar, was killed.', 'yahya-sinwar', ['leader_of hamas'], 'the title of a body, then the name'],
  ['Bush begins his term as US President, Tony Blair said.', 'tony-blair', [], 'a title after "as" is a predicate, not a title before a name'],
  ["Mali's military government met rebels in Algiers, hosted by Algeria. The junta's spokesman, Abdoulaye Maiga, thanked the hosts.", 'abdoulaye-maiga', ['member_of mali'], '"the junta" is the country named with military rule, not the country named last'],
  ['Chinese Commerce Minister Wang Wentao met the press.', 'wang-wentao', ['member_of china'], 'a portfolio between the demonym and the title (entity layer)'],
  ['Kenyan opposition leader Raila Odinga spoke on Friday.', 'raila-odinga', ['member_of kenya'], 'a lesser office in a title phrase (entity layer)'],
  ['British film director Sean Jones won the prize.', 'sean-jones', [], 'a profession after a demonym is no office of the country'],
  ['US car firms General Motors and Ford cut jobs.', 'motors', [], 'a plural before "General" is no portfolio'],
  ["Japan's chief cabinet secretary, Yoshimasa Hayashi, voiced concern.", 'yoshimasa-hayashi', ['member_of japan'], 'a role noun ("chief") as a modifier of the office named after it'],
  ["Saudi Arabia's defence minister, Prince Khalid bin Salman, flew to Tehran.", 'khalid-bin-salman', ['member_of saudi-arabia'], 'a courtesy title between the comma and the name'],
  ["Sudan's army chief, General Abdel Fattah al-Burhan, vowed to fight on.", 'abdel-fattah-al-burhan', ['leader_of sudanese-armed-forces'], 'the chief of a body named right before heads it'],
  ['IAEA chief Rafael Grossi arrived in Tehran.', 'rafael-grossi', ['leader_of iaea'], '…as a title before the name'],
  ['EU trade chief Valdis Dombrovskis arrived in Kyiv.', 'valdis-dombrovskis', ['member_of european-union'], '…but a portfolio between makes it one part of the body'],
  ["Relations soured after Colonel Assimi Goita's government abandoned the accord.", 'assimi-goita', ['leader_of mali'], 'a known person\'s government is the one the person heads, in the state the person serves'],
  ["Ana Ruiz's government fell on Monday.", 'ana-ruiz', [], '…nothing for someone the gazetteer does not know'],
  ["Trump's envoy, Steve Witkoff, flew to Moscow.", 'steve-witkoff', ['member_of united-states'], 'a named person\'s envoy serves the state the person serves'],
  ["Mali's military government cut ties with Ukraine. A spokesman for Ukraine's military intelligence agency had praised the attack. The junta's spokesman, Colonel Abdoulaye Maiga, condemned the remarks.", 'abdoulaye-maiga', ['member_of mali'], '"military" before another noun ("military intelligence") is a branch, no military rule: the junta is Mali\'s'],
  ['Lavrov met his Chinese counterpart, Wang Yi, in Beijing.', 'wang-yi', ['member_of china'], 'a counterpart holds the same office for the state named'],
  ['Kim Jong Un will travel to Moscow in May. The North Korean leader accused Seoul of lying.', 'kim-jong-un', ['leader_of north-korea'], 'a description with a demonym that stands for a person states the office'],
  ['Gordon Brown saw his Israeli counterpart, Ariel Sharon, and later the Palestinian leader, Mahmoud Abbas, in Jerusalem.', 'ariel-sharon', ['member_of israel'], '…and an apposed name takes it, not the person before'],
  ['Mohamed Dagalo, the RSF commander who led the assault, stayed away.', 'mohamed-dagalo', ['leader_of rsf'], 'the commander of an armed group, with "the", leads it; a relative clause may end the apposition'],
  ["The minister accepted the credentials of Moscow's new ambassador, Ivan Petrov.", 'ivan-petrov', ['member_of russia'], 'a capital that owns an office after "of" is its state'],
  ["They met at London's King Cross station.", 'cross', [], 'a capital before a place it holds is the city: no title read in "King Cross"'],
  ['The RSF took the town. Its commander, Mohamed Dagalo, promised safe passage.', 'mohamed-dagalo', ['leader_of rsf'], 'a sentence-opening "Its" before a title carries on the topic before; its one commander leads it'],
  ["Labour's election chief Alan Milburn spoke.", 'alan-milburn', ['member_of labour-party'], 'a chief of one part (modifiers before the title) does not lead the whole'],
  ["South Africa's ambassador to Washington, Ebrahim Rasool, left.", 'ebrahim-rasool', ['member_of south-africa'], 'the post\'s place between the title and the name'],
  ["The IMF's managing director, Kristalina Georgieva, spoke.", 'kristalina-georgieva', ['leader_of imf'], 'a managing director heads the organisation'],
  ["Madrid is represented by Spain's director general for Europe, Jose Maria Pons.", 'jose-maria-pons', [], 'a director general of a state\'s department heads no state'],
  ['President Donald Trump signed the order.', 'donald-trump', ['leader_of united-states'], 'a title with no body, given to a person of the news gazetteer: the state the person serves'],
  ['Secretary-General Mark Rutte met the ministers.', 'mark-rutte', ['leader_of nato'], 'an organisation\'s title: the organisation the person serves, not the state'],
  ['Director General Rafael Grossi arrived.', 'rafael-grossi', ['leader_of iaea'], '"Director General" is one title, not a general\'s rank'],
  ['Vice President JD Vance spoke first.', 'jd-vance', ['member_of united-states'], 'a vice president does not lead the state'],
  ['The incoming envoy Steve Witkoff flew in.', 'steve-witkoff', [], 'an office not yet held is no role'],
  ['General Abdourahamane Tiani spoke on television.', 'abdourahamane-tiani', [], 'a rank says nothing of the office a known person holds'],
  ['Defence Secretary Lloyd Austin visited the base.', 'lloyd-austin', ['member_of united-states'], 'a secretary of a state\'s government, known to serve the US'],
  ['President Ana Ruiz signed the order.', 'ana-ruiz', [], 'a title with no body for someone the gazetteer does not know: no guess'],
  ["Colonel Amadou Keita, Mali's army spokesman, read the statement.", 'amadou-keita', ['member_of mali'], 'a rank is no part of the name (entity layer)'],
  ['Omar Haddad, a spokesman for Jordan\'s military intelligence agency, denied it.', 'omar-haddad', ['member_of jordan'], 'an apposition "for" a state\'s branch: a member of the state'],
  ['Park Min-su, the leader of the opposition Democratic Party, called the deal bad.', 'min-su', ['leader_of democratic-party'], 'a word on the body after "of the" is no part of the title'],
  ['Ana Costa, the candidate of the Frelimo party that won in 1994, spoke.', 'ana-costa', ['member_of frelimo'], 'a noun saying what the body is, then a relative clause on it'],
  ['Samuel Okoro, the head of the FSB security service, spoke.', 'samuel-okoro', ['member_of fsb'], 'nouns after the body name a part of it: the head of a part is a member'],
  ['Ana Costa, the head of the UN environment agency, spoke.', 'ana-costa', ['member_of united-nations'], '…so the head of a UN agency does not lead the UN'],
  ['The commander of Sudan\'s Rapid Support Forces, Ahmed Salih, spoke.', 'ahmed-salih', ['leader_of rsf-sudan'], 'a state\'s named body after "of": the body is the one led'],
  ["Egypt's judiciary chief, Hassan Fathy, told judges to hurry.", 'hassan-fathy', ['member_of egypt'], 'the chief of a state\'s branch, after the state\'s possessive, is a member of the state'],
  ["Turkey's army chief, Field Marshal Kemal Aydin, attended.", 'kemal-aydin', ['member_of turkey'], 'a rank of two words between the comma and the name'],
  ["Canada's ambassador to the UN, Marie Tremblay, said no.", 'marie-tremblay', ['member_of canada'], 'the post\'s remit with "the" before the name'],
  ["Sara Holm, Norway's ambassador in Washington, sat down.", 'sara-holm', ['member_of norway'], 'the post\'s place after the title in an apposition'],
  ['Hamas said on Monday that its leader, Omar Saleh, was safe.', 'omar-saleh', ['leader_of hamas'], '"its" after the one body named in its sentence is that body\'s'],
  ['Shell admitted the error, and its chairman, Paul Roux, apologised.', 'paul-roux', ['leader_of shell'], '…a company\'s chairman heads it'],
  ['The AMF has begun proceedings against Velora, its chief executive Paul Roux and two others.', 'paul-roux', [], '…but not past a proper noun read as no actor, which may be the body meant'],
  ["The crisis led to the resignation of Shell's chairman, Paul Roux.", 'paul-roux', [], 'an office ended in the sentence ("the resignation of") is no role now'],
  ['Shell admitted the error, which led to the resignation of its chairman, Paul Roux.', 'paul-roux', [], '…after "its" too'],
  ["UNRWA said the ban was wrong, and Karl Meyer, the agency's commissioner-general, urged states to act.", 'karl-meyer', ['leader_of unrwa'], 'a commissioner-general heads the agency (the hyphen split by the tokenizer)'],
  ["The deal was signed by Sisi, Qatar's emir, Sheikh Tamim bin Hamad Al Thani, and Erdogan.", 'abdel-fattah-el-sisi', [], 'in a list, a title then a name in commas is the next name\'s, not the one before'],
  ["Greenpeace's Helen Marsh said the law was weak.", 'helen-marsh', ['member_of greenpeace'], 'an organisation\'s possessive right before a person\'s name: its own'],
  ["Labour's Mr Hale said the plan was wrong.", 'hale', ['member_of labour-party'], '…with "Mr" before the surname'],
  ["Oxfam's Newton said so.", 'newton', [], '…but not one word with no given name or "Mr": as often a product or a show'],
  ['Ana Silva of the Refugee Council said the rules were unfair.', 'ana-silva', ['member_of refugee-council'], 'a name, "of" and an organisation, then the clause goes on'],
  ['Ana Silva of Britain said the rules were unfair.', 'ana-silva', [], '…but "of" a country says where the person is from'],
  ['"It is the Brazil business," said analyst Ana Silva of Oxfam\'s strong results.', 'ana-silva', [], '…and "of" a thing of the body\'s is no membership'],
  ['"Costs are rising," said analyst Ana Silva at Lehman Brothers.', 'ana-silva', ['member_of lehman-brothers'], 'a quoted source "at" an organisation works there'],
  ['The police arrested Ana Silva at Lehman Brothers.', 'ana-silva', [], '…but "at" with no word of saying or work before the name is a place'],
  ['"Rates will rise," said Ana Silva of Wells Fargo in Minneapolis.', 'ana-silva', ['member_of wells-fargo'], 'the office\'s place after the organisation'],
  ['Ana Costa, president and chief executive of Lee Enterprises, said so.', 'ana-costa', ['leader_of lee-enterprises'], 'two offices of one body joined by "and": heading it in either heads it'],
  ['Park Min-su, leader of the opposition Democratic Party and the front-runner to succeed him, spoke.', 'min-su', ['leader_of democratic-party'], 'a second apposition after "and the" ends the first'],
  ['Tom Reed, spokesman for the White House National Security Council, said no.', 'tom-reed', ['member_of national-security-council'], 'a body named right after another is the one meant'],
  ["Sanctions hit Jean Mugabo, Rwanda's minister of state for regional trade, on Monday.", 'jean-mugabo', ['member_of rwanda'], 'a portfolio in words after the title, up to the comma'],
  ["Tom Reed, Labour's head of elections strategy, spoke.", 'tom-reed', ['member_of labour-party'], '…and the head of one part of a body is a member of it'],
  ['"It may go," said Philip Snalune, director of products at Telewest.', 'philip-snalune', ['member_of telewest'], 'a portfolio after the title, then the body: the head of one part is a member'],
  ['"It is big," said Ana Costa, Google\'s vice president of product management.', 'ana-costa', ['member_of google'], 'a portfolio after an apposed title may end the sentence'],
  ['The head of the UN refugee monitoring mission in Ukraine, Ana Costa, said so.', 'ana-costa', ['member_of united-nations'], 'the title of a part of a body named in four words, then the part\'s place'],
];

describe('roles around a name: sentences → role facts', () => {
  for (const [sentence, person, expected, why] of ROWS) {
    it(`${why}: ${sentence}`, () => {
      const facts = extractText(sentence).facts
        .filter((f) => f.source === person && (f.relation === 'leader_of' || f.relation === 'member_of'))
        .map((f) => `${f.relation} ${f.target}`);
      assert.deepEqual([...new Set(facts)].sort(), [...expected].sort());
    });
  }
});
