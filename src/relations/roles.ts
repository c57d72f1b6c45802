// Roles stated around a name, beyond the title phrase the entity layer reads ("Russian President
// Vladimir Putin"): a possessor before the title ("Guyana's President Irfaan Ali", "the junta's
// spokesman, Zaw Min Tun"), words between the body and the title ("Chinese Commerce Minister Wang
// Wentao", "EU trade chief Valdis Dombrovskis"), and an apposition after the name ("Ali Shamkhani,
// Iran's top security official", "Rafael Grossi, director general of the IAEA", "Anthony Smith, an
// economist at Barclays"). Read from tokens and the resolved references, so "the bloc's foreign
// policy chief" is the EU's; no parse needed, so every sentence is read.
import type { Relation, Token } from '../types';
import { CORPORATE_TITLES, LESSER_OFFICE_WORDS, PAST_OFFICE_WORDS, TITLES, defaultLexicon, wordTable, type ActorReference } from '../entities';
import { readNationalSides } from './national-sides';

export interface RoleNoun {
  readonly words: readonly string[];
  readonly relation: Extract<Relation, 'leader_of' | 'member_of'>;
  /** Titles of office hold in a country or a body; professions only in an organisation ("an economist at Barclays"). */
  readonly bodies: 'any' | 'organization';
  readonly reason: string;
}

const profession = (words: string, relation: RoleNoun['relation'], reason: string): RoleNoun => ({ words: words.split(' '), relation, bodies: 'organization', reason });

/** Nouns of work that tie a person to an organisation but not to a country ("a British economist" is no office of Britain). */
const PROFESSIONS: readonly RoleNoun[] = [
  profession('economist', 'member_of', '"an economist at Barclays": works for the organisation'),
  profession('analyst', 'member_of', '"an analyst at Moody\'s"'),
  profession('strategist', 'member_of', '"a bond strategist at Miller Tabak"'),
  profession('researcher', 'member_of', '"a researcher at the institute"'),
  profession('professor', 'member_of', '"a professor at Harvard"'),
  profession('lecturer', 'member_of', '"a lecturer at the university"'),
  profession('scientist', 'member_of', '"a scientist at NASA"'),
  profession('executive', 'member_of', '"a senior executive at Shell"'),
  profession('manager', 'member_of', '"Chelsea manager Jose Mourinho", "a manager at the firm"'),
  profession('coach', 'member_of', '"Ireland coach Eddie O\'Sullivan" coaches the side'),
  profession('captain', 'member_of', '"England captain Michael Vaughan"'),
  profession('player', 'member_of', '"a Barcelona player"'),
  profession('striker', 'member_of', '"Arsenal striker Thierry Henry"'),
  profession('midfielder', 'member_of', '"Liverpool midfielder Steven Gerrard"'),
  profession('defender', 'member_of', '"Chelsea defender John Terry"'),
  profession('goalkeeper', 'member_of', '"Chelsea goalkeeper Petr Cech"'),
  profession('winger', 'member_of', '"Manchester United winger Ryan Giggs"'),
  profession('left-back', 'member_of', '"Chelsea left-back Wayne Bridge"'),
  profession('centre-back', 'member_of', '"Arsenal centre-back X"'),
  profession('full-back', 'member_of', '"Bath full-back X"'),
  profession('forward', 'member_of', '"Chelsea forward X"'),
  profession('keeper', 'member_of', '"Arsenal keeper X"'),
  profession('skipper', 'member_of', '"Celtic skipper X": the captain'),
  profession('hooker', 'member_of', '"Wasps hooker X": a rugby position'),
  profession('prop', 'member_of', '"Leicester prop X"'),
  profession('flanker', 'member_of', '"Sale flanker X"'),
  profession('fly-half', 'member_of', '"Wasps fly-half X"'),
  profession('scrum-half', 'member_of', '"Bath scrum-half X"'),
  // (The tokenizer splits these at the hyphen: each is listed as it reads them too.)
  ...['left-back', 'right-back', 'centre-back', 'full-back', 'fly-half', 'scrum-half'].map((w) => profession(w.replace('-', ' - '), 'member_of', `"${w}" split at its hyphen`)),
  profession('right-back', 'member_of', '"the club\'s right-back"'),
  profession('director general', 'leader_of', '"director general of the IAEA": heads the body (before "director" and "general" apart)'),
  profession('director-general', 'leader_of', 'as "director general"'),
  profession('commissioner - general', 'leader_of', '"Philippe Lazzarini, the agency\'s commissioner-general": heads the UN agency (the tokenizer splits the hyphen)'),
  profession('commissioner general', 'leader_of', 'as "commissioner-general"'),
  profession('founder', 'leader_of', '"Microsoft founder Bill Gates" founded and led it'),
  profession('co-founder', 'member_of', 'one of several founders'),
  profession('boss', 'leader_of', '"Chelsea boss Jose Mourinho", "the BA boss": the head of it'),
  profession('owner', 'leader_of', '"Chelsea owner Roman Abramovich" controls it'),
  profession('mp', 'member_of', '"Labour MP Diane Abbott": sits for the party'),
  profession('mep', 'member_of', '"a Conservative MEP": sits for the party'),
  profession('msp', 'member_of', '"an SNP MSP": sits for the party'),
  profession('peer', 'member_of', '"Labour peer Baroness Kennedy": sits in the Lords for the party'),
  profession('backbencher', 'member_of', '"Labour backbencher X": an MP of the party without office'),
  profession('councillor', 'member_of', '"a Conservative councillor": sits for the party'),
  profession('activist', 'member_of', '"Labour activist X": works for the party'),
  profession('member', 'member_of', '"a member of the committee"'),
  profession('prosecutor', 'member_of', '"its prosecutor, Karim Khan": works for the court'),
  profession('candidate', 'member_of', '"Daniel Chapo, the candidate of the Frelimo party": stands for the party'),
  profession('chief operating officer', 'member_of', '"Jan Roe, chief operating officer of Sony": one of the firm\'s officers under its head (the verb-like "operating" would end the title)'),
  profession('chief operations officer', 'member_of', 'as "chief operating officer"'),
  profession('officer', 'member_of', '"chief investment officer of X", "a press officer at X": an officer of the organisation ("chief executive officer" keeps "chief executive")'),
  profession('co-head', 'member_of', '"the German co-head of EADS": one of two heads, so a member rather than the one leader'),
  profession('co - head', 'member_of', '"co-head" split at its hyphen'),
  profession('managing director', 'leader_of', '"the IMF\'s managing director, Kristalina Georgieva": heads it'),
  profession('lawyer', 'member_of', '"a lawyer at the firm" (not "a lawyer for X", which the preposition excludes)'),
];

