// Which actors a nominal of the tree stands for: its own reference, the side behind a member noun
// ("Russian delegates", "the Kremlin leader"), a named apposition, a site's place, with conjuncts.
// The readers of tree.ts ask it for the ends of every reading.
import type { ActorReference } from '../entities';
import type { DependencyTree, TreeContext } from './tree';
import { ACTING_NOUNS, ARMED_HEADS, PLACE_CONTAINERS, RELATIVE_PRONOUNS, SITE_PREPS, VERB_TAGS } from './words';

/** Noun modifiers that name the actor behind a common noun: "Russian delegates", "Gondor's envoy", "officials from Iran". */
const ACTOR_MODIFIERS: ReadonlySet<string> = new Set(['amod', 'compound', 'nmod:poss', 'nmod']);
/** Nouns of a group that a name before them can name: "the M23 movement", "the Wagner group". */
const GROUP_HEADS: ReadonlySet<string> = new Set([
  ...ARMED_HEADS, 'party', 'alliance', 'coalition', 'bloc', 'organisation', 'organization', 'network', 'faction', 'union', 'rebels', 'militants',
]);
/** Words that put a member's service in the past: "the former US envoy", "an ex-Wagner fighter". */
const FORMER_WORDS: ReadonlySet<string> = new Set(['former', 'ex', 'onetime', 'one-time', 'erstwhile', 'retired']);
/** How a person's name hangs on a title noun the parser took for the head. */
const PERSON_ATTACHMENTS: ReadonlySet<string> = new Set(['appos', 'flat', 'nmod:desc', 'compound']);
/** Prepositions by which an nmod names the actor a member noun belongs to ("counterparts in Luxembourg" is where they met). */
const MEMBER_PREPS: ReadonlySet<string> = new Set(['of', 'from', 'for']);
/** Weapons that make a strike an attack ("drone strike", "missile strike"), not a walkout. */
const STRIKE_WEAPONS: ReadonlySet<string> = new Set(['drone', 'air', 'missile', 'rocket', 'artillery', 'naval']);

/**
 * The list an actor opens, read from the words ("Japan and South Korea"): the parser misreads
 * some lists of names (as one flat name), which the actor references already delimit.
 */
export type ListExpander = (first: ActorReference, object: boolean) => readonly ActorReference[];

/** The actors a nominal stands for: its own reference, or the actor behind a member noun; with conjuncts. */
export class ActorFinder {
  readonly indirect = new Set<ActorReference>();
  private readonly tree: DependencyTree;
  private readonly refAt: readonly (ActorReference | undefined)[];

  constructor(private readonly ctx: TreeContext) {
    this.tree = ctx.tree;
    this.refAt = ctx.refAt;
  }

  /** `object`: h is an object, whose conjuncts cannot be followed by their own verb. */
  at(h: number, object = false, assets?: ReadonlySet<string>, depth = 0): ActorReference[] {
    if (depth > 8) return [];
    const out: ActorReference[] = [];
    // The word list is read once, from the head of the coordination: reading it again from every
    // conjunct would cost the square of a long list's length.
    const own = this.own(h, object, assets);
    for (const r of own) out.push(...(depth === 0 ? this.ctx.expand(r, object) : [r]));
    // "struck by four hurricanes, and Japan, which suffered …": past a thing that is no actor, a
    // conjunct with a clause of its own is another item of a longer list, not a co-agent.
    const word = this.tree.tokens[h]?.lower ?? '';
    const thing = own.length === 0 && this.tree.upos(h) === 'NOUN' && !ACTING_NOUNS.has(word) && !(assets?.has(word) ?? false);
    const described = (c: number): boolean => Array.from(this.tree.children(c)).some((k) => this.tree.deprel(k).endsWith('relcl'));
    if (this.coordinated(h)) {
      // "the RSF and its leader, Mohamed Hamdan Dagalo", "X and his American counterpart, Lloyd Austin":
      // the parser may hang the last conjunct's apposition on the head of the coordination; a person
      // right after that conjunct and its comma is the conjunct.
      let last = -1;
      for (const c of this.tree.children(h)) if (this.tree.deprel(c) === 'conj' && c > last) last = c;
      const apposed = Array.from(this.tree.children(h)).map((a) => (a === last + 2 && this.tree.deprel(a) === 'appos' && this.tree.tokens[last + 1]?.value === ',' ? this.refAt[a] : undefined))
        .find((r) => r !== undefined && !r.modifier && r.entityType === 'person');
      for (const c of this.tree.children(h)) {
        if (this.tree.deprel(c) !== 'conj' || (object && this.startsClause(c)) || (thing && described(c))) continue;
        if (c === last && apposed) out.push(apposed);
        else out.push(...this.at(c, object, assets, depth + 1));
      }
    }
    // One reference per actor: facts are between actors, and a list may name one many times.
    const seen = new Set<string>();
    return out.filter((r) => !seen.has(r.entity) && seen.add(r.entity) !== undefined);
  }

