// Acts read from the tree around a verb that frames alone do not give: thanks for a deed, listings,
// mediators, trade, acts under pressure, ordered forces. tree-frames.ts reads the frames themselves.
import type { Relation, Token } from '../types';
import type { ActorReference } from '../entities';
import { ATTACK_NOUNS, RELATION_CAMEO, SANCTION_NOUNS } from './frames';
import { gerundLemmas, GOODS_NOUNS, MEDIATING_VERBS, VERB_TAGS, verbIn, verbLemmas } from './words';
import { anaphoricEvent } from './anaphora';
import { ActorFinder } from './tree-actors';
import { agentOf, canAct, MODALS, hypothetical as hypotheticalAt, negated as negatedAt, readFrame, readSubjects, subjectHeads, type TreeReading } from './tree';
import { TreeTold } from './tree-told';
import { ANSWERED_ACT_RULE } from './told-acts';

/** Verbs by which a leader orders an act done by the side: "ordered the attacks". */
const ORDERING_VERBS: ReadonlySet<string> = new Set(['order', 'authorise', 'authorize', 'approve', 'direct', 'command']);

/** Buying a country's goods: "buys Russian gas", "its purchases of Russian oil". */
const BUYING_VERBS: ReadonlySet<string> = new Set(['buy', 'import', 'purchase']);

const BUYING_NOUNS: ReadonlySet<string> = new Set(['purchases', 'purchase', 'imports', 'buyer', 'buyers', 'importer', 'importers']);

const TRADED_GOODS_WORDS: ReadonlySet<string> = new Set(['oil', 'gas', 'crude', 'uranium', 'fertiliser', 'fertilisers', 'fertilizer', 'fertilizers', 'coal', 'grain', 'wheat', 'weapons', 'arms', 'energy', 'lng', 'diesel', 'fuel', 'goods', 'steel', 'chips']);

/** What is mediated: "an exchange mediated by the UAE". */
const MEDIATED_NOUNS: ReadonlySet<string> = new Set(['talks', 'negotiations', 'exchange', 'exchanges', 'swap', 'swaps', 'deal', 'truce', 'ceasefire', 'agreement', 'accord', 'handover', 'dialogue', 'release']);

/** What one is thanked for, as what the thanked one did: "thanked Y for the aid" (Y aided the subject). */
const THANKED_FOR: ReadonlyMap<string, Relation> = new Map<string, Relation>([
  ...['aid', 'help', 'assistance', 'weapons', 'arms', 'package', 'funding', 'donation', 'donations', 'supplies', 'loan'].map((w) => [w, 'aided'] as [string, Relation]),
  ...['support', 'backing', 'solidarity', 'position', 'stance', 'endorsement'].map((w) => [w, 'supported'] as [string, Relation]),
]);


/** Verbs that put an actor on a list or take it off. */
const LISTING_VERBS = {
  add: new Set(['add', 'put', 'place', 'return', 'include', 'designate', 'relist']),
  remove: new Set(['remove', 'take', 'delist', 'drop', 'strike', 'lift']),
} as const;

const LIST_NOUNS: ReadonlySet<string> = new Set(['list', 'blacklist', 'register', 'watchlist']);

/** Words that make a list one of sanctions or terror. */
const SANCTION_LIST_WORDS: ReadonlySet<string> = new Set(['terror', 'terrorism', 'terrorist', 'sanctions', 'sanction', 'sponsors', 'entity', 'blacklist', 'watch', 'embargo']);

/** "thanked Palau for standing up for it", "for helping": what the thanked did, by the verb's lemma. */
const THANKED_FOR_DOING: ReadonlyMap<string, Relation> = new Map<string, Relation>([
  ...['help', 'assist', 'aid', 'arm', 'fund', 'supply', 'protect', 'shelter', 'ship', 'send', 'deliver', 'donate', 'provide'].map((w) => [w, 'aided'] as [string, Relation]),
  ...['support', 'back', 'stand', 'defend', 'champion', 'endorse', 'recognise', 'recognize'].map((w) => [w, 'supported'] as [string, Relation]),
]);