/** No title written: a person named with the organisation ("the ERAA's Mr Clarke", "Mike Powell of Dresdner Kleinwort"). */
const NAMED_WITH: RoleNoun = { words: [], relation: 'member_of', bodies: 'organization', reason: 'a person named with an organisation, as its own: "Labour\'s Gordon Brown", "Charles Kennedy of the Liberal Democrats"' };

/** Longest first, so "prime minister" wins over "minister" and "left-back" is one word. */
// (A profession's own row wins over a title of the same words: "Spain's director general for Europe" heads no state.)
const PROFESSION_WORDS: ReadonlySet<string> = new Set(PROFESSIONS.map((p) => p.words.join(' ')));
const ROLE_NOUNS: readonly RoleNoun[] = [
  ...TITLES.filter((t) => !PROFESSION_WORDS.has(t.words.join(' '))).map((t): RoleNoun => ({ words: t.words, relation: t.relation, bodies: 'any', reason: t.reason })),
  ...PROFESSIONS,
].sort((a, b) => b.words.length - a.words.length);

const BY_FIRST_WORD = new Map<string, RoleNoun[]>();
for (const r of ROLE_NOUNS) BY_FIRST_WORD.set(r.words[0] ?? '', [...(BY_FIRST_WORD.get(r.words[0] ?? '') ?? []), r]);

/** Prepositions that tie a role noun to its body in an apposition ("director general of the IAEA"). */
const BODY_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'at', 'for', 'with']);
/** "a lawyer for X" acts for X without belonging to it. */
const FOR_CLIENTS: ReadonlySet<string> = new Set(['lawyer', 'attorney', 'adviser', 'advisor']);
/** Words between a body and its title ("Commerce Minister", "top security official"): at most this many. */
const MAX_MODIFIERS = 3;
/** Words on a body after "of" or "at", before its name: "the opposition Democratic Party", "oil and gas consultancy X". */
const MAX_BODY_MODIFIERS = 6;
/** Lowercase nouns after a body's name that name a part of it: "the UN human rights monitoring mission". */
const MAX_BODY_NOUNS = 4;
const MODIFIER_POS: ReadonlySet<string> = new Set(['ADJ', 'NOUN', 'PROPN']);

export interface RoleFact {
  readonly person: ActorReference;
  readonly body: ActorReference;
  readonly relation: RoleNoun['relation'];
  /** The title's first and last token. */
  readonly first: number;
  readonly last: number;
  readonly rule: string;
}

