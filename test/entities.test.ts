// Sentences → expected mentions and merges, one row per recognition or resolution rule.
import { strict as assert } from 'node:assert';
import { graphOfResults } from '../src/pipeline';
import { extractText } from './helpers/extract';

type Row = readonly [text: string, expected: ReadonlyArray<readonly [surface: string, entity: string, entityType: string]>, why: string];

const ROWS: readonly Row[] = [
  ['Russian President Vladimir Putin spoke.', [['Russian President Vladimir Putin', 'vladimir-putin', 'person']], 'title + full name; demonym in a title is no mention (the mention covers the title phrase)'],
  ['Prince Khalid bin Salman met the envoy.', [['Khalid bin Salman', 'khalid-bin-salman', 'person']], 'a royal title before a full name is an honorific'],
  ['The Bolivian Miners\' Federation called a strike.', [['Bolivian Miners\' Federation', 'bolivian-miners-federation', 'organization']], 'a plural\'s apostrophe inside an organisation\'s name'],
  ['Prince Harry met the envoy.', [['Prince Harry', 'prince-harry', 'person']], '…before one name it is how the person is known'],
  ['The show moved to the Prince Edward Theatre.', [['Prince Edward Theatre', 'prince-edward-theatre', 'place']], '…and after "the" it begins the name of a thing'],
  ['US envoy Steve Witkoff arrived.', [['US', 'united-states', 'country'], ['Steve Witkoff', 'steve-witkoff', 'person']], 'country + lowercase title + name'],
  ['The US State Department and China\'s foreign ministry traded charges.', [['US State Department', 'united-states', 'country'], ['China\'s foreign ministry', 'china', 'country']], 'an executive body that speaks for its state abroad is the state, as a seat is'],
  ['The Justice Department charged two men.', [['Justice Department', 'justice-department', 'organization']], 'a domestic agency keeps a node of its own'],
  ['Shares of France Telecom rose.', [['France', 'france', 'country'], ['France Telecom', 'france-telecom', 'organization']], 'a country then an industry is a company named after it'],
  ['Imports of Chinese Steel rose.', [['Chinese', 'china', 'country']], 'after a demonym an industry word is goods, not a company'],
  ['The PM said the vote would go ahead.', [], '"the PM" is a title, no person named PM'],
  ['He dismissed protests from Santiago.', [['Santiago', 'chile', 'country']], 'protests from a capital are its government\'s'],
  ['The foreign ministry in Santiago said so.', [['Santiago', 'chile', 'country']], 'a state\'s body in its capital, with no owner of its own, is that state\'s'],
  ['The Peruvian embassy in Santiago said so.', [['Peruvian', 'peru', 'country'], ['Santiago', 'santiago', 'place']], 'a post abroad in a capital is the capital as a place'],
  ['Manchester United manager Alex Ferguson was pleased. United keeper Roy Carroll saved well.', [['Manchester United', 'manchester-united-fc', 'organization'], ['Alex Ferguson', 'alex-ferguson', 'person'], ['United', 'manchester-united-fc', 'organization'], ['Roy Carroll', 'roy-carroll', 'person']], 'a lone last word of a body\'s longer name in the story is that body'],
  ['Exports from the West African country fell sharply.', [], 'a region\'s adjective before a noun is no organisation ("the West African country")'],
  ['Mexico\'s government asked Congress to raise tariffs, amid pressure from Washington.', [['Mexico', 'mexico', 'country'], ['Congress', 'congress-of-mexico', 'organization'], ['Washington', 'united-states', 'country']], 'a bare "Congress" after a state that has one, in its own sentence, is that state\'s'],
  ['Several Social Democrats urged the government to act.', [['Social Democrats', 'social-democrats', 'organization']], 'a word that opens another party\'s name ("Social Democrats") is not the US Democratic Party, even after a sentence\'s first word'],
  ['Paris Hilton met the press in London.', [['Paris Hilton', 'paris-hilton', 'person'], ['London', 'london', 'place']], 'a capital that is also a given name, before a surname, opens a person\'s name'],
  ['The talks in Santiago ended on Friday.', [['Santiago', 'santiago', 'place']], '…but not before a lowercase word'],
  ['General Motors will build a car in Sweden.', [['General Motors', 'general-motors', 'organization'], ['Sweden', 'sweden', 'country']], 'a title word opening a name that ends in a body\'s word is no title'],
  ['Fighting spread from South Kivu to North Kordofan.', [['South Kivu', 'south-kivu', 'place'], ['North Kordofan', 'north-kordofan', 'place']], 'a state\'s provinces by their English names, which the wartime news names'],
  ['Kremlin spokesperson Dmitry Peskov said so.', [['Kremlin', 'russia', 'country'], ['Dmitry Peskov', 'dmitry-peskov', 'person']], 'seat of government → country'],
  ['Microsoft invested in OpenAI.', [['Microsoft', 'microsoft', 'organization'], ['OpenAI', 'openai', 'organization']], 'a run of capitals after a lowercase letter is an acronym inside one name, not a glued word'],
  ['Sudan accused the Emirates of complicity.', [['Sudan', 'sudan', 'country'], ['Emirates', 'united-arab-emirates', 'country']], 'a name the gazetteer writes with its article, after a lowercase "the"'],
  ['He works at the Commonwealth Bank of Australia.', [['Commonwealth Bank of Australia', 'commonwealth-bank-of-australia', 'organization'], ['Australia', 'australia', 'country']], 'not when capitalised words go on: a longer name of its own (the country in it nested)'],
  ['Ursula von der Leyen spoke.', [['Ursula von der Leyen', 'ursula-von-der-leyen', 'person']], 'two particles before the surname stay in the name'],
  ['Vladimir Putin spoke. Later Putin left.', [['Vladimir Putin', 'vladimir-putin', 'person'], ['Putin', 'vladimir-putin', 'person']], 'surname → full name'],
  ['Angela Merkel met Donald Trump.', [['Angela Merkel', 'angela-merkel', 'person'], ['Donald Trump', 'donald-trump', 'person']], 'names and a short lowercase verb: prose, not a Title Case headline'],
  ['Merkel Meets Trump Amid Trade Dispute\nAngela Merkel met Donald Trump in Berlin.', [['Merkel', 'angela-merkel', 'person'], ['Trump', 'donald-trump', 'person'], ['Angela Merkel', 'angela-merkel', 'person'], ['Donald Trump', 'donald-trump', 'person'], ['Berlin', 'berlin', 'place']], 'a Title Case headline: its names resolve through the body'],
  ['Putin on the talks\nVladimir Putin spoke to reporters at length on Friday.', [['Putin', 'vladimir-putin', 'person'], ['Vladimir Putin', 'vladimir-putin', 'person']], 'surname before the full name (headline)'],
  ['Ukrainian troops held the line.', [['Ukrainian', 'ukraine', 'country']], 'demonym + group noun → country'],
  ['Russian oil prices rose.', [], 'demonym without a group noun is no actor'],
  ['Talks were held in Moscow.', [['Moscow', 'moscow', 'place']], 'capital after a locative preposition is a place'],
  ['Moscow rejected the plan.', [['Moscow', 'russia', 'country']], 'capital acting is its government'],
  ['The U.S. and the USA and America are one.', [['U.S.', 'united-states', 'country'], ['USA', 'united-states', 'country'], ['America', 'united-states', 'country']], 'country short forms'],
  ['Officials met in Jeddah, Saudi Arabia.', [['Jeddah, Saudi Arabia', 'jeddah', 'place'], ['Saudi Arabia', 'saudi-arabia', 'country']], 'city and country from the gazetteer; the stated region is part of the place\'s mention'],
  ['Reuters reported the talks.', [['Reuters', 'reuters', 'organization']], 'news agency'],
  ['NATO and the European Union met.', [['NATO', 'nato', 'organization'], ['European Union', 'european-union', 'organization']], 'international bodies'],
  ['The Baltic Grain Traders Association (BGTA) said on Monday that the BGTA would inspect.', [['Baltic Grain Traders Association', 'baltic-grain-traders-association', 'organization'], ['BGTA', 'baltic-grain-traders-association', 'organization'], ['BGTA', 'baltic-grain-traders-association', 'organization']], 'organisation by head word; acronym defined in text'],
  ['by Jane Smithson · Reuters', [['Jane Smithson', 'jane-smithson', 'person'], ['Reuters', 'reuters', 'organization']], 'byline'],
  ['by Akhil Sharma · India TodayIn Short', [['Akhil Sharma', 'akhil-sharma', 'person'], ['India Today', 'india-today', 'organization']], 'glued words: the outlet is found, "TodayIn Short" is no person'],
  ['On Monday, March 3, the talks began.', [], 'days and months are not names'],
  ['Maria Kowalczyk-Nowak said the vote was close.', [['Maria Kowalczyk-Nowak', 'maria-kowalczyk-nowak', 'person']], 'hyphenated surname'],
  ['Mr Hollowell said he agreed.', [['Mr Hollowell', 'hollowell', 'person']], 'honorific + unknown surname that speaks'],
  // people the news names by surname alone (data/people.json)
  ['Merkel met Trump in Berlin on Tuesday.', [['Merkel', 'angela-merkel', 'person'], ['Trump', 'donald-trump', 'person'], ['Berlin', 'berlin', 'place']], 'surnames the news gazetteer knows, even at the start of a sentence'],
  ['Mr Starmer said he agreed.', [['Mr Starmer', 'keir-starmer', 'person']], 'honorific + a known surname: that person'],
  ['President Lula spoke in Brasilia.', [['President Lula', 'luiz-inacio-lula-da-silva', 'person'], ['Brasilia', 'brasilia', 'place']], 'title + a known one-word name'],
  ['Ivanka Trump arrived. Trump said she would stay.', [['Ivanka Trump', 'ivanka-trump', 'person'], ['Trump', 'ivanka-trump', 'person']], 'the article names its own Trump: the gazetteer gives way'],
  ['Erdogan accused Netanyahu of war crimes.', [['Erdogan', 'recep-tayyip-erdogan', 'person'], ['Netanyahu', 'benjamin-netanyahu', 'person']], 'another spelling of a known surname'],
  ['Reporters said the talks were tense.', [], 'an everyday word capitalised at the start of a sentence is no speaker'],
  ['Institutional recipients, said Mauer, must show the works.', [['Mauer', 'mauer', 'person']], 'an unknown name after "said" that follows a comma: inverted attribution'],
  ['"We have brains," said Peres.', [['Peres', 'peres', 'person']], 'the same after a quote'],
  ['His brother, Philonise, asked the question.', [['Philonise', 'philonise', 'person']], 'a name in apposition to a kinship or role noun'],
  ['The deal, said Reuters, was close.', [['Reuters', 'reuters', 'organization']], 'a known organisation after "said" stays one'],
  ['Former Wimbledon champion Conchita Martinez won again.', [['Wimbledon', 'wimbledon', 'organization'], ['Conchita Martinez', 'conchita-martinez', 'person']], '"Former" starts no name'],
  // names nobody listed: the shape and the context decide
  ['The award went to Dries Mertens and Nacer Chadli.', [['Dries Mertens', 'dries-mertens', 'person'], ['Nacer Chadli', 'nacer-chadli', 'person']], 'two capitalised words mid-sentence: a person by default'],
  ['Voters backed Cheng Chung-tai of Civic Passion.', [['Cheng Chung-tai of Civic Passion', 'cheng-chung-tai', 'person'], ['Civic Passion', 'civic-passion', 'organization']], 'hyphenated syllables make a person; "of X" after a person names their organisation'],
  ['The prize went to goalkeeper Mouez Hassen.', [['Mouez Hassen', 'mouez-hassen', 'person']], 'a role noun before a name'],
  ['Hilary Braysmith, an associate professor of art, spoke.', [['Hilary Braysmith', 'hilary-braysmith', 'person']], 'a role in apposition'],
  ['Scientologist Tom Cruise attended.', [['Tom Cruise', 'tom-cruise', 'person']], 'a role word before a given name is no part of the name'],
  ['She won the Nobel Prize and the World Cup.', [], 'a chunk with a thing word (Prize, Cup) is no person'],
  ['Ground-level ozone damages crops.', [], 'a hyphenated English word is no name'],
  ['A crowd gathered outside the Volgograd Arena near Mount Fisht.', [['Volgograd', 'volgograd', 'place'], ['Volgograd Arena', 'volgograd-arena', 'place'], ['Mount Fisht', 'mount-fisht', 'place']], 'place heads and place starts; the city inside the arena\'s name is a nested mention'],
  ['Researchers from the Massachusetts Institute of Technology and Colorado State University of the US spoke.', [['Massachusetts', 'massachusetts', 'place'], ['Massachusetts Institute of Technology', 'massachusetts-institute-of-technology', 'organization'], ['Colorado', 'colorado', 'place'], ['Colorado State University', 'colorado-state-university', 'organization'], ['US', 'united-states', 'country']], 'an organisation\'s of-tail stops before "and" + another name and before "of the COUNTRY"'],
  ['The museum in Los Angeles, California will open in May.', [['Los Angeles, California', 'los-angeles', 'place'], ['California', 'california', 'place']], 'the region the gazetteer puts a city in is part of its mention, even where the context makes no fact'],
  ['USI opened a gallery. Students of USI came.', [['USI', 'usi', 'organization'], ['USI', 'usi', 'organization']], 'an acronym read as an organisation once is one wherever the article writes it'],
  ['The plan follows the SDGs and the MDGs that Kenya adopted.', [['SDGs', 'sdgs', 'other'], ['MDGs', 'mdgs', 'other'], ['Kenya', 'kenya', 'country']], 'the plural of an acronym names things, not a body'],
  ['Andy Warhol died in 1987. The Andy Warhol Foundation gave the prints.', [['Andy Warhol', 'andy-warhol', 'person'], ['Andy Warhol', 'andy-warhol', 'person'], ['Andy Warhol Foundation', 'andy-warhol-foundation', 'organization']], 'a person the article names is a nested mention inside a body\'s name'],
  ['The Albanian Government approved the plan.', [['Albanian Government', 'albania', 'country']], 'a demonym before "Government": the mention of the country acting is the whole name'],
  ['Photographer Nick Moreau came. Image: Nick Moreau.', [['Nick Moreau', 'nick-moreau', 'person'], ['Nick Moreau', 'nick-moreau', 'person']], 'a caption in Title Case: a whole person the body names is one mention'],
  ['Children in southern Finland and the State of Texas were studied.', [['southern Finland', 'finland', 'country'], ['State of Texas', 'texas', 'place']], 'a part of a place ("southern") and its kind ("State of") are in its mention'],
  ['The Museum of Flight in Seattle, Washington was also proposed.', [['Museum of Flight', 'museum-of-flight', 'place'], ['Seattle, Washington', 'seattle', 'place'], ['Washington', 'united-states', 'country']], 'a place, a comma and a place it lies in: one mention'],
  ['Flights came from Hong Kong, Japan, South Korea and Thailand.', [['Hong Kong', 'hong-kong', 'place'], ['Japan', 'japan', 'country'], ['South Korea', 'south-korea', 'country'], ['Thailand', 'thailand', 'country']], 'a list of places is no place with its region'],
  ['The ants used Formica fusca in the tests, and Formica fusca won.', [], 'a genus before its species epithet is no body or place'],
  ['He was born in Irving, Texas.', [['Irving, Texas', 'irving', 'place'], ['Texas', 'texas', 'place']], '"X, Region": an unknown word before a known region is a place'],
  ['The team flew to Volgograd.', [['Volgograd', 'volgograd', 'place']], 'broad gazetteer city after a locative preposition'],
  ['Goya said sales rose.', [['Goya', 'goya', 'person']], 'a one-word broad-gazetteer name without place context is no place; speaking, it is a person'],
  ['The story ran in the Sydney Morning Herald and the Saudi Gazette.', [['Sydney', 'sydney', 'place'], ['Sydney Morning Herald', 'sydney-morning-herald', 'organization'], ['Saudi Gazette', 'saudi-gazette', 'organization']], 'a place or demonym that starts an outlet\'s name is part of it'],
  ['She studied at the Massachusetts Institute of Technology.', [['Massachusetts', 'massachusetts', 'place'], ['Massachusetts Institute of Technology', 'massachusetts-institute-of-technology', 'organization']], 'of-tail of an organisation name; the place it holds is a mention of its own'],
  ['Muslims and asylum seekers protested, and Afghans fled.', [['Muslims', 'muslims', 'other'], ['asylum seekers', 'asylum-seekers', 'other'], ['Afghans', 'afghans', 'other']], 'groups of people (a table, and plural demonyms) are actors of their own'],
  ['The reform helps all Muslims, and many Afghans agreed.', [['all Muslims', 'muslims', 'other'], ['many Afghans', 'afghans', 'other']], 'a quantifier before a group is part of the phrase that names it'],
  ['Afghan troops advanced and the Belgians won.', [['Afghan', 'afghanistan', 'country'], ['Belgians', 'belgium', 'country']], '"Afghan troops" and "the Belgians" are the country acting, not a group'],
  ['The Muslim Brotherhood met the Kurds Party.', [['Kurds Party', 'kurds-party', 'organization']], 'a group word that starts a longer name is no group'],
  ['The crane fell on the Masjid Al-Haram (Grand Mosque) in Mecca.', [['Masjid Al-Haram', 'masjid-al-haram', 'organization'], ['Grand Mosque', 'masjid-al-haram', 'place'], ['Mecca', 'mecca', 'place']], 'a site renamed in brackets is one site, whether read as a place or an organisation'],
  ['The shuttle goes to the National Air and Space Museum, and the Refugee Council and Red Cross met.', [['National Air and Space Museum', 'national-air-and-space-museum', 'place'], ['Refugee Council', 'refugee-council', 'organization'], ['Red Cross', 'icrc', 'organization']], '"and" inside one name whose head comes after it; not after a first part with a head of its own'],
  ['It will stay at the Museum of Flight, near the Gulf of Aden.', [['Museum of Flight', 'museum-of-flight', 'place'], ['Gulf of Aden', 'gulf-of-aden', 'place'], ['Aden', 'aden', 'place']], 'a place head with an of-tail names a place; the place it holds is nested'],
  ['The final is in Mexico City.', [['Mexico', 'mexico', 'country'], ['Mexico City', 'mexico-city', 'place']], 'a capital named after its country holds the country'],
  ['The Toronto Star and the New York Times reported it.', [['The Toronto Star', 'toronto-star', 'organization'], ['Toronto', 'toronto', 'place'], ['New York', 'new-york', 'place'], ['New York Times', 'new-york-times', 'organization']], 'a known outlet named after its city holds the city (the longest place: New York, not York)'],
  ['Refugee Council Chris Solomon spoke.', [['Refugee Council', 'refugee-council', 'organization'], ['Chris Solomon', 'chris-solomon', 'person']], 'an organisation head ends the name before a given name'],
  ['The New People Party won. Michael Tien of NPP spoke.', [['New People Party', 'new-people-party', 'organization'], ['Michael Tien of NPP', 'michael-tien', 'person'], ['NPP', 'new-people-party', 'organization']], 'an acronym that spells an organisation named earlier is that organisation'],
  ['The Church of Scientology sued. The Church denied it.', [['Church of Scientology', 'church-of-scientology', 'organization'], ['Church', 'church-of-scientology', 'organization']], 'a lone head word refers back to the organisation it ends'],
  ["Pro-Beijing DAB's Starry Lee won.", [['DAB', 'dab', 'organization'], ["DAB's Starry Lee", 'starry-lee', 'person']], 'pro-/anti- words are no part of a name; an acronym before \'s is an organisation'],
  ['Image: Nick Moreau.', [['Nick Moreau', 'nick-moreau', 'person']], 'caption words are no part of a name'],
  ['She studied at the University of Sheffield.', [['University of Sheffield', 'university-of-sheffield', 'organization'], ['Sheffield', 'sheffield', 'place']], 'a place inside an organisation\'s name is a nested mention'],
  ['He left the Sea Org in 2010.', [['Sea Org', 'sea-org', 'organization']], 'a name after "the" with no person cue is an organisation'],
  ['The magazine MicroMega and the site YouTube reported it.', [['MicroMega', 'micromega', 'organization'], ['YouTube', 'youtube', 'organization']], 'camel-case brands are one word (glue splits only before a little word)'],
  ['Officers of the Border Force boarded the boat.', [['Border Force', 'border-force', 'organization']], '"Force" ends an organisation\'s name'],
  ['Tasmania was excluded from the study.', [['Tasmania', 'tasmania', 'place']], 'a broad-gazetteer place opening a sentence before a verb'],
  ["Sweden beat South Korea. Korea's coach left.", [['Sweden', 'sweden', 'country'], ['South Korea', 'south-korea', 'country'], ['Korea', 'south-korea', 'country']], 'an ambiguous short form means the country the article names in full'],
  ['They met the Daughters of the American Revolution.', [['Daughters of the American Revolution', 'daughters-of-the-american-revolution', 'organization']], 'a plural word + "of" + a name is a group'],
  ['Yesterday Khaled Al-Maeena said so.', [['Khaled Al-Maeena', 'khaled-al-maeena', 'person']], 'a particle hyphenated to the next name part (Al-, el-)'],
  ['The secretary general of CEI (Italian Episcopal Conference) spoke.', [['CEI', 'cei', 'organization'], ['Italian Episcopal Conference', 'cei', 'organization']], 'a name in brackets after a name of the same kind is another name of it'],
  ['Ubisoft, Microsoft and Sony showed games.', [['Ubisoft', 'ubisoft', 'organization'], ['Microsoft', 'microsoft', 'organization'], ['Sony', 'sony', 'organization']], 'an unknown name listed with organisations is one, even at a sentence start'],
  ['Xi Jinping spoke. Later Xi left.', [['Xi Jinping', 'xi-jinping', 'person'], ['Xi', 'xi-jinping', 'person']], 'a lone surname of a name written surname first'],
  ['Ferdinand Marcos Jr. spoke. Marcos left.', [['Ferdinand Marcos Jr.', 'ferdinand-marcos-jr', 'person'], ['Marcos', 'ferdinand-marcos-jr', 'person']], 'the surname before a suffix'],
  ['Ships gathered near the Mischief Reef.', [['Mischief Reef', 'mischief-reef', 'place']], 'reefs and shoals are places'],
  ['The Indonesian Navy rescued them.', [['Indonesian Navy', 'indonesian-navy', 'organization']], 'demonym + capitalised organisation head: the organisation, member_of its country'],
  ['Brevok sold its boats. The board of Brevok met, workers in Brevok were told, and Brevok shares fell after Brevok and Hallam wrote.', [['Brevok', 'brevok', 'organization'], ['Brevok', 'brevok', 'organization'], ['Brevok', 'brevok', 'organization'], ['Brevok', 'brevok', 'organization']], 'a lone name once inside a longer name, once after "in": its other uses make it a body'],
  ['Talks with the U.S government resumed.', [['U.S', 'united-states', 'country']], 'an abbreviation without its last period is the same name'],
  ['President Maria Okonjo signed the bill. The President later praised it, and this President will sign more.', [['President Maria Okonjo', 'maria-okonjo', 'person'], ['President', 'maria-okonjo', 'person'], ['this President', 'maria-okonjo', 'person']], 'a capitalised title alone names the one person the article gives that title'],
  ['President Maria Okonjo met President Ivan Dorsk. The President spoke first.', [['President Maria Okonjo', 'maria-okonjo', 'person'], ['President Ivan Dorsk', 'ivan-dorsk', 'person'], ['President', '', 'person']], 'two holders of the title: the title alone is a mention of nobody we can name'],
  ['Shadow Chancellor Tom Elbury attacked the plan. The Chancellor defended it.', [['Shadow Chancellor Tom Elbury', 'tom-elbury', 'person'], ['Chancellor', '', 'person']], 'a shadow office is not the office the title alone names: that one is of nobody we can name'],
  ['Later the House voted again, as the House of Representatives had in May, and this House was praised.', [['House', 'us-house', 'organization'], ['House of Representatives', 'us-house', 'organization'], ['this House', 'us-house', 'organization']], 'a capitalised head word after "the" or "this" is the one body whose name holds it'],
  ['The House of Lords met and the House of Commons sat. Then the House rose.', [['House of Lords', 'house-of-lords', 'organization'], ['House of Commons', 'uk-parliament', 'organization']], 'two bodies hold the head word: the word alone names neither'],
  ['Shoppers liked Quadrix Mobile in May. Later Quadrix cut prices, and Wang Lifen said Wang would stay.', [['Quadrix Mobile', 'quadrix-mobile', 'person'], ['Quadrix', 'quadrix', 'organization'], ['Wang Lifen', 'wang-lifen', 'person'], ['Wang', 'wang-lifen', 'person']], 'a lone first word names a person written surname first only when it is such a family name'],
  ['Fans of the Zorbex sold their Zorbexes, and the XR7 was sold out. Owners said the XR7 was fast.', [['Zorbex', 'zorbex', 'organization'], ['Zorbexes', 'zorbexes', 'other'], ['XR7', 'xr7', 'other'], ['XR7', 'xr7', 'other']], 'a lone name made plural beside its singular, or with a digit, names things, not a body'],
  ['Fans cheered Goran Kovačić and Luka Perić. Later Kovačić left.', [['Goran Kovačić', 'goran-kovacic', 'person'], ['Luka Perić', 'luka-peric', 'person'], ['Kovačić', 'goran-kovacic', 'person']], 'a name the tokenizer split at a letter outside its alphabet is one word'],
  ['The Soviet Union built it, and after the USSR fell, Soviet troops left.', [['Soviet Union', 'soviet-union', 'country'], ['USSR', 'soviet-union', 'country'], ['Soviet', 'soviet-union', 'country']], 'the Soviet Union is a state of the gazetteer, not an organisation named by its head word'],
  ['Profits at Mart-Zonic rose, said Mr Pell-Abbot, and African-American buyers came.', [['Mr Pell-Abbot', 'pell-abbot', 'person']], 'one hyphenated word is no full name (a brand, an adjective), unless a title of address goes before it'],
  ['Tom Sam and Gloria Sam ran the shop, and the Sams sold it. Voters backed the Q5R party and the Q5R won.', [['Tom Sam', 'tom-sam', 'person'], ['Gloria Sam', 'gloria-sam', 'person'], ['Sams', 'sams', 'organization'], ['Q5R', 'q5r', 'organization'], ['Q5R', 'q5r', 'organization']], 'a surname made plural is a family, and a name with a digit before "party" is a body: no things'],
  ['Analysts said Grapnology grew, Grapnology hired staff, Grapnology paid well, so Grapnology won. "The word grapnology means joy," a critic wrote on alt.grapnology.', [['Grapnology', 'grapnology', 'organization'], ['Grapnology', 'grapnology', 'organization'], ['Grapnology', 'grapnology', 'organization'], ['Grapnology', 'grapnology', 'organization']], 'a name written three times as often as in lowercase stays a name; a web address is no lowercase use'],
  ['Talks among Israelis and Palestinians went on, and Arabs watched.', [['Israelis', 'israelis', 'other'], ['Palestinians', 'palestinians', 'other'], ['Arabs', 'arabs', 'other']], 'plural demonyms listed without a noun are peoples, each a group; Arabs are a people'],
  ['She left the Labour party for the Republican Party.', [['Labour party', 'labour-party', 'organization'], ['Republican Party', 'republican-party', 'organization']], 'a party named with its head word in lowercase is the party'],
  ['Jorvik Tamsen came back. They told him: Hey Tamsen, welcome back.', [['Jorvik Tamsen', 'jorvik-tamsen', 'person'], ['Tamsen', 'jorvik-tamsen', 'person']], 'a greeting before a name is no part of it'],
  ['She moved to Eureka Springs, Arkansas.', [['Eureka', 'eureka', 'place'], ['Eureka Springs, Arkansas', 'eureka-springs', 'place'], ['Arkansas', 'arkansas', 'place']], '"Springs" ends a place\'s name; the place it starts with is nested'],
  ['The Free People\'s Union met, and the Women\'s Institute agreed.', [["Free People's Union", 'free-people-union', 'organization'], ["Women's Institute", 'women-institute', 'organization']], 'a plural\'s possessive inside a body\'s name ("People\'s Party") is part of it'],
  ['Schools in Mardovia teach Digital Learning Technology (DLT). The use of DLT grew, and the DLT budget rose.', [['Mardovia', 'mardovia', 'place']], 'an acronym the text spells out as a thing is no body, wherever it stands'],
  ['The Office for Rural Water Rights (ORWR) met. Critics of ORWR left.', [['Office for Rural Water Rights', 'office-for-rural-water-rights', 'organization'], ['ORWR', 'office-for-rural-water-rights', 'organization'], ['ORWR', 'office-for-rural-water-rights', 'organization']], 'an acronym spelt out as a body stays that body'],
  ['The cruise ship Velmora left port. Crew on the Velmora said Velmora was old.', [], 'a name after a craft noun names that craft, wherever it stands: no person or body'],
  ['Hitachi built a rival to Honda\'s Tobimo and Sony\'s Kelvo robots. Tobimo has visited Germany and France.', [['Hitachi', 'hitachi', 'organization'], ['Honda', 'honda', 'organization'], ['Sony', 'sony', 'organization'], ['Germany', 'germany', 'country'], ['France', 'france', 'country']], 'names before "robots", through a coordination and possessors, are machines wherever they stand: no body that visits'],
  ['Cyclone Tarkel hit the coast, and Tarkel weakened inland.', [], 'a storm is named like a person but is none'],
  ['The Oscar-nominated actress Mira Dunlow won a Bafta, and Grammy voters and the Golden Globes praised her.', [['Mira Dunlow', 'mira-dunlow', 'person']], 'an award is no person or body, alone or in a compound'],
  ['Microsoft ended support for OS/2 and Linux, and fans bought the DS and the Xbox on DVD.', [['Microsoft', 'microsoft', 'organization']], 'a product or a format is no person or body, however its name is written'],
  ['Staff at the Institute for Soil, Media and Crop Science met officials of the Department for Trade, Oxfam and Save the Children.', [['Institute for Soil, Media and Crop Science', 'institute-for-soil-media-and-crop-science', 'organization'], ['Department for Trade', 'department-for-trade', 'organization'], ['Oxfam', 'oxfam', 'organization'], ['Save the Children', 'save-the-children', 'organization']], 'capitalised everyday words listed after a body\'s "for" are its fields, one name; a list with names in it is several bodies'],
  ['Fans queued outside the All Wales Club on Monday.', [['All Wales Club', 'all-wales-club', 'organization'], ['Wales', 'wales', 'place']], 'a capitalised "All" mid-sentence before a place opening a body\'s name is its first word'],
  ['Critics praised Dana Merrills\' Lanterns, and the Potters\' Union and the Actors\' Equity Council agreed.', [['Dana Merrills', 'dana-merrills', 'person'], ["Potters' Union", 'potters-union', 'organization'], ["Actors' Equity Council", 'actors-equity-council', 'organization']], 'a person\'s possessive before a work is no part of the name; a plural\'s apostrophe inside a body\'s name is'],
  ['Nintendo said Mobile TV and Internet Protocol TV would grow, and Nintendo sold more.', [['Nintendo', 'nintendo', 'organization'], ['Nintendo', 'nintendo', 'organization']], 'a console maker is a company; a TV technology is no broadcaster'],
  ['Later Mac Wilkins bought a Mac.', [['Mac Wilkins', 'mac-wilkins', 'person']], 'a product\'s name that is also a given name yields to the name after it'],
  ['Oscar Pellow said the Emmy jury met, and Hal Oscar left.', [['Oscar Pellow', 'oscar-pellow', 'person'], ['Hal Oscar', 'hal-oscar', 'person']], 'an award that is also a given name or surname yields to the name beside it'],
  ['The Creative Commons licence is free, the Neo Democrats lost, and the Commons voted.', [['Creative Commons', 'creative-commons', 'organization'], ['Neo Democrats', 'neo-democrats', 'organization'], ['Commons', 'uk-parliament', 'organization']], 'a one-word gazetteer body after a capitalised word no table knows ends another body\'s name'],
  ['The United Kingdom Home Office and the Danish Ministry of Fisheries met.', [['United Kingdom', 'united-kingdom', 'country'], ['United Kingdom Home Office', 'home-office', 'organization'], ['Danish Ministry of Fisheries', 'danish-ministry-of-fisheries', 'organization']], 'a state or demonym right before a body\'s name of two or more words is part of its phrase; the body stays the same entity'],
  ["Officials at Peru's Trade Ministry said no.", [['Peru', 'peru', 'country'], ["Peru's Trade Ministry", 'trade-ministry', 'organization']], 'a possessor is part of a body\'s phrase, as of a person\'s'],
  ['Troops shelled the town of Varnok. Later Varnok was quiet.', [['Varnok', 'varnok', 'place'], ['Varnok', 'varnok', 'place']], 'a lone name after "the town of" is a place, wherever it stands (when half its uses say so)'],
  ['The mayor of the Tessaly region spoke, and Tessaly voted.', [['Tessaly', 'tessaly', 'place'], ['Tessaly', 'tessaly', 'place']], 'a lone name before a kind of place ("region") is a place'],
  ['She starred in the Quorvan-winning drama, and Quorvan praised her.', [['Quorvan', 'quorvan', 'organization'], ['Quorvan', 'quorvan', 'organization']], 'a name hyphened to a word after "the" is a modifier: no place by the preposition'],
  ['Fans at the Quorvan club cheered, and Quorvan signed two players.', [['Quorvan', 'quorvan', 'organization'], ['Quorvan', 'quorvan', 'organization']], 'after "the", a name before a lowercase noun is a modifier: no place by the preposition'],
  ['Pupils of Instituto Carvalho marched.', [['Instituto Carvalho', 'instituto-carvalho', 'organization']], 'a body named untranslated by its first word ("Instituto") is a body, not a person'],
  ['Editors of English Wikilore and of Scottish Water said so.', [], 'a demonym, or a word shaped like one, opening two capitalised words makes them no person'],
  ['Seeking justice, they passed the Maria Okafor Justice in Housing Act.', [['Maria Okafor', 'maria-okafor', 'person']], 'a name running on into a thing named after the person ends before its first everyday noun'],
  ['Nicholas Betts-Green resigned, and Mr Betts-Green left.', [['Nicholas Betts-Green', 'nicholas-betts-green', 'person'], ['Mr Betts-Green', 'nicholas-betts-green', 'person']], 'an everyday word hyphened into a double surname is part of the name'],
  ['Critics said the Vasco Dorne Prize was rigged.', [], 'without a given name, a name running on into a thing is the thing throughout: no person, whatever the NER adds'],
  ['Martin Luther King Jr. spoke in Memphis.', [['Martin Luther King Jr.', 'martin-luther-king-jr', 'person'], ['Memphis', 'memphis', 'place']], 'a name suffix after an everyday word, or a title word, keeps the name whole'],
  ['A reporter of The Globe and Mail wrote it.', [['Globe and Mail', 'globe-and-mail', 'organization']], 'one head word alone names no body: the name goes on past "and"'],
  ["The flag will fly in the nation's capital, Wellington, and on an Ottawa street. Moscow rejected it.", [['Wellington', 'wellington', 'place'], ['Ottawa', 'ottawa', 'place'], ['Moscow', 'russia', 'country']], 'a capital in apposition to "capital", or before a street, is the place; acting, its government'],
  ['Shops in central Kyiv and in Taipei, Taiwan opened.', [['central Kyiv', 'kyiv', 'place'], ['Taipei, Taiwan', 'taipei', 'place'], ['Taiwan', 'taiwan', 'country']], 'a capital with a part of it named, or its country after it, is the city'],
  ['The United Nations High Commissioner for Refugees spoke.', [['United Nations', 'united-nations', 'organization'], ['United Nations High Commissioner for Refugees', 'unhcr', 'organization']], 'a known body opening a longer body\'s name is a nested mention'],
  ['The expo filled the Metro Toronto Convention Centre, said the Council on American - Islamic Relations.', [['Metro Toronto Convention Centre', 'metro-toronto-convention-centre', 'organization'], ['Toronto', 'toronto', 'place'], ['Council on American - Islamic Relations', 'council-on-american-islamic-relations', 'organization']], 'an unknown capitalised word before a place opening a name is its first word; a dash binds a name\'s words'],
  ['Later, Minister of Fisheries Maria Okonkwo said the Ambassador to the United Nations Pia Lund agreed.', [['Minister of Fisheries Maria Okonkwo', 'maria-okonkwo', 'person'], ['Ambassador to the United Nations Pia Lund', 'pia-lund', 'person'], ['United Nations', 'united-nations', 'organization']], 'a title with what it is of, right before a name, is part of the person\'s phrase'],
  ['Later Major General Ivo Brandt spoke.', [['Major General Ivo Brandt', 'ivo-brandt', 'person']], 'a rank of two words is one title'],
  ['The shuttle went to the Korvan Center at Oslo Gardermoen Airport, and Refugee Council Ellen Marsh said so.', [['Korvan Center', 'korvan-center', 'organization'], ['Oslo', 'oslo', 'place'], ['Oslo Gardermoen Airport', 'oslo-gardermoen-airport', 'place'], ['Refugee Council', 'refugee-council', 'organization'], ['Ellen Marsh', 'ellen-marsh', 'person']], 'a named site after "at" is where a body is, not part of its name; a head word ends a name before a given name'],
  ['It went to the Maria J. Korvan Center. Later the Korvan Center opened.', [['Maria J. Korvan Center', 'maria-j-korvan-center', 'organization'], ['Korvan Center', 'maria-j-korvan-center', 'organization']], 'a body named again without its namesake\'s given name is the same body'],
  ['She was agent for Arundel and South Downs Tories.', [['Tories', 'conservative-party', 'organization']], 'after a longer capitalised name, a gazetteer body\'s word stays that body (its branch there)'],
  ['The Houthis fired missiles. A Houthi spokesman said the attack was over.', [['Houthis', 'houthis', 'organization'], ['Houthi', 'houthis', 'organization']], 'the singular of a body named in the plural is that body (one node)'],
  ['Judges in Guatemala met. In Guatemala the Supreme Court ruled, and the Court later closed the case.', [['Guatemala', 'guatemala', 'country'], ['Guatemala', 'guatemala', 'country'], ['Supreme Court', 'supreme-court-of-guatemala', 'organization'], ['Court', 'supreme-court-of-guatemala', 'organization']], 'a bare Supreme Court is the story\'s country\'s, and so is "the Court" after it (one node)'],
  ['The survey covered New South Wales, Victoria, South Australia and Tasmania.', [['New South Wales', 'new-south-wales', 'place'], ['Victoria', 'victoria', 'place'], ['South Australia', 'south-australia', 'place'], ['Tasmania', 'tasmania', 'place']], 'a given name listed between places is a place'],
  ['Jan van der Berg arrived in Oslo. Later van der Berg met the press.', [['Jan van der Berg', 'jan-van-der-berg', 'person'], ['Oslo', 'oslo', 'place'], ['van der Berg', 'jan-van-der-berg', 'person']], 'a surname alone keeps the particles the full name has before it'],
  ['Rangers from the US National Park Service closed the trail.', [['US', 'united-states', 'country'], ['US National Park Service', 'us-national-park-service', 'organization']], 'a country that starts an organisation\'s name is a nested mention, as a place is'],
  ['Tory leader Ann Castle praised the plan.', [['Tory', 'conservative-party', 'organization'], ['Ann Castle', 'ann-castle', 'person']], 'the singular short form of a UK party names it as an adjective'],
  ['Lib Dem spokesman Peter Oakley spoke.', [['Lib Dem', 'liberal-democrats', 'organization'], ['Peter Oakley', 'peter-oakley', 'person']], '…as "Lib Dem" does'],
  ['Conservative MP Helen Fairley asked a question.', [['Conservative', 'conservative-party', 'organization'], ['Conservative MP Helen Fairley', 'helen-fairley', 'person']], 'an everyday party adjective before a Westminster seat word is the UK party'],
  ['Conservative voters in Ohio backed the plan.', [['Ohio', 'ohio', 'place']], '…and no party before any other noun'],
  ['Fulham striker Tom Reyes scored twice.', [['Fulham', 'fulham-fc', 'organization'], ['Tom Reyes', 'tom-reyes', 'person']], 'a club\'s name before a word of its staff and a name is the club'],
  ['Leicester flanker Sam Ward was banned, and Leicester striker Joe Hale scored.', [['Leicester', 'leicester-tigers', 'organization'], ['Sam Ward', 'sam-ward', 'person'], ['Leicester', 'leicester-city-fc', 'organization'], ['Joe Hale', 'joe-hale', 'person']], '…a town two clubs share is the club of the staff word\'s sport'],
  ['Chelsea Morgan flew to Bath for the wedding.', [['Chelsea Morgan', 'chelsea-morgan', 'person']], '…and no club from a name alone (a given name; the town is no mention of ours either)'],
  ['Vice-President Ann Dorr spoke.', [['Vice-President Ann Dorr', 'ann-dorr', 'person']], 'a hyphenated title is no part of the name'],
  ['The findings appeared in the journal Ocean Letters on Monday.', [['Ocean Letters', 'ocean-letters', 'organization']], 'a kind of body right before a name makes it that body\'s name'],
  ['Fans cheered when Dutch team Kestrel7 won.', [['Dutch', 'netherlands', 'country'], ['Kestrel7', 'kestrel7', 'organization']], '…whatever its shape (a digit)'],
  ['The protest was led by campaign group Parents 4 Clean Air.', [['Parents 4 Clean Air', 'parents-4-clean-air', 'organization']], '…and the name goes on over numbers and capitalised words'],
  ['The newspaper Hollander said the deal was off.', [['Hollander', 'hollander', 'organization']], '…even before a speech verb'],
  ['In the final, Dutch team Blazewing and Nightowls met.', [['Dutch', 'netherlands', 'country'], ['Blazewing', 'blazewing', 'organization'], ['Nightowls', 'nightowls', 'organization']], '…and a name joined to it by "and" is a body of the same kind'],
  ['The court fined the religious schools Tresanti Vero and Corvallo in March.', [['Tresanti Vero', 'tresanti-vero', 'organization'], ['Corvallo', 'corvallo', 'organization']], '…after the kind\'s plural too'],
  ['She wore two wedding bands Ozzy gave her.', [['Ozzy', 'ozzy', 'person']], '…a plural names a list only: no body without "and" or a comma after the name'],
  ['The paper ran in the journal Language Learning and Technology.', [['Language Learning', 'language-learning', 'organization']], '…and after a name of everyday words "and" goes on with its title: no second body'],
  ['The group Hamas and Egypt agreed.', [['Hamas', 'hamas', 'organization'], ['Egypt', 'egypt', 'country']], '…not a name the gazetteer reads'],
  ['The team captain Joe Marsh scored.', [['Joe Marsh', 'joe-marsh', 'person']], '…not a person named after a title word'],
  ['The chief executive of the Harbour Trust Tarveen Oduya told reporters the plan was dead.', [['Harbour Trust', 'harbour-trust', 'organization'], ['Tarveen Oduya', 'tarveen-oduya', 'person']], 'a role of a body, then the body\'s name and two name words before the verb: the role\'s holder ends the body'],
  ['A student at Corvale State University Idris Bemba heard the news.', [['Corvale State University', 'corvale-state-university', 'organization'], ['Idris Bemba', 'idris-bemba', 'person']], '…after "at" too'],
  ['Volunteers from the Dutch Red Cross and the Norway Red Cross arrived.', [['Dutch Red Cross', 'netherlands-red-cross', 'organization'], ['Norway', 'norway', 'country'], ['Norway Red Cross', 'norway-red-cross', 'organization']], 'a country or demonym before a federated body\'s short name is that country\'s member, not the international body'],
  ['Officials said the Red Cross visited the camp.', [['Red Cross', 'icrc', 'organization']], '…the short name alone stays the international body'],
  ['Reporters at the Western Courier asked about the Central Savings Bank.', [['Western Courier', 'western-courier', 'organization'], ['Central Savings Bank', 'central-savings-bank', 'organization']], 'a region named by a compass word alone that opens a longer name is no place inside it'],
  ['Deputies drove to East Los Angeles. Later they left East L.A. for good.', [['East Los Angeles', 'east-los-angeles', 'place'], ['East L.A.', 'east-los-angeles', 'place']], 'a capitalised compass word before a city names another place, one under both spellings of the city'],
  ['She studied at the University of Southern Indiana.', [['University of Southern Indiana', 'university-of-southern-indiana', 'organization'], ['Southern Indiana', 'southern-indiana', 'place']], '…inside a body\'s name too'],
  ['They met at a hotel in downtown Nairobi on Monday.', [['downtown Nairobi', 'downtown-nairobi', 'place']], '…and "downtown" before a city names its centre, a place of its own'],
  ['Floods hit villages in southern Finland.', [['southern Finland', 'finland', 'country']], '…not a lowercase one: a part of the country'],
  ['A spokesman of the University of New Mexico said it was closed.', [['University of New Mexico', 'university-of-new-mexico', 'organization'], ['New Mexico', 'new-mexico', 'place']], '…not a place the body\'s name ends with'],
  ['Crowds gathered in Cairo\'s Old Market Square on Friday.', [['Cairo', 'cairo', 'place'], ['Cairo\'s Old Market Square', 'old-market-square', 'place']], 'a place\'s possessive before a site named by its head word is part of the site\'s phrase'],
  ['Turnout rose in the Harbour North geographical constituency this year.', [['Harbour North geographical constituency', 'harbour-north-constituency', 'place']], 'a name before a seat word is a seat, a place of its own named with that word'],
  ['Lam Wing-yee of the Fisheries, Farming and Forestry constituency lost her seat.', [['Lam Wing-yee', 'lam-wing-yee', 'person'], ['Fisheries, Farming and Forestry constituency', 'fisheries-farming-and-forestry-constituency', 'place']], '…a list of capitalised words too'],
  ['Voters queued in the Hong Kong Island constituency.', [['Hong Kong', 'hong-kong', 'place'], ['Hong Kong Island', 'hong-kong-island', 'place']], '…not a place the gazetteer knows: that place'],
  ['She won an English constituency and each Scottish constituency.', [], '…nor a demonym, nor a name after "an" or "each": no seat named'],
  ['The report was carried by the Xinhua news agency on Monday.', [['Xinhua news agency', 'xinhua', 'organization']], 'a gazetteer name written with its head words in lowercase is that name'],
  ['Team Norway won gold.', [['Team Norway', 'team-norway', 'organization'], ['Norway', 'norway', 'country']], '"Team" before a country names its side, an organisation'],
  ['She loved the satire Team Norway: The Movie.', [['Norway', 'norway', 'country']], '…not a title before a colon'],
  ['Soldiers of the 41st Legion and the 12th Mountain Brigade marched past.', [['41st Legion', '41st-legion', 'organization'], ['12th Mountain Brigade', '12th-mountain-brigade', 'organization']], 'an ordinal before a unit\'s name is part of it'],
  ['Crowds filled the Quarrow Memorial Hall Station at dusk.', [['Quarrow Memorial Hall', 'quarrow-memorial-hall', 'place'], ['Quarrow Memorial Hall Station', 'quarrow-memorial-hall-station', 'place']], 'a station named after a site holds the site\'s name, a place of its own'],
  ['Trains stopped at Dunmore Station.', [['Dunmore Station', 'dunmore-station', 'place']], '…not a name with no site\'s head word'],
  ['Striker Jon Arkle won the Fizzco Man of the Match award.', [['Jon Arkle', 'jon-arkle', 'person'], ['Fizzco', 'fizzco', 'organization']], 'a match award is no body; the sponsor named before it is one'],
];