/** Verbs that let captives go. */
const RELEASING_VERBS: ReadonlySet<string> = new Set(['free', 'release', 'hand', 'return', 'repatriate']);
/** Captives a side holds: their release to the other side is its part of an exchange. */
const CAPTIVE_NOUNS: ReadonlySet<string> = new Set(['prisoners', 'prisoner', 'hostages', 'hostage', 'captives', 'captive', 'detainees', 'detainee', 'pows', 'soldiers', 'servicemen', 'bodies']);
/** Deals under which a release is made, naming the other side by "with". */
const EXCHANGE_DEALS: ReadonlySet<string> = new Set(['deal', 'agreement', 'accord', 'truce', 'ceasefire', 'exchange', 'swap', 'arrangement']);

/** The tokens under `root` (itself included) down to `depth` levels. */
function below(tree: { children(i: number): Int32Array }, root: number, depth: number): number[] {
  const out = [root];
  for (let level = 0, from = 0; level < depth; level++) {
    const to = out.length;
    for (let k = from; k < to; k++) out.push(...Array.from(tree.children(out[k] as number)));
    from = to;
  }
  return out;
}

/** An oblique that names who pressed, asked or invited the doer of an act, and how it is read. */
interface AppealOblique {
  readonly id: string;
  readonly case: string;
  readonly nouns: readonly string[];
  /** The dependents that name the asker: [deprel, its preposition if any]. */
  readonly by: readonly (readonly [string, string | undefined])[];
  readonly relation: Relation;
  readonly cameo: string;
  readonly reason: string;
}

const OWNER: readonly (readonly [string, string | undefined])[] = [['nmod:poss', undefined], ['nmod', 'of']];

export const APPEAL_OBLIQUES: readonly AppealOblique[] = [
  { id: 'under-pressure', case: 'under', nouns: ['pressure', 'duress'], by: [['nmod', 'from']], relation: 'urged', cameo: '020', reason: '"under pressure from Y": Y pressed for the act' },
  { id: 'at-request', case: 'at', nouns: ['request', 'behest', 'urging', 'demand', 'insistence'], by: OWNER, relation: 'urged', cameo: '020', reason: '"at Kiir\'s request", "at the behest of Y": Y asked for the act' },
  { id: 'at-invitation', case: 'at', nouns: ['invitation'], by: OWNER, relation: 'proposed', cameo: '036', reason: '"visited Beijing at Xi\'s invitation": Y invited the doer' },
  { id: 'on-invitation', case: 'on', nouns: ['invitation'], by: OWNER, relation: 'proposed', cameo: '036', reason: '"on the invitation of Y"' },
  { id: 'with-help', case: 'with', nouns: ['help', 'assistance', 'aid'], by: [['nmod', 'from'], ...OWNER], relation: 'aided', cameo: '070', reason: '"intercepted the missiles with help from the United States", "with the help of Y": Y helped the doer' },
  { id: 'with-support', case: 'with', nouns: ['support', 'backing'], by: [['nmod', 'from'], ...OWNER], relation: 'supported', cameo: '051', reason: '"took the town with support from Rwanda", "with Y\'s backing": Y backed the doer' },
];

/** The appeal an oblique's preposition and noun make, if any. */
function appealOblique(kase: string | undefined, noun: string | undefined): AppealOblique | undefined {
  return APPEAL_OBLIQUES.find((o) => o.case === kase && o.nouns.includes(noun ?? ''));
}

/** Nouns of APPEAL_OBLIQUES: a sentence with one is worth parsing. */
export const APPEAL_NOUNS: ReadonlySet<string> = new Set(APPEAL_OBLIQUES.flatMap((o) => o.nouns));

/** Obliques by which an act answers another's: "in retaliation for Y's strikes", "in response to Y's tariffs". */
const ANSWERING_OBLIQUES: ReadonlyMap<string, string> = new Map([['retaliation', 'for'], ['reprisal', 'for'], ['revenge', 'for'], ['response', 'to']]);
/** The acts answered, by their nouns: force ("Tehran's missile barrage") and coercion ("US tariffs"). */
const ANSWERED_ACTS: ReadonlyMap<string, Relation> = new Map<string, Relation>([
  ...[...ATTACK_NOUNS, 'barrage', 'barrages', 'killing', 'killings', 'assassination', 'massacre'].map((w): [string, Relation] => [w, 'attacked']),
  ...SANCTION_NOUNS.map((w): [string, Relation] => [w, 'sanctioned']),
]);