/** Reads the roles of one document; `refAt` gives the reference on each token (names, descriptions, pronouns). */
export function readRoles(tokens: readonly Token[], givenRefAt: ReadonlyArray<ActorReference | undefined>, stateOf?: (person: string) => string | undefined): RoleFact[] {
  const found: RoleFact[] = [];
  // "Putin's aide Yuri Ushakov", "Trump's envoy, Steve Witkoff": a named person's aide serves the
  // state the person serves (a pronoun's person is left out, as pronoun bodies are below).
  const refAt = stateOf ? givenRefAt.map((r, i) => {
    const state = r && r.entityType === 'person' && r.via !== 'pronoun' && r.lastToken === i && tokens[i + 1]?.value === "'s" ? stateOf(r.entity) : undefined;
    return state && r ? { ...r, entity: state, entityType: 'country' as const } : r;
  }) : givenRefAt;
  const tok = (i: number): Token | undefined => tokens[i];
  // A pronoun's body is left out: "the EU pledged aid to Moldova, and its energy commissioner …" is
  // where a wrong antecedent would give a wrong role, which readers see on every node.
  // ("Its commander, Mohamed Hamdan Dagalo, …" opening a sentence: the pronoun carries on the topic
  // of the sentence before, the one reading coreference gets right most often, so it may be a body.)
  const opening = (r: ActorReference): boolean => r.via === 'pronoun' && r.firstToken === r.lastToken && tok(r.firstToken)?.value === 'Its'
    && tok(r.firstToken - 1)?.sentence !== tok(r.firstToken)?.sentence;
  // ("Hezbollah confirmed that its leader, Hassan Nasrallah, …", "Shares of US Steel fell, and its
  // chief executive, …": "its" after the one body named in its own sentence is that body's; with two
  // before it, "the EU pledged aid to Moldova, and its energy commissioner", either may be meant.)
  const soleBodyBefore = (r: ActorReference): boolean => {
    if (r.via !== 'pronoun' || r.firstToken !== r.lastToken || tok(r.firstToken)?.lower !== 'its') return false;
    // (Named, not described: "the firm" is coreference's guess. A proper noun read as no actor between
    // may be the body meant: "proceedings against Vivendi, its chief executive …".)
    const named = new Set<string>();
    let unread = false;
    for (let k = r.firstToken - 1; k >= 0 && tok(k)?.sentence === tok(r.firstToken)?.sentence; k--) {
      const before = refAt[k];
      if (before && before.via !== 'pronoun' && before.via !== 'description' && (before.entityType === 'country' || before.entityType === 'organization')) named.add(before.entity);
      else if (!before && tok(k)?.pos === 'PROPN' && !CALENDAR_WORDS.has(tok(k)?.lower ?? '') && named.size === 0) unread = true;
    }
    return !unread && named.size === 1 && named.has(r.entity);
  };
  const pronounBody = (r: ActorReference): boolean => opening(r) || soleBodyBefore(r);
  const isBody = (r: ActorReference | undefined): r is ActorReference => r !== undefined && (r.entityType === 'country' || r.entityType === 'organization') && (r.via !== 'pronoun' || pronounBody(r));
  const isPerson = (r: ActorReference | undefined): r is ActorReference => r !== undefined && r.entityType === 'person' && r.via !== 'pronoun' && r.via !== 'description';

  /** The role noun starting at i (longest), with its last token. */
  const roleAt = (i: number): { noun: RoleNoun; last: number } | undefined => {
    for (const noun of BY_FIRST_WORD.get(tok(i)?.lower ?? '') ?? []) {
      if (noun.words.every((w, k) => tok(i + k)?.lower === w && tok(i + k)?.sentence === tok(i)?.sentence)) return { noun, last: i + noun.words.length - 1 };
    }
    return undefined;
  };

  /**
   * From token i: modifiers, then role nouns (the last of a run counts: "special envoy", "director
   * general"), all in one sentence and outside any reference. Undefined when no role noun ends it.
   */
  const title = (i: number, countryModifiers = false): { noun: RoleNoun; first: number; last: number; lesser: boolean; past: boolean; country: boolean } | undefined => {
    let j = i;
    let lesser = false;
    let past = false;
    let country = false;
    let modifiers = 0;
    const sentence = tok(i)?.sentence;
    for (;;) {
      const t = tok(j);
      // ("Ann Lee, chief UK economist at Barclays": a country inside the title, after its first word,
      // says where the office is held; the body is the one after the preposition.)
      const inner = refAt[j];
      if (countryModifiers && j > i && inner?.entityType === 'country' && inner.via !== 'pronoun' && inner.firstToken === j && inner.lastToken - j < 2 && t?.sentence === sentence) {
        country = true;
        modifiers += inner.lastToken - j + 1;
        if (modifiers > MAX_MODIFIERS) return undefined;
        j = inner.lastToken + 1;
        continue;
      }
      if (!t || t.sentence !== sentence || refAt[j] !== undefined) return undefined;
      const role = roleAt(j);
      if (role) {
        let last = role.last;
        let noun = role.noun;
        // "director general", "special envoy", "chief executive officer": the run's last noun names the office.
        for (let more = roleAt(last + 1); more && refAt[last + 1] === undefined; more = roleAt(last + 1)) {
          noun = more.noun;
          last = more.last;
        }
        // "chief cabinet secretary", "chief trade negotiator": a role noun used as a modifier of the
        // office named after it (within the modifiers allowed), which is the office held.
        for (let k = last + 1, more = 0; more < MAX_MODIFIERS && tok(k)?.sentence === sentence; k++, more++) {
          // ("chief US economist": a country as one of those modifiers, as above.)
          const place = refAt[k];
          if (place && countryModifiers && place.entityType === 'country' && place.via !== 'pronoun' && place.firstToken === k && place.lastToken === k) {
            country = true;
            continue;
          }
          if (place) break;
          const later = roleAt(k);
          if (later) {
            noun = later.noun;
            last = later.last;
            break;
          }
          const w = tok(k);
          if (!w || !MODIFIER_POS.has(w.pos) || /^\p{P}+$/u.test(w.value)) break;
        }
        // "chief executive" is itself a role noun; "officer"/"general" after it keep the first reading.
        let held = role.noun.words.length > noun.words.length ? role.noun : noun;
        // "chairman and chief executive of EMI", "founder and chairman of P2P": two offices of one body;
        // heading it in either is heading it.
        const also = tok(last + 1)?.lower === 'and' && refAt[last + 2] === undefined ? roleAt(last + 2) : undefined;
        if (also && also.noun.bodies === held.bodies) {
          last = also.last;
          if (also.noun.relation === 'leader_of') held = also.noun;
        }
        return { noun: held, first: j, last, lesser, past, country };
      }
      if (PAST_OFFICE_WORDS.has(t.lower)) past = true;
      else if (LESSER_OFFICE_WORDS.has(t.lower)) lesser = true;
      else if (!MODIFIER_POS.has(t.pos) || /^\p{P}+$/u.test(t.value)) return undefined;
      if (++modifiers > MAX_MODIFIERS) return undefined;
      j++;
    }
  };

  const record = (person: ActorReference, body: ActorReference, t: NonNullable<ReturnType<typeof title>>, rule: string, ofBody = false, part = false): void => {
    if (t.past || person.entity === body.entity) return;
    // "led to the resignation of its chairman, Sir Phil Watts": an office ended in the sentence is no role now.
    const start = Math.min(body.firstToken, t.first, person.firstToken);
    if (tok(start - 1)?.lower === 'of' && ENDED_OFFICE_WORDS.has(tok(start - 2)?.lower ?? '')) return;
    if (t.noun.bodies === 'organization' && body.entityType !== 'organization') return;
    // "its UK chief executive", "the US chairman": a company's office in a country is no office of the country.
    // ("the head of Niger's junta" names the body itself after "of": the title is the state's.)
    // ("Iran's judiciary chief", "Pakistan's army chief": a possessor state, then the branch the chief
    // heads, is one part of that state.)
    const branchChief = body.entityType === 'country' && tokens[body.lastToken + 1]?.value === "'s" && t.first > body.lastToken + 2 && STATE_BRANCH_HEADS.has(t.noun.words.join(' '));
    if (body.entityType === 'country' && !ofBody && !branchChief && CORPORATE_TITLES.has(t.noun.words.join(' '))) return;
    // "the head of Hamas" leads it; "an intelligence head" is one head among others.
    // ("Dagalo, the RSF commander", "Its commander, Dagalo": the one commander of a group is its leader.)
    // ("RSF chief Dagalo", "Sudan's army chief Burhan": a body's chief named right after it, with no
    // portfolio between as in "EU trade chief", heads it.)
    const nextTo = body.entityType === 'organization' && t.first <= body.lastToken + (tokens[body.lastToken + 1]?.value === "'s" ? 2 : 1);
    const heads = (ofBody || nextTo) && t.first === t.last && ['head', 'chief', 'commander'].includes(t.noun.words.join(' '));
    const relation = part || branchChief || (t.noun.relation === 'leader_of' && t.lesser) ? 'member_of' : heads && !t.lesser ? 'leader_of' : t.noun.relation;
    found.push({ person, body, relation, first: t.first, last: t.last, rule: `role:${rule}${t.noun.words.length > 0 ? `:${t.noun.words.join(' ')}` : ''}` });
  };

  /** A word on a body after "of": "the opposition Democratic Party", "the Serb-run Republika Srpska". */
  const bodyModifier = (k: number): boolean => {
    const t = tok(k);
    if (!t || refAt[k] !== undefined || roleAt(k) || PAST_OFFICE_WORDS.has(t.lower)) return false;
    if (t.value === '-') return tok(k - 1)?.sentence === t.sentence && /^\p{L}/u.test(tok(k + 1)?.value ?? '');
    return MODIFIER_POS.has(t.pos) && (/^\p{Ll}/u.test(t.value) || tok(k + 1)?.value === '-' || tok(k - 1)?.value === '-');
  };
  /** Lowercase nouns after a body's name: "the Frelimo party", "the FSB security service". */
  const nounRun = (k: number): number => {
    let n = 0;
    while (n < MAX_BODY_NOUNS && refAt[k + n] === undefined && MODIFIER_POS.has(tok(k + n)?.pos ?? '') && /^\p{Ll}/u.test(tok(k + n)?.value ?? '')) n++;
    return n;
  };
  /**
   * The body named from token b, after "of", "at" or "for": with the token after it, and whether
   * the words after the name say a part of it ("the UN refugee agency", "Ukraine's military
   * intelligence agency") rather than the body itself ("the Frelimo party", "Niger's junta").
   */
  const bodyFrom = (start: number): { body: ActorReference; next: number; part: boolean } | undefined => {
    let b = start;
    if (tok(b)?.lower === 'the') b++;
    // ("of Aberdeen-based oil and gas consultancy Blackwatch Petroleum Services": a place joined by
    // "-based", and words of trade joined by "and", before the name.)
    const based = refAt[b];
    if (based && based.firstToken === b && based.entityType !== 'person' && tok(based.lastToken + 1)?.value === '-' && tok(based.lastToken + 2)?.lower === 'based') b = based.lastToken + 3;
    for (let m = 0; m < MAX_BODY_MODIFIERS && (bodyModifier(b) || (tok(b)?.lower === 'and' && m > 0 && bodyModifier(b + 1))); m++) b++;
    let body = refAt[b];
    if (!isBody(body) || body.firstToken !== b || tok(b)?.sentence !== tok(start)?.sentence) return undefined;
    // ("the White House National Security Council": a body named right after another is the one meant.)
    // (One the gazetteer knows or of two words: "France Unbowed" is one party the layer split. The
    // second is within the first, so a part of it: "leader of the London Assembly Conservatives".)
    const inner = refAt[body.lastToken + 1];
    const within = isBody(inner) && inner.firstToken === body.lastToken + 1 && inner.via !== 'pronoun' && (inner.via === 'lexicon' || inner.lastToken > inner.firstToken);
    // ("Vice President of Deutsche Securities Japan": a country right after a firm's name is the firm's
    // branch there, one part of the firm.)
    const branch = within && inner.entityType === 'country' && body.entityType === 'organization';
    if (within && !branch) body = inner;
    let n = (branch ? inner : body).lastToken + 1;
    // "Sudan's Rapid Support Forces": the body the state owns is the one named.
    const owned = tok(n)?.value === "'s" ? refAt[n + 1] : undefined;
    if (isBody(owned) && owned.firstToken === n + 1) {
      body = owned;
      n = owned.lastToken + 1;
    } else if (tok(n)?.value === "'s" && nounRun(n + 1) > 0) n++;
    const run = nounRun(n);
    const part = within || branch || run > 1 || (run === 1 && !BODY_KIND_WORDS.has(tok(n)?.lower ?? ''));
    return { body, next: n + run, part };
  };

  /** Lowercase words of a portfolio from k ("regional integration", "state for regional trade", "products"): how many. */
  const lowercasePortfolio = (k: number): number => {
    let n = 0;
    while (n < 6 && refAt[k + n] === undefined && ['NOUN', 'ADJ', 'ADP', 'DET', 'CCONJ'].includes(tok(k + n)?.pos ?? '') && /^\p{Ll}/u.test(tok(k + n)?.value ?? '')
      && !(n > 0 && BODY_PREPOSITIONS.has(tok(k + n)?.lower ?? '') && !['of', 'for'].includes(tok(k + n)?.lower ?? ''))) n++;
    return n;
  };
  /**
   * Past what may follow a body's name inside an apposition, before it closes: the office's place
   * ("an economist at Barclays in London,") or the body's short form in brackets ("of the Centre of
   * Indian Trade Unions (CITU),"). The token after them, or k.
   */
  const afterBody = (k: number): number => {
    let n = k;
    const placeAt = tok(n + 1)?.lower === 'the' ? n + 2 : n + 1;
    const place = tok(n)?.lower === 'in' ? refAt[placeAt] : undefined;
    if (place && place.firstToken === placeAt && place.via !== 'pronoun' && ['place', 'country'].includes(place.entityType)) n = place.lastToken + 1;
    if (tok(n)?.value === '(' && /^\p{Lu}[\p{Lu}\p{N}&-]+$/u.test(tok(n + 1)?.value ?? '') && tok(n + 2)?.value === ')') n += 3;
    return n;
  };
  /** An apposition ends at k, or a second one starts there: "X, leader of the Democratic Party and the front-runner to succeed him". */
  const closesApposition = (k: number): boolean => closes(tok(k)) || (tok(k)?.lower === 'and' && ['the', 'a', 'an'].includes(tok(k + 1)?.lower ?? ''));

  for (let i = 0; i < tokens.length; i++) {
    const body = refAt[i];
    // 1. "Guyana's President Irfaan Ali", "the junta's spokesman, Zaw Min Tun", "EU trade chief Valdis Dombrovskis".
    if (isBody(body) && body.lastToken === i && refAt[i + 1] !== body) {
      let k = i + 1;
      const possessive = tok(k)?.value === "'s" || tok(k)?.value === "'";
      if (possessive) k++;
      // ("GM Europe president Carl-Peter Forster", "Microsoft UK managing director X": a place right
      // after a firm's name is its branch there, and the title one part of the firm.)
      const place = !possessive && body.entityType === 'organization' ? refAt[k] : undefined;
      const branchAt = place && place.firstToken === k && place.via !== 'pronoun' && (place.entityType === 'country' || place.entityType === 'place') ? place.lastToken + 1 : undefined;
      const t = title(branchAt ?? k);
      // "former Yukos boss Mikhail Khodorkovsky": the past word stands before the body.
      const before = [tok(body.firstToken - 1), tok(body.firstToken - 2)].some((w) => w !== undefined && PAST_OFFICE_WORDS.has(w.lower))
        // "his second term as US President, Tony Blair has said": a predicate, not a title before a name.
        || tok(body.firstToken - 1)?.lower === 'as';
      // (A title right after its body, "RSF commander X", is the entity layer's title phrase; it is
      // read here too, for bodies the layer's gazetteer does not hold; the side is recorded once.)
      // "The ERAA's Mr Clarke", "Labour's Gordon Brown": an organisation's possessive right before a name.
      if (!t && !before && possessive && body.entityType === 'organization') {
        const p = HONORIFIC_TITLES.has(tok(k)?.lower ?? '') && !refAt[k] ? k + 1 : k;
        const named = refAt[p];
        // (Only a name that reads as a person's, with "Mr" or a given name and a surname: after a
        // possessive the entity layer takes films, shows and products for people, "Million Dollar
        // Baby's Hilary Swank" aside, "the BBC's Westminster Hour", "Sony's Blu-ray Disc".)
        const personal = p > k || (named !== undefined && named.lastToken > named.firstToken && defaultLexicon().givenNames.has(tok(p)?.lower ?? ''));
        if (isPerson(named) && named.firstToken === p && named.via === 'name' && personal && tok(p)?.sentence === tok(i)?.sentence) record(named, body, { noun: NAMED_WITH, first: k - 1, last: k - 1, lesser: false, past: false, country: false }, 'possessor-name');
      }
      if (t && !before) {
        let n = t.last + 1;
        // "South Africa's ambassador to Washington, Ebrahim Rasool", "Washington's special envoy for
        // Sudan, Tom Perriello": the post's place or remit, between commas, before the name.
        // ("Israel's ambassador to the UN, Danny Danon".)
        const remitAt = tok(n + 1)?.lower === 'the' ? n + 2 : n + 1;
        const remit = ['to', 'for', 'in'].includes(tok(n)?.lower ?? '') ? refAt[remitAt] : undefined;
        if (remit && remit.firstToken === remitAt && tok(remit.lastToken + 1)?.value === ',') n = remit.lastToken + 1;
        if (tok(n)?.value === ',') n++;
        // ("Saudi Arabia's defence minister, Prince Khalid bin Salman": a courtesy title before the name.)
        // ("Pakistan's army chief, Field Marshal Asim Munir": a rank of two words.)
        for (let w = 1; w <= 2; w++) {
          if ([...Array(w).keys()].every((d) => !refAt[n + d] && /^\p{Lu}/u.test(tok(n + d)?.value ?? '')) && refAt[n + w]?.firstToken === n + w && isPerson(refAt[n + w])) {
            n += w;
            break;
          }
        }
        const person = refAt[n];
        if (isPerson(person) && person.firstToken === n && tok(n)?.sentence === tok(i)?.sentence) record(person, body, t, possessive ? 'possessor' : 'compound', (possessive || pronounBody(body)) && t.first === k, branchAt !== undefined);
      }
    }
    // 2. "Ali Shamkhani, Iran's top security official", "Rafael Grossi, director general of the IAEA".
    const person = refAt[i];
    if (isPerson(person) && person.lastToken === i && tok(i + 1)?.value === ',') {
      let k = i + 2;
      if (['a', 'an', 'the'].includes(tok(k)?.lower ?? '')) k++;
      const owner = refAt[k];
      if (isBody(owner) && owner.firstToken === k) {
        const p = owner.lastToken + 1;
        const possessive = tok(p)?.value === "'s" || tok(p)?.value === "'";
        const t = title(possessive ? p + 1 : p);
        // ("Ann Lee, UK economist for Barclays,", "X, the German co-head of EADS,": a country before a
        // firm's title says where the office is held, or whose national holds it; the firm named
        // after the preposition is the body, one part of it held.)
        const firm = !possessive && owner.entityType === 'country' && t && (t.noun.bodies === 'organization' || CORPORATE_TITLES.has(t.noun.words.join(' ')))
          && BODY_PREPOSITIONS.has(tok(t.last + 1)?.lower ?? '') ? bodyFrom(t.last + 2) : undefined;
        const ofFirm = t !== undefined && firm !== undefined && firm.body.entityType === 'organization' && closesApposition(afterBody(firm.next));
        if (t && firm && ofFirm) record(person, firm.body, t, 'apposition-of', false, true);
        // "X, the RSF commander": the definite article names the one holder (see record's heads).
        const one = !possessive && tok(i + 2)?.lower === 'the' && owner.entityType === 'organization';
        // "Peter Mandelson, Britain's ambassador in Washington,": the post's place after the title.
        let end = t ? t.last + 1 : 0;
        // ("Labour's head of elections strategy": the head of one part is a member.)
        let portfolio = false;
        const remitAt = tok(end + 1)?.lower === 'the' ? end + 2 : end + 1;
        const remit = ['to', 'in', 'for'].includes(tok(end)?.lower ?? '') ? refAt[remitAt] : undefined;
        if (remit && remit.firstToken === remitAt && remit.entityType !== 'person') end = remit.lastToken + 1;
        // ("James Kabarebe, Rwanda's minister of state for regional integration,": a portfolio in
        // words after the title, up to the comma, with no name or verb in it.)
        else if (['of', 'for'].includes(tok(end)?.lower ?? '')) {
          const k2 = end + 1 + lowercasePortfolio(end + 1);
          if (k2 > end + 1 && closes(tok(k2))) {
            end = k2;
            portfolio = true;
          }
        }
        // ("Sisi, Qatar's emir, Sheikh Tamim bin Hamad Al Thani, and …": a title then a name in commas is
        // that name's, read by 1.; the name before is another item of a list.)
        let named = tok(end)?.value === ',' ? end + 1 : -1;
        if (named > 0 && !refAt[named] && /^\p{Lu}/u.test(tok(named)?.value ?? '')) named++;
        const nextName = named > 0 && isPerson(refAt[named]) && refAt[named]?.firstToken === named;
        // ("John Connors, Microsoft's chief financial officer said …": the closing comma left out.)
        const unclosed = possessive && SAYING_VERBS.has(tok(end)?.lower ?? '') && tok(end + 1)?.value !== ',';
        if (t && (closesApposition(end) || unclosed) && !nextName && !ofFirm) record(person, owner, t, possessive ? 'apposition-possessor' : 'apposition-compound', one, portfolio);
      } else {
        const t = title(k, true);
        // ("Philip Snalune, director of products at Telewest": a portfolio in words after the title, then
        // the body; the holder runs one part of it.)
        const portfolio = t && tok(t.last + 1)?.lower === 'of' ? lowercasePortfolio(t.last + 2) : 0;
        let afterTitle = t ? t.last + 1 + (portfolio > 0 && BODY_PREPOSITIONS.has(tok(t.last + 2 + portfolio)?.lower ?? '') ? portfolio + 1 : 0) : 0;
        // ("vice president of marketing for satellite giant Astra": the portfolio read up to a "for"
        // or "at" whose words name a body.)
        for (let j = t ? t.last + 3 : 0; t && portfolio > 0 && j <= t.last + 1 + portfolio && !bodyFrom(afterTitle + 1); j++) {
          if (['for', 'at', 'with'].includes(tok(j)?.lower ?? '') && bodyFrom(j + 1)) afterTitle = j;
        }
        const prep = t && tok(afterTitle);
        if (t && prep && BODY_PREPOSITIONS.has(prep.lower) && !(prep.lower === 'for' && FOR_CLIENTS.has(t.noun.words.at(-1) ?? ''))) {
          const at = bodyFrom(afterTitle + 1);
          // (A place after the body names the branch held: "head of EA in Europe" runs one part of EA.)
          const end = at ? afterBody(at.next) : 0;
          const branch = at !== undefined && tok(at.next)?.lower === 'in' && end > at.next;
          // ("Howard Archer, economist at Global Insight said …": the closing comma left out before a
          // verb of saying.)
          const unclosed = SAYING_VERBS.has(tok(end)?.lower ?? '') && tok(end + 1)?.value !== ',';
          if (at && (closesApposition(end) || unclosed)) record(person, at.body, t, 'apposition-of', false, at.part || afterTitle > t.last + 1 || t.country || branch);
        }
      }
    }
    // 4. "Charles Kennedy of the Liberal Democrats said", "analyst Mike Powell of Dresdner Kleinwort says",
    // "said Alex Potter at Lehman Brothers.": a name, then "of" or "at" and an organisation, then the
    // clause goes on (no "of" phrase on the body).
    // (A name of two words or more whose first is no everyday word: "Joint Chiefs of Staff" is a body.)
    const twoWords = person !== undefined && person.lastToken > person.firstToken && !defaultLexicon().commonWords.has(tok(person.firstToken)?.lower ?? '');
    const prep = tok(i + 1)?.lower ?? '';
    // ("at" is as often a place or an event, "Owen at the Bernabeu", "Prescott at Labour's
    // conference": only after a word of saying or of work, "said analyst Ray Neidl at Calyon".)
    const quoted = prep === 'of' || (person !== undefined && SOURCE_WORDS.has(tok(person.firstToken - 1)?.lower ?? ''));
    if (isPerson(person) && person.lastToken === i && person.via === 'name' && twoWords && NAMED_WITH_PREPOSITIONS.has(prep) && quoted && !PAST_OFFICE_WORDS.has(tok(person.firstToken - 1)?.lower ?? '')) {
      const at = bodyFrom(i + 2);
      // ("Junya Tanase of JPMorgan Chase bank in Tokyo, …": the office's place after the body.)
      let n = at?.next ?? 0;
      const place = tok(n)?.lower === 'in' ? refAt[n + 1] : undefined;
      if (place && place.firstToken === n + 1 && place.entityType !== 'person') n = place.lastToken + 1;
      const after = tok(n);
      // (A body the gazetteer knows, of two words or an acronym: a one-word name guessed from its shape
      // is as often the end of a title, "Maria Full of Grace", "the Hollywood Walk of Fame". And not
      // "of Inbev's strong performance": a thing of the body's.)
      const known = at !== undefined && (at.body.via === 'lexicon' || at.body.lastToken > at.body.firstToken || /^\p{Lu}{2,}$/u.test(tok(at.body.firstToken)?.value ?? ''));
      if (at && known && (prep === 'of' || !at.part) && tok(at.body.lastToken + 1)?.value !== "'s" && at.body.entityType === 'organization' && at.body.via !== 'pronoun' && (closes(after) || after?.pos === 'VERB' || after?.pos === 'AUX')) {
        record(person, at.body, { noun: NAMED_WITH, first: i + 1, last: i + 1, lesser: false, past: false, country: false }, `name-${prep}`);
      }
    }
    // 3. "the head of Niger's junta, General Abdourahamane Tiani", "the leader of Hamas, Yahya Sinwar".
    const the = tokens[i];
    if (the && the.lower === 'the' && refAt[i + 1] === undefined) {
      const t = title(i + 1);
      const of = t && tok(t.last + 1);
      // ("Niger's junta": the body's own ruling noun after its possessive; see bodyFrom.)
      const at = t && of?.lower === 'of' ? bodyFrom(t.last + 2) : undefined;
      // ("The head of the UN human rights monitoring mission in Ukraine, Danielle Bell": the part's place.)
      let comma = at?.next ?? 0;
      const placeAt = tok(comma + 1)?.lower === 'the' ? comma + 2 : comma + 1;
      const place = at?.part && tok(comma)?.lower === 'in' ? refAt[placeAt] : undefined;
      if (place && place.firstToken === placeAt && place.entityType !== 'person') comma = place.lastToken + 1;
      if (t && at && tok(comma)?.value === ',') {
        let p = comma + 1;
        if (HONORIFIC_TITLES.has(tok(p)?.lower ?? '')) p++;
        const named = refAt[p];
        if (isPerson(named) && named.firstToken <= p) record(named, at.body, t, 'title-of', true, at.part);
      }
    }
  }
  // "Ireland captain Brian O'Driscoll": a national side's staff (national-sides.ts).
  for (const r of readNationalSides(tokens, givenRefAt)) found.push({ person: r.person, body: r.side, relation: 'member_of', first: r.first, last: r.last, rule: `role:national-side:${r.word}` });
  return found;
}