  /**
   * Whether h's conjuncts are a real coordination: some conjunct has its "and"/"or". The parser
   * reads some appositions as conjuncts ("Grossi, Director General of the IAEA, met …").
   */
  private coordinated(h: number): boolean {
    for (const c of this.tree.children(h)) {
      if (this.tree.deprel(c) === 'conj' && this.tree.child(c, 'cc') >= 0) return true;
    }
    return false;
  }

  /** "met Putin and Zelenskyy warned Russia": a conjunct followed by a verb is the subject of a new clause. */
  private startsClause(c: number): boolean {
    let last = this.refAt[c]?.lastToken ?? c;
    // "… and party leader Michael Howard is due": past the noun phrase's names.
    while (this.tree.tokens[last + 1] && (this.tree.upos(last + 1) === 'PROPN' || this.tree.upos(last + 1) === 'NOUN')) last = this.refAt[last + 1]?.lastToken ?? last + 1;
    const next = this.tree.tokens[last + 1];
    return next !== undefined && next.sentence === this.tree.tokens[c]?.sentence && (next.pos === 'VERB' || next.pos === 'AUX') && (VERB_TAGS.has(this.tree.upos(last + 1)) || this.tree.upos(last + 1) === 'AUX');
  }

  private own(h: number, object: boolean, assets?: ReadonlySet<string>): ActorReference[] {
    const r = this.refAt[h];
    if (r) {
      if (r.modifier) return [];
      // "urged Britain's Kelly Holmes" parsed with Britain as the head: a possessor is no head, the
      // name after it is.
      if (r.possessive) {
        for (const c of this.tree.children(h)) {
          const named = this.refAt[c];
          if (c > r.lastToken && named && !named.modifier && named !== r && named.entityType !== 'other') return [named];
        }
      }
      return [r];
    }
    const t = this.tree.tokens[h];
    if (!t) return [];
    // "India, which he accused of …": a relative pronoun stands for the noun its clause describes.
    if (RELATIVE_PRONOUNS.has(t.lower)) {
      const antecedent = relativeAntecedent(this.tree, this.tree.head(h));
      return antecedent >= 0 && antecedent !== h ? this.own(antecedent, object, assets) : [];
    }
    // "Russian and Ukrainian delegates", "Gondor's envoy", "officials from Iran": a member noun's
    // actor; as a target also what it owns ("Houthi targets", "Chinese imports").
    // "The US commander in Iraq, General Mark Olsen, …": a named apposition is the actor itself.
    const apposed = this.apposed(h);
    // "accusing the opposition Democratic Party", "the regional bloc Ecowas", "the M23 movement": a
    // common noun with an organisation's name apposed to it or before it is that name.
    const named = apposed.length === 0 ? this.namedApposition(h) ?? this.namedCompound(h) : undefined;
    if (named) return [named];
    // ("a US drone strike killed …": a strike is a weapon's only with the weapon named; "a general strike" is labour's.)
    const armedStrike = t.lower === 'strike' && Array.from(this.tree.children(h)).some((c) => this.tree.deprel(c) === 'compound' && STRIKE_WEAPONS.has(this.tree.tokens[c]?.lower ?? ''));
    if (apposed.length > 0 || (!ACTING_NOUNS.has(t.lower) && !armedStrike && !(assets?.has(t.lower) ?? false))) return apposed;
    // ("praised the former US envoy": a member no longer stands for the side he served.)
    if (Array.from(this.tree.children(h)).some((c) => this.tree.deprel(c) === 'amod' && FORMER_WORDS.has(this.tree.tokens[c]?.lower ?? ''))) return apposed;
    const out: ActorReference[] = [];
    // "Russian drones" misparsed with the demonym as head and the noun as its flat name.
    const over = this.refAt[this.tree.head(h)];
    if (this.tree.deprel(h) === 'flat' && over && (over.entityType === 'country' || over.entityType === 'organization')) out.push(over);
    for (const c of this.tree.children(h)) {
      const d = this.tree.deprel(c);
      if (!ACTOR_MODIFIERS.has(d)) continue;
      // "struck targets in Syria", "the port of Hodeidah", "the Jenin camp": what is hit in a place is hit there.
      // "South Korea, whose government backed …": the relative possessor is the noun the clause describes.
      // (Only when no other modifier names the member's side: "whose Chelsea team" is Chelsea's.)
      if (d === 'nmod:poss' && this.tree.tokens[c]?.lower === 'whose') {
        if (Array.from(this.tree.children(h)).some((k) => k !== c && this.refAt[k] && this.tree.deprel(k) !== 'conj')) continue;
        let clause = this.tree.head(h);
        for (let n = 0; n < 3 && clause >= 0 && !this.tree.deprel(clause).endsWith('relcl'); n++) clause = this.tree.head(clause);
        let antecedent = relativeAntecedent(this.tree, clause);
        // A clause the parser did not read as relative: the name just before "whose".
        if (antecedent < 0) antecedent = wordBefore(this.tree, c, NAME_TAGS);
        // A person's "whose team" is a side in a game or a staff, not the person acting.
        if (antecedent >= 0 && antecedent !== h) out.push(...this.own(antecedent, object, assets).filter((r) => r.entityType !== 'person'));
        continue;
      }
      const prep = this.tree.caseOf(c) ?? '';
      const asset = assets?.has(t.lower) ?? false;
      const site = asset && (d === 'compound' || d === 'nmod:poss' || (d === 'nmod' && (SITE_PREPS.has(prep) || (prep === 'of' && PLACE_CONTAINERS.has(t.lower)))));
      if (d === 'nmod' && !(MEMBER_PREPS.has(prep) || site)) continue;
      // "a refinery in Russia's Ryazan region": a region with no name of its own is where its owner or its name says.
      const regionOwner = d === 'nmod' && site && !this.refAt[c] ? this.ownerOf(c) ?? this.innerPlace(c) : undefined;
      // ("a gas facility in Russia's Kursk region": a site in a place its owner is written with lies in that state.)
      const placeOwner = d === 'nmod' && site && this.refAt[c]?.entityType === 'place' ? this.ownerOf(c) : undefined;
      const m = placeOwner ?? this.refAt[c] ?? regionOwner ?? (d === 'amod' || d === 'compound' ? this.modifierRef(c) ?? (site ? this.innerPlace(c) : undefined) : this.namedApposition(c) ?? this.namedCompound(c));
      if (!m || m.entityType === 'other' || (m.entityType === 'place' && !site)) continue;
      out.push(m);
      this.indirect.add(m);
      for (const k of this.tree.children(c)) {
        const kr = this.refAt[k];
        if (this.tree.deprel(k) === 'conj' && kr && kr.entityType !== 'other') out.push(kr);
      }
    }
    // "Sudan's army-led government": the parser may hang the possessor on a word inside a modifier
    // before the noun; a state or body owning a word of the noun's own phrase owns the noun.
    if (out.length === 0) {
      const owner = this.innerOwner(h);
      if (owner) out.push(owner);
    }
    // "a Philippine vessel near Scarborough Shoal": an owner says whose it is; where it lies is then no target.
    return out.some((r) => r.entityType !== 'place') ? out.filter((r) => r.entityType !== 'place') : out;
  }