export abstract class TreeActs extends TreeTold {
  /**
   * "Israel struck Iran in retaliation for Tehran's missile barrage", "China raised duties in
   * response to US tariffs": the act answered is its owner's on the one who answers it (the subject
   * of the verb the phrase belongs to), as the sentence tells it. Read from the words ("in
   * retaliation for Y's N", the owner named between the preposition and the act's noun), as the
   * parser hangs the phrase on the verb, its object or another oblique.
   */
  protected treeRetaliation(noun: Token): void {
    const reader = this.reader;
    const kase = ANSWERING_OBLIQUES.get(noun.lower);
    if (!reader || kase === undefined || this.tok(noun.index - 1)?.lower !== 'in' || this.tok(noun.index + 1)?.lower !== kase) return;
    const tree = reader.tree;
    let verb = tree.head(noun.index);
    for (let n = 0; n < 3 && verb >= 0 && tree.upos(verb) !== 'VERB'; n++) verb = tree.head(verb);
    const verbToken = this.tok(verb);
    if (!verbToken || tree.upos(verb) !== 'VERB' || verb > noun.index) return;
    for (let j = noun.index + 2; j <= noun.index + 6; j++) {
      const act = this.tok(j);
      if (!act || act.sentence !== noun.sentence || act.value === ',') return;
      const relation = ANSWERED_ACTS.get(act.lower);
      if (relation === undefined) continue;
      const owners: ActorReference[] = [];
      for (let k = noun.index + 2; k < j; k++) {
        const r = this.refAt[k];
        if (r && canAct(r) && !owners.includes(r)) owners.push(r);
      }
      const doers = readSubjects(reader, verbToken).sources;
      for (const owner of owners) {
        for (const s of doers) if (s.entity !== owner.entity) this.emit(owner, relation, s, act, ANSWERED_ACT_RULE, RELATION_CAMEO[relation], { topicOk: false, modality: { negated: false, hypothetical: false } });
      }
      return;
    }
  }


  protected abstract emitReading(reading: TreeReading, goldstein?: number): boolean;

  /**
   * "Zelensky thanked Starmer for a new package of military aid": what Y is thanked for, Y did for
   * the subject (Y aided, or supported, X). Thanks alone state no relation (cameo-codes.json, 'thank').
   */
  protected treeThanks(verb: Token): void {
    const reader = this.reader;
    if (!reader || verb.lemma !== 'thank' || reader.tree.upos(verb.index) !== 'VERB') return;
    const tree = reader.tree;
    // Thanking praises the one thanked (CAMEO 051): "Lai thanked Japan" supports Japan.
    const thanks = readFrame(reader, verb, { id: 'thank', lemmas: ['thank'], relation: 'supported', cameo: '051', direct: true, reason: 'thanking praises (CAMEO 051)' });
    if (thanks && !thanks.mutual) this.emitReading(thanks);
    // ("thanked Qatar for sending fuel" may hang the deed on the one thanked.)
    const object = tree.child(verb.index, 'obj');
    const deeds = [...Array.from(tree.children(verb.index)), ...(object >= 0 ? Array.from(tree.children(object)).filter((c) => tree.deprel(c) === 'acl') : [])];
    for (const c of deeds) {
      const d = tree.deprel(c);
      const doing = (d === 'advcl' || d === 'obl' || d === 'acl') && tree.upos(c) === 'VERB' && tree.children(c).some((m) => tree.deprel(m) === 'mark' && this.tok(m)?.lower === 'for');
      if (!doing && (d !== 'obl' || tree.caseOf(c) !== 'for')) continue;
      // "for a package of aid", "for its support": the noun, or the noun inside its measure; "for helping": the verb;
      // "for shipping wheat" read as a compound: the -ing word.
      const deed = !doing ? Array.from(tree.children(c)).find((m) => tree.deprel(m) === 'compound' && /ing$/.test(this.tok(m)?.lower ?? '')) : undefined;
      const word = this.tok(deed ?? c);
      // ("standing" keeps its -ing as a lemma: the bare stem is tried too.)
      const doneLemma = word ? gerundLemmas(word).find((l) => THANKED_FOR_DOING.has(l)) : undefined;
      // ("for shipping wheat": an -ing form the parser made a noun is still the deed.)
      let relation = doing || /ing$/.test(word?.lower ?? '') ? THANKED_FOR_DOING.get(doneLemma ?? '') ?? THANKED_FOR.get(word?.lower ?? '') : THANKED_FOR.get(word?.lower ?? '');
      for (const m of tree.children(c)) if (!relation && !doing && tree.deprel(m) === 'nmod' && tree.caseOf(m) === 'of') relation = THANKED_FOR.get(this.tok(m)?.lower ?? '');
      if (!relation) continue;
      const reading = readFrame(reader, verb, { id: `thanked-for-${relation}`, lemmas: ['thank'], relation, cameo: RELATION_CAMEO[relation], direct: true, reason: 'thanks for help' });
      if (reading && !reading.mutual) this.emitReading({ ...reading, sources: reading.targets, targets: reading.sources });
    }
  }