/** Verbs of saying that may follow an apposition whose closing comma was left out. */
const SAYING_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'told', 'added', 'warned', 'predicted', 'explained', 'argued', 'believes', 'thinks']);

/** Ranks written before a name in an apposition: "the head of Niger's junta, General Abdourahamane Tiani". */
const HONORIFIC_TITLES: ReadonlySet<string> = new Set(['general', 'gen.', 'colonel', 'col.', 'president', 'prime', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'sir', 'lord', 'dame', 'sheikh', 'king', 'prince']);

/** What may end an apposition: a comma, the sentence's end, a bracket or a dash, or a relative clause on it ("the RSF commander who …"). */
function closes(t: Token | undefined): boolean {
  return t === undefined || [',', '.', ')', ';', '-', '–', '—', ':', 'who', 'whose', 'that', 'which'].includes(t.value);
}

/** Nouns after a body's name that say what the body is, not a part of it: "the Frelimo party", "Niger's junta". */
const BODY_KIND_WORDS: ReadonlySet<string> = wordTable([
  { word: 'party', reason: '"the candidate of the Frelimo party": the party itself' },
  { word: 'movement', reason: '"the Hamas movement"' },
  { word: 'group', reason: '"the Wagner group"' },
  { word: 'alliance', reason: '"the M23 alliance"' },
  { word: 'coalition', reason: '"the Likud coalition"' },
  { word: 'militia', reason: '"the Houthi militia"' },
  { word: 'junta', reason: '"the head of Niger\'s junta": a state under military rule is the state' },
  { word: 'government', reason: '"a spokesman for Mali\'s government": the state\'s government' },
  { word: 'regime', reason: '"the Assad regime"' },
  { word: 'company', reason: '"the Vodafone company"' },
  { word: 'firm', reason: '"the Deloitte firm"' },
  { word: 'bank', reason: '"the Barclays bank"' },
  { word: 'club', reason: '"the Chelsea club"' },
]);