  /**
   * "the bloc's envoy, Kaja Kallas", "Secretary of State Antony Blinken" misparsed with the title
   * as head: a person attached to the noun (apposition, flat name, description) is the actor.
   */
  private apposed(h: number): ActorReference[] {
    // A capitalised title's of-phrase too: "Secretary of State Antony Blinken" (not "the wife of X").
    const title = /^\p{Lu}/u.test(this.tree.tokens[h]?.value ?? '');
    // A name after the noun ("chancellor Oliver Letwin"); a compound before it modifies it ("Tory shadow chancellor").
    for (const c of this.tree.children(h)) {
      // "leader Ayatollah Ali Khamenei": an honorific parsed as the head of the name after it.
      const r = this.refAt[c] ?? (ACTING_NOUNS.has(this.tree.tokens[h]?.lower ?? '') ? this.refAt[this.tree.child(c, 'flat')] : undefined);
      const d = this.tree.deprel(c);
      if (c < h && d === 'compound') continue;
      if ((PERSON_ATTACHMENTS.has(d) || (title && d === 'nmod' && this.tree.caseOf(c) === 'of')) && r && !r.modifier && r.entityType === 'person') return [r];
      // "the special envoy for Sudan, Tom Perriello": a person apposed to the noun's country is the
      // noun's own apposition, misattached (a country has no person as its apposition).
      const owner = d === 'nmod' ? this.refAt[c] : undefined;
      if (owner && (owner.entityType === 'country' || owner.entityType === 'place')) {
        for (const g of this.tree.children(c)) {
          const person = this.refAt[g];
          if (g > c && this.tree.deprel(g) === 'appos' && this.tree.tokens[g - 1]?.value === ',' && person && !person.modifier && person.entityType === 'person') return [person];
        }
      }
    }
    return [];
  }