describe('entities: sentences → mentions', () => {
  for (const [text, expected, why] of ROWS) {
    it(`${why}: ${text.replace(/\n/g, ' / ')}`, () => {
      const result = extractText(text);
      const got = result.mentions.filter((m) => !m.rule.startsWith('topic:')).map((m) => [m.text, m.entity, m.entityType]);
      assert.deepEqual(got, expected.map((e) => [...e]));
    });
  }
});

describe('entities: a country\'s own body', () => {
  it('the state\'s name before a body of that state the gazetteer knows is one of the body\'s names; the state nested', () => {
    const result = extractText('A letter from the United Kingdom Home Office arrived on Monday.');
    assert.deepEqual(result.entities.find((e) => e.id === 'home-office')?.aliases, ['United Kingdom Home Office']);
    assert.deepEqual(result.mentions.filter((m) => m.entity === 'united-kingdom').map((m) => m.rule), ['country-in-name']);
  });
  it('a bare Supreme Court in a story about Guatemala is labelled with its full name, even when "the Court" comes last', () => {
    const result = extractText('Judges in Guatemala met. In Guatemala the Supreme Court ruled, and the Court later closed the case.');
    assert.equal(result.entities.find((e) => e.id === 'supreme-court-of-guatemala')?.label, 'Supreme Court of Guatemala');
  });
});