/** A chief of one branch of a state, written after the state's possessive: "Iran's judiciary chief", "Pakistan's army chief". */
const STATE_BRANCH_HEADS: ReadonlySet<string> = new Set(['chief', 'head']);

/** Proper nouns that name no actor, so may stand between a body and "its": "Hezbollah confirmed on Saturday that its leader …". */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** Nouns of an office ending, before "of" and the title: "the resignation of its chairman, X" holds it no more. */
const ENDED_OFFICE_WORDS: ReadonlySet<string> = wordTable([
  { word: 'resignation', reason: '"the resignation of its chairman"' },
  { word: 'departure', reason: '"the departure of Chelsea boss X"' },
  { word: 'sacking', reason: '"the sacking of the club\'s manager"' },
  { word: 'dismissal', reason: '"the dismissal of the army chief"' },
  { word: 'removal', reason: '"demanded the removal of Defence Minister X"' },
  { word: 'ouster', reason: '"the ouster of President X"' },
  { word: 'ousting', reason: '"the ousting of the prime minister"' },
  { word: 'exit', reason: '"the exit of its chief executive"' },
]);

/** Prepositions that tie a name to its organisation with no title: "John Brady of ABN AMRO", "Alex Potter at Lehman Brothers". */
const NAMED_WITH_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'at']);

/** Words before a name quoted as a source, after which "at" an organisation is where the person works. */
const SOURCE_WORDS: ReadonlySet<string> = wordTable([
  { word: 'said', reason: '"said Jason Daw at Merrill Lynch."' },
  { word: 'says', reason: '"says David Anders at Merrill Lynch"' },
  { word: 'explained', reason: '"explained Ian Hunter at Goodbody"' },
  { word: 'added', reason: '"added Ken Mayland at Clearview Economics"' },
  { word: 'analyst', reason: '"analyst Erling Refsum at Nomura"' },
  { word: 'economist', reason: '"economist Marie-Pierre Ripert at IXIS"' },
  { word: 'strategist', reason: '"strategist X at Y"' },
  { word: 'spokesman', reason: '"spokesman X at Y"' },
  { word: 'spokeswoman', reason: '"spokeswoman X at Y"' },
]);