  /**
   * The actors at `h`, or, when it names none, those of its possessor or demonym: "by Israel's air
   * defences", "by Polish guards" (the agent of a passive stands for its owner).
   */
  atOrOwner(h: number): ActorReference[] {
    const own = this.at(h);
    if (own.length > 0) return own;
    return Array.from(this.tree.children(h)).filter((k) => this.tree.deprel(k) === 'nmod:poss' || this.tree.deprel(k) === 'amod').flatMap((k) => this.at(k));
  }

  /** A possessor two or three levels under a noun, inside its phrase before it ("Sudan's army-led government"). */
  private innerOwner(h: number): ActorReference | undefined {
    for (const c of this.tree.children(h)) {
      if (c > h || (this.tree.deprel(c) !== 'amod' && this.tree.deprel(c) !== 'compound')) continue;
      for (const k of this.tree.children(c)) {
        if (k > c) continue;
        const owner = this.tree.deprel(k) === 'nmod:poss' ? k : this.tree.deprel(k) === 'compound' || this.tree.deprel(k) === 'amod' ? this.tree.child(k, 'nmod:poss') : -1;
        const r = owner >= 0 && owner < h ? this.refAt[owner] : undefined;
        if (r && (r.entityType === 'country' || r.entityType === 'organization')) return { ...r, possessive: false };
      }
    }
    return undefined;
  }

  /** "Russia's Ryazan region": the country or body that owns a noun. */
  private ownerOf(c: number): ActorReference | undefined {
    for (const k of this.tree.children(c)) {
      const r = this.refAt[k];
      if (this.tree.deprel(k) === 'nmod:poss' && r && (r.entityType === 'country' || r.entityType === 'organization')) return { ...r, possessive: false };
    }
    return undefined;
  }

  /** "the Jenin refugee camp": a place named inside a site's compound. */
  private innerPlace(c: number): ActorReference | undefined {
    for (const k of this.tree.children(c)) {
      const r = this.refAt[k];
      if (this.tree.deprel(k) === 'compound' && r && !r.modifier && r.entityType === 'place') return r;
    }
    return undefined;
  }