  /**
   * "Trump put Cuba back on the list of state sponsors of terrorism", "the US added Huawei to its
   * trade blacklist": listing an actor sanctions it (CAMEO 163); "removed Cuba from the list" undoes
   * that (negated). Only a list of sanctions or terror says so: "added Rome to its tour" is none.
   */
  protected treeListing(verb: Token): void {
    const reader = this.reader;
    if (!reader || reader.tree.upos(verb.index) !== 'VERB') return;
    const adds = LISTING_VERBS.add.has(verb.lemma);
    if (!adds && !LISTING_VERBS.remove.has(verb.lemma)) return;
    const tree = reader.tree;
    // ("Porras was placed on a US sanctions list": the one listed is the passive's subject.)
    const passive = tree.child(verb.index, 'aux:pass') >= 0;
    const object = tree.child(verb.index, passive ? 'nsubj:pass' : 'obj');
    if (object < 0) return;
    // The list hangs on the verb, or (a common misparse) on the object: "removed the island from the list".
    const candidates = [...Array.from(tree.children(verb.index)).filter((c) => tree.deprel(c) === 'obl'), ...Array.from(tree.children(object)).filter((c) => tree.deprel(c) === 'nmod')];
    const list = candidates.find((c) => (adds ? ['to', 'on', 'onto'] : ['from', 'off']).includes(tree.caseOf(c) ?? '') && LIST_NOUNS.has(this.tok(c)?.lower ?? ''));
    if (list === undefined) return;
    // The list's own words say what it lists: "blacklist", "terror list", "list of state sponsors of terrorism".
    const words = [list, ...Array.from(tree.children(list)), ...Array.from(tree.children(list)).flatMap((c) => Array.from(tree.children(c)))].map((c) => this.tok(c)?.lower ?? '');
    if (this.tok(list)?.lower !== 'blacklist' && !words.some((w) => SANCTION_LIST_WORDS.has(w)) && !this.sanctionListBefore(list)) return;
    const finder = new ActorFinder(reader);
    const targets = finder.at(object, true).filter((r) => r.entityType !== 'other' && r.entityType !== 'place');
    const subjects = readSubjects(reader, verb);
    const { negated, hypothetical } = subjects;
    // In the passive the lister is the agent, or the list's owner ("a US sanctions list").
    const agent = passive ? agentOf(tree, verb.index) : -1;
    const owners = Array.from(tree.children(list)).filter((c) => ['amod', 'compound', 'nmod:poss'].includes(tree.deprel(c)) && c < list);
    const sources = !passive ? subjects.sources : (agent >= 0 ? finder.at(agent) : owners.flatMap((c) => finder.at(c))).filter(canAct);
    for (const x of sources) for (const y of targets) this.emit(x, 'sanctioned', y, verb, adds ? 'list-add' : 'list-remove', '163', { topicOk: false, modality: { negated: negated !== !adds, hypothetical } });
  }