describe('entities: facts from titles and bylines', () => {
  it('Russian President Vladimir Putin → leader_of russia; role recorded', () => {
    const r = extractText('Russian President Vladimir Putin spoke.');
    assert.ok(r.facts.some((f) => f.source === 'vladimir-putin' && f.relation === 'leader_of' && f.target === 'russia'));
    assert.deepEqual(r.entities.find((e) => e.id === 'vladimir-putin')?.roles, ['President of Russia']);
  });
  it('US envoy → member_of; Kremlin spokesman → member_of russia', () => {
    const r = extractText('US envoy Steve Witkoff and Kremlin spokesman Dmitry Peskov spoke.');
    const facts = r.facts.map((f) => `${f.source} ${f.relation} ${f.target}`);
    assert.ok(facts.includes('steve-witkoff member_of united-states'));
    assert.ok(facts.includes('dmitry-peskov member_of russia'));
  });
  it('a byline makes the author a member of the outlet', () => {
    const r = extractText('by Jane Smithson · Reuters\nThe talks ended.');
    assert.ok(r.facts.some((f) => f.source === 'jane-smithson' && f.relation === 'member_of' && f.target === 'reuters'));
  });
  it('every mention offset slices the document to its text', () => {
    const text = 'Russian President Vladimir Putin met US envoy Steve Witkoff in Moscow. Putin said Ukraine must withdraw.';
    const r = extractText(text);
    for (const m of r.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  });
});

describe('entities: groups of people in the graph', () => {
  it('keeps a group node without edges, marked group, and drops a topic without edges', () => {
    const result = extractText('Muslims gathered in the square. The deal was discussed for hours.');
    assert.ok(result.mentions.some((m) => m.rule.startsWith('topic:')), 'the text names a topic');
    const graph = graphOfResults([result]);
    assert.equal(graph.getNodeAttribute('muslims', 'group'), true);
    assert.equal(graph.getNodeAttribute('muslims', 'entityType'), 'other');
    assert.equal(graph.degree('muslims'), 0);
    assert.ok(!graph.hasNode('deal'), 'a topic is a node only as the target of some act');
  });
});

describe('entities: one person under spellings one letter apart, never two people merged', () => {
  const people = (text: string): string[] => extractText(text).mentions.filter((m) => m.entityType === 'person').map((m) => `${m.text}/${m.entity}`);
  it('a lone surname one letter off the one person named in full is that person: "said Mauer" after "Karla Maurer"', () => {
    assert.deepEqual(people('Karla Maurer ran the fund. Donors, said Mauer, gave more.'), ['Karla Maurer/karla-maurer', 'Mauer/karla-maurer']);
  });
  it('a transliteration with one letter more: "Zelenskyy" after "Volodymyr Zelensky" of another outlet', () => {
    assert.deepEqual(people('Olek Varenko met Dmytro Zelinskyy. Later Zelinskky said no.').slice(-1), ['Zelinskky/dmytro-zelinskyy']);
  });
  it('a full name with one more surname is the same person, and its shorter surname alone names them too', () => {
    assert.deepEqual(people('Edmundo Vargas Urrutia won. Edmundo Vargas left, and Vargas spoke.'), ['Edmundo Vargas Urrutia/edmundo-vargas-urrutia', 'Edmundo Vargas/edmundo-vargas-urrutia', 'Vargas/edmundo-vargas-urrutia']);
  });
  it('one Russian given name in two transliterations is one person: "Dmitri S. Peskov" and "Dmitry Peskov"', () => {
    assert.deepEqual(people('Dmitri S. Peskov spoke. Then Dmitry Peskov said no.').map((m) => m.split('/')[1]), ['dmitri-s-peskov', 'dmitri-s-peskov']);
  });
  it('other given names one letter apart are two people: "Maria Perez" and "Mario Perez"', () => {
    assert.deepEqual(people('Maria Perez met Mario Perez.').map((m) => m.split('/')[1]), ['maria-perez', 'mario-perez']);
  });
  it('two longer names sharing the shorter one: it names neither', () => {
    const ids = people('Abdel Karim Nour met Abdel Karim Sabry. Later Abdel Karim spoke.').map((m) => m.split('/')[1]);
    assert.equal(new Set(ids).size, 3);
  });
  // Near misses: two people whose names differ by one letter, a father and a son, two spellings both in full.
  const apart: ReadonlyArray<readonly [string, string]> = [
    ['Karla Maurer and Tomas Mauser spoke. Later, said Mauer, the fund closed.', 'two people one letter off the lone word: it names neither'],
    ['Jon Maurer met Ann Mauer in May.', 'two full names one letter apart are two people'],
    ['Hunter Baiden and Joe Baiden met. Later, said Baiden, they left.', 'a father and a son: the lone surname names neither'],
    ['Ellen Koval arrived. Later, said Kova, the talks ended.', 'a word under five letters is no variant of a longer surname'],
  ];
  for (const [text, why] of apart) {
    it(`${why}: ${text}`, () => {
      const ids = new Set(extractText(text).mentions.filter((m) => m.entityType === 'person').map((m) => m.entity));
      const named = new Map<string, Set<string>>();
      for (const m of extractText(text).mentions.filter((x) => x.entityType === 'person')) named.set(m.entity, (named.get(m.entity) ?? new Set()).add(m.text.split(/\s+/).pop() ?? ''));
      // No person is named under two different surnames.
      for (const [id, surnames] of named) assert.equal(surnames.size, 1, `${id}: ${[...surnames].join(' | ')}`);
      assert.ok(ids.size >= 1);
    });
  }
});