  /** "rebels of the M23 movement": a group's name before the noun of a group ("a European Union statement" is a thing). */
  private namedCompound(c: number): ActorReference | undefined {
    if (!GROUP_HEADS.has(this.tree.tokens[c]?.lower ?? '')) return undefined;
    for (const k of this.tree.children(c)) {
      const r = this.refAt[k];
      if (k < c && this.tree.deprel(k) === 'compound' && r && !r.modifier && r.entityType === 'organization') return r;
    }
    return undefined;
  }

  /** "a delegation from the regional bloc Ecowas": the name apposed to a common noun. */
  private namedApposition(c: number): ActorReference | undefined {
    for (const k of this.tree.children(c)) {
      const r = this.refAt[k];
      if (this.tree.deprel(k) === 'appos' && r && !r.modifier && r.entityType !== 'other') return r;
    }
    return undefined;
  }

  /** "the Kremlin leader", "the Russian envoy": a name inside a title phrase says whose the member noun is. */
  private modifierRef(c: number): ActorReference | undefined {
    const r = this.ctx.modifierAt[c];
    return r && (r.entityType === 'country' || r.entityType === 'organization') ? { ...r, modifier: false } : undefined;
  }
}

/**
 * The noun a relative clause describes, from the clause's verb: "India, which he accused", and past
 * an apposition, "France, the biggest exporter of cognac, which had backed …"; a clause the parser
 * hung on the main verb (advcl:relcl) describes the noun just before its pronoun. -1 if none.
 */
export function relativeAntecedent(tree: DependencyTree, verb: number): number {
  const rel = verb < 0 ? '' : tree.deprel(verb);
  const who = verb >= 0 && tree.children(verb).some((c) => c < verb && tree.tokens[c]?.lower === 'who');
  let noun: number;
  if (rel === 'acl:relcl') {
    noun = tree.head(verb);
    if (tree.upos(noun) !== 'NOUN' && tree.upos(noun) !== 'PROPN' && tree.upos(noun) !== 'PRON') noun = nounBefore(tree, verb);
  } else if (rel === 'advcl:relcl' || (rel === 'parataxis' && who)) noun = nounBefore(tree, verb);
  else return -1;
  if (noun < 0) return -1;
  // ("To Lam, the general secretary of Vietnam's Communist Party, who urged …": "who" is the person
  // the apposition describes, not the body in its of-phrase the clause was hung on.)
  if (who && tree.deprel(noun) === 'nmod' && tree.deprel(tree.head(noun)) === 'appos') noun = tree.head(noun);
  if (tree.deprel(noun) !== 'appos' || tree.head(noun) < 0 || noun < tree.head(noun)) return noun;
  // The name the apposition follows, which is not always the noun the parser hung it on.
  const name = wordBefore(tree, leftmost(tree, noun), NAME_TAGS);
  return name >= 0 ? name : tree.head(noun);
}

/** The first token of a phrase (without its conjuncts, if `ownOnly`). */
export function leftmost(tree: DependencyTree, h: number, ownOnly = false, depth = 0): number {
  let first = h;
  if (depth < 6) for (const c of tree.children(h)) if (c < first && !(ownOnly && tree.deprel(c) === 'conj')) first = Math.min(first, leftmost(tree, c, ownOnly, depth + 1));
  return first;
}

/** The noun just before a relative clause's pronoun (past a comma), for clauses the parser hung on a verb. */
function nounBefore(tree: DependencyTree, verb: number): number {
  let pronoun = -1;
  for (const c of tree.children(verb)) if (c < verb && RELATIVE_PRONOUNS.has(tree.tokens[c]?.lower ?? '')) pronoun = c;
  return pronoun < 0 ? -1 : wordBefore(tree, pronoun, NOUN_TAGS);
}

const NAME_TAGS: ReadonlySet<string> = new Set(['PROPN']);
const NOUN_TAGS: ReadonlySet<string> = new Set(['PROPN', 'NOUN']);

/** The word right before token i, past one comma, if its tag is one of `tags`; else -1. */
function wordBefore(tree: DependencyTree, i: number, tags: ReadonlySet<string>): number {
  const k = tree.tokens[i - 1]?.value === ',' ? i - 2 : i - 1;
  return k >= 0 && tags.has(tree.upos(k)) ? k : -1;
}