  /** "… put Cuba back on the list": "the list" takes up a list of sanctions or terror named in the three sentences before. */
  private sanctionListBefore(list: number): boolean {
    const at = this.tok(list);
    if (!at || this.tok(list - 1)?.lower !== 'the') return false;
    for (let i = list - 1; i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence < at.sentence - 3) return false;
      if (!LIST_NOUNS.has(t.lower)) continue;
      for (let k = i - 2; k <= i + 6; k++) if (k !== i && SANCTION_LIST_WORDS.has(this.tok(k)?.lower ?? '')) return true;
    }
    return false;
  }

  /**
   * "an exchange mediated by the UAE", "talks mediated by Qatar", "swaps the Gulf state has brokered":
   * a mediator of talks or a deal meets each of its two parties (CAMEO 045), named as the joint subject
   * of the clause the talks belong to ("Russia and Ukraine handed over prisoners in an exchange
   * mediated by …"). Talks "between X and Y" name their parties themselves (tree-nouns.ts).
   */
  protected treeMediation(verb: Token): void {
    const reader = this.reader;
    if (!reader || reader.tree.upos(verb.index) !== 'VERB' || !verbLemmas(verb).some((v) => MEDIATING_VERBS.has(v))) return;
    const tree = reader.tree;
    const i = verb.index;
    const described = tree.deprel(i) === 'acl' || tree.deprel(i).endsWith('relcl');
    const noun = described ? tree.head(i) : tree.child(i, 'obj');
    if (noun < 0 || !MEDIATED_NOUNS.has(this.tok(noun)?.lower ?? '')) return;
    if (tree.children(noun).some((c) => tree.deprel(c) === 'nmod' && tree.caseOf(c) === 'between')) return;
    const actors = new ActorFinder(reader);
    // The mediator: the participle's by-phrase, or the verb's own subject ("the swaps the Gulf state has brokered").
    const agent = agentOf(tree, i);
    const mediators = (agent >= 0 ? actors.at(agent) : tree.deprel(i) === 'acl' ? [] : readSubjects(reader, verb).sources).filter(canAct);
    if (mediators.length === 0) return;
    // The parties: the first clause up from the talks with two or more actors as its subject.
    let parties: ActorReference[] = [];
    for (let h = tree.head(noun), steps = 0; h >= 0 && steps < 8 && parties.length < 2; h = tree.head(h), steps++) {
      if (!VERB_TAGS.has(tree.upos(h))) continue;
      const subjects = subjectHeads(tree, h).flatMap((s) => actors.at(s)).filter((r) => canAct(r) && r.entityType !== 'person');
      if (new Set(subjects.map((r) => r.entity)).size >= 2) parties = subjects;
    }
    const sides = [...new Map(parties.map((r) => [r.entity, r])).values()];
    if (sides.length !== 2) return;
    const modality = { negated: negatedAt(tree, i), hypothetical: hypotheticalAt(tree, i) };
    for (const m of mediators) {
      if (sides.some((p) => this.isOrOnSideOf(m.entity, p.entity) || this.isOrOnSideOf(p.entity, m.entity))) continue;
      for (const p of sides) this.emit(m, 'met', p, verb, 'mediate-parties', '045', { topicOk: false, modality });
    }
  }

  /**
   * "Hamas freed three hostages and Israel released 183 prisoners", "Israel released 90 prisoners
   * under the truce with Hamas": a side releasing captives in an exchange with another side, told in
   * the same sentence (the other's release coordinated with it, or the deal's with-phrase), yields
   * to that side (CAMEO 084, return or release persons), as "the two sides swapped prisoners" does.
   */
  protected treeExchangeRelease(verb: Token): void {
    const reader = this.reader;
    if (!reader || reader.tree.upos(verb.index) !== 'VERB' || !RELEASING_VERBS.has(verb.lemma)) return;
    const tree = reader.tree;
    // ("freed the last 20 living Israeli hostages": the parser may hang the noun a few levels below the object.)
    const captives = (v: number): boolean => {
      const obj = tree.child(v, tree.child(v, 'aux:pass') >= 0 ? 'nsubj:pass' : 'obj');
      return obj >= 0 && below(tree, obj, 4).some((k) => CAPTIVE_NOUNS.has(this.tok(k)?.lower ?? ''));
    };
    if (!captives(verb.index)) return;
    const { sources, negated, hypothetical } = readSubjects(reader, verb);
    const sides = sources.filter((r) => r.entityType === 'country' || r.entityType === 'organization');
    if (sides.length === 0) return;
    const actors = new ActorFinder(reader);
    const others: ActorReference[] = [];
    // The other side's release, coordinated with this one either way round.
    const i = verb.index;
    const partners = [...Array.from(tree.children(i)).filter((c) => tree.deprel(c) === 'conj'), ...(tree.deprel(i) === 'conj' ? [tree.head(i)] : [])];
    for (const v of partners) {
      if (tree.upos(v) !== 'VERB' || !RELEASING_VERBS.has(this.tok(v)?.lemma ?? '') || !captives(v)) continue;
      others.push(...subjectHeads(tree, v).flatMap((h) => actors.at(h)).filter((r) => canAct(r) && r.entityType !== 'person'));
    }
    // "under the truce with Hamas", "as part of a deal with Y" (the with-phrase on the deal or, misparsed, on the verb).
    const deals = below(tree, i, 3).filter((k) => EXCHANGE_DEALS.has(this.tok(k)?.lower ?? '') && ['under', 'in', 'as', 'of'].includes(tree.caseOf(k) ?? tree.caseOf(tree.head(k)) ?? ''));
    if (deals.length > 0) {
      for (const h of [i, ...deals]) {
        for (const m of tree.children(h)) if ((tree.deprel(m) === 'nmod' || tree.deprel(m) === 'obl') && tree.caseOf(m) === 'with') others.push(...actors.at(m).filter(canAct));
      }
    }
    for (const x of sides) {
      for (const y of others) {
        if (y.entity === x.entity || this.isOrOnSideOf(x.entity, y.entity) || this.isOrOnSideOf(y.entity, x.entity)) continue;
        this.emit(x, 'accepted', y, verb, 'exchange-release', '084', { topicOk: false, modality: { negated, hypothetical } });
      }
    }
  }

  /**
   * "India was buying massive amounts of Russian oil", "the US still imports Russian uranium", "its
   * purchases of Russian oil", "the largest buyer of Russian crude": buying a country's goods is
   * economic cooperation with it (CAMEO 061), the seller named by the goods' demonym or a from-phrase.
   */
  protected treeTrade(word: Token): void {
    const reader = this.reader;
    if (!reader) return;
    const tree = reader.tree;
    const i = word.index;
    const verb = tree.upos(i) === 'VERB' && verbIn(BUYING_VERBS, word);
    const noun = tree.upos(i) === 'NOUN' && BUYING_NOUNS.has(word.lower);
    if (!verb && !noun) return;
    // The goods: the verb's object (past a measure: "massive amounts of Russian oil"), or the noun's of-phrase.
    let goods = verb ? tree.child(i, 'obj') : Array.from(tree.children(i)).find((c) => tree.deprel(c) === 'nmod' && tree.caseOf(c) === 'of') ?? -1;
    if (goods >= 0 && !GOODS_NOUNS.has(this.tok(goods)?.lower ?? '')) goods = Array.from(tree.children(goods)).find((c) => tree.deprel(c) === 'nmod' && tree.caseOf(c) === 'of') ?? -1;
    if (goods < 0 || !TRADED_GOODS_WORDS.has(this.tok(goods)?.lower ?? '')) return;
    const actors = new ActorFinder(reader);
    const from = Array.from(tree.children(goods)).concat(verb ? Array.from(tree.children(i)) : []).filter((c) => ['nmod', 'obl'].includes(tree.deprel(c)) && tree.caseOf(c) === 'from');
    const sellers = [...actors.at(goods, true, GOODS_NOUNS), ...from.flatMap((c) => actors.at(c, true))].filter((r) => r.entityType === 'country' || r.entityType === 'organization');
    if (sellers.length === 0) return;
    // The buyer: the noun's possessor, or the name it is apposed to ("China, the largest buyer of …").
    const owner = noun ? (tree.child(i, 'nmod:poss') >= 0 ? tree.child(i, 'nmod:poss') : tree.deprel(i) === 'appos' ? tree.head(i) : -1) : -1;
    const { sources, negated, hypothetical } = verb ? readSubjects(reader, word) : { sources: owner >= 0 ? actors.at(owner) : [], negated: false, hypothetical: false };
    for (const x of sources.filter(canAct)) for (const y of sellers) {
      this.emit(x, 'supported', y, word, verb ? 'buy-goods' : 'purchases-of', '061', { topicOk: false, modality: { negated, hypothetical } });
    }
  }

  /**
   * "Colombo imposed a ban under pressure from New Delhi and Washington", "deployed troops at Kiir's
   * request", "visited Beijing at Xi's invitation", "with help from the US": who pressed, asked,
   * invited or helped the doer of an act (APPEAL_OBLIQUES) urged (CAMEO 020), proposed (036), aided
   * (070) or backed (051) it.
   */
  protected treeUnderPressure(verb: Token): void {
    const reader = this.reader;
    if (!reader || !VERB_TAGS.has(reader.tree.upos(verb.index))) return;
    const tree = reader.tree;
    // ("were intercepted by Israel's air defences with help from the US": in the passive, the doer is
    // the agent, to which the parser may attach the oblique.)
    const agent = tree.child(verb.index, 'aux:pass') >= 0 ? agentOf(tree, verb.index) : -1;
    // (Read for every verb of a parsed sentence: no copies of its children, and a finder only for an oblique that asks.)
    const obliques: number[] = [];
    for (const c of tree.children(verb.index)) if (tree.deprel(c) === 'obl') obliques.push(c);
    if (agent >= 0) for (const c of tree.children(agent)) if (tree.deprel(c) === 'nmod') obliques.push(c);
    let found: ActorFinder | undefined;
    for (const c of obliques) {
      const oblique = appealOblique(tree.caseOf(c), this.tok(c)?.lower);
      if (!oblique) continue;
      const finder = (found ??= new ActorFinder(reader));
      const from = Array.from(tree.children(c)).filter((k) => oblique.by.some(([rel, kase]) => tree.deprel(k) === rel && (kase === undefined || tree.caseOf(k) === kase)));
      const pressers = from.flatMap((k) => finder.at(k)).filter(canAct);
      if (pressers.length === 0) continue;
      const subjects = readSubjects(reader, verb);
      // ("by Israel's air defences", "by Russian jets": an agent that names no actor stands for its owner.)
      const sources = agent >= 0 ? finder.atOrOwner(agent).filter(canAct) : subjects.sources;
      // The asking was done whatever became of the act ("agreed to send troops at Kiir's request"), unless the act is only said to be possible.
      const modality = { negated: false, hypothetical: subjects.negated || tree.hasAux(verb.index, MODALS) };
      // (Not one's own side: a leader presses no state of his own.)
      for (const x of pressers) for (const y of sources) if (!this.isOrOnSideOf(y.entity, x.entity) && !this.isOrOnSideOf(x.entity, y.entity)) this.emit(x, oblique.relation, y, verb, oblique.id, oblique.cameo, { topicOk: false, modality });
    }
  }

  /**
   * "Israel launched air strikes on Gaza … Netanyahu's office said he had ordered the attacks": one who
   * orders an act just told, on its author's side, did it to the same target (the act is the side's).
   */
  protected treeOrderedAct(verb: Token): void {
    const reader = this.reader;
    if (!reader || !ORDERING_VERBS.has(verb.lemma) || reader.tree.upos(verb.index) !== 'VERB') return;
    const event = anaphoricEvent(reader.tree, verb);
    if (!event || !event.relations.includes('attacked')) return;
    const noun = this.tok(event.noun);
    const act = noun && this.factsTold(verb, (f) => f.relation === 'attacked', 3, false).pop();
    if (!noun || !act) return;
    const { sources, negated, hypothetical } = readSubjects(reader, verb);
    const target = this.earlierActor(act.target, noun, verb);
    if (!target) return;
    for (const x of sources) {
      if (!(x.entity === act.source || this.isOrOnSideOf(act.source, x.entity) || this.sidesOf(x.entity).includes(act.source))) continue;
      this.emit(x, 'attacked', target, verb, 'order-act', '190', { topicOk: false, modality: { negated, hypothetical } });
    }
  }
}
