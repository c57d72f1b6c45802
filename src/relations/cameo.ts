// CAMEO verb patterns (PETRARCH2's CAMEO.2.0.txt, MIT) as triggers for the tree reader: given one verb
// as the dependency tree shows it (lemma, particle, object heads, obliques), the most specific pattern
// that fits gives a CAMEO code, our relation for it and where the target sits.
// Data: ./data/cameo-verbs.json and ./data/cameo-scale.json (scripts/make-cameo.mjs),
// ./data/cameo-codes.json (hand-written code → relation table); ./data/README.md says more.
import type { Relation } from '../types';
import { RELATIONS } from '../types';
import verbsData from './data/cameo-verbs.json';
import scaleData from './data/cameo-scale.json';
import codesData from './data/cameo-codes.json';

export interface VerbUse {            // one verb as the tree reader sees it
  readonly lemma: string;              // lowercase verb lemma ("impose")
  readonly particle?: string;          // compound:prt child ("out" in "lash out")
  readonly objects: readonly string[]; // lowercase head words of obj dependents (actors or not)
  readonly obliques: readonly { readonly prep: string; readonly head: string }[]; // obl/nmod: case word + head word
}

export type CameoTarget = { readonly kind: 'object' } | { readonly kind: 'prep'; readonly prep: string };

export interface CameoMatch {
  readonly code: string; readonly relation: Relation; readonly goldstein: number; readonly label: string;
  /** Where the target is: the direct object, or the noun after this preposition. */
  readonly target: CameoTarget;
  readonly pattern: string;            // short id for evidence.rule, e.g. "cameo:impose-sanction-on"
  /** Paired code [a:b]: the event from the target back to the subject ("043" host for "042" visit). */
  readonly reciprocal?: string;
  /**
   * The dictionary codes the event from the other end to the subject ([:code]): "X received support
   * from Y" is Y supporting X. Then `target` names where the *source* sits and the subject is the target.
   */
  readonly reverse: boolean;
}

interface PatternJson {
  readonly id?: string;
  readonly particle?: string;
  readonly objects?: readonly string[];
  readonly preps?: readonly { readonly prep: string; readonly heads?: readonly string[] }[];
  readonly target?: { readonly kind: string; readonly prep?: string };
  readonly agentObject?: boolean;
  readonly code: string;
  readonly reciprocal?: string;
  readonly reverse?: boolean;
  readonly verbs?: readonly string[];
  readonly except?: readonly string[];
}
interface VerbEntryJson extends PatternJson { readonly block: string; readonly alone?: boolean }
interface CodeRowJson { readonly code: string; readonly label: string; readonly goldstein: number; readonly relation: string | null; readonly reason: string }

interface Pattern {
  readonly id: string;
  readonly particle?: string;
  readonly objects?: ReadonlySet<string>;
  readonly preps: readonly { readonly prep: string; readonly heads?: ReadonlySet<string> }[];
  readonly target?: CameoTarget;
  readonly agentObject: boolean;
  readonly code: string;
  readonly reciprocal?: string;
  readonly reverse: boolean;
  readonly score: number;
  /** Position in its lemma's list, most specific first: candidates are tried in this order. */
  rank: number;
}

/**
 * A lemma's patterns, split so that a use only tries the ones its particle and object heads can fit:
 * per particle ('' = none), those without an object slot and those by object head; and the ones whose
 * open slot's preposition may come as the particle ("call on Y").
 */
interface LemmaIndex {
  readonly all: readonly Pattern[];
  readonly byParticle: ReadonlyMap<string, { readonly free: readonly Pattern[]; readonly byObject: ReadonlyMap<string, readonly Pattern[]> }>;
  readonly byTargetPrep: ReadonlyMap<string, readonly Pattern[]>;
}

/**
 * Prepositions that may introduce the target when the pattern does not say where it is, best first,
 * per relation: "imposed sanctions *on* Y", "suspended aid *to* Y", "held talks *with* Y (on Monday)",
 * "lashed out *at* Y". Relations not listed use the default order.
 */
const DEFAULT_TARGET_PREPS: readonly string[] = ['against', 'on', 'upon', 'with', 'to', 'toward', 'towards', 'at', 'into', 'from', 'for', 'over'];
const TARGET_PREPS: Readonly<Partial<Record<Relation, readonly string[]>>> = {
  met: ['with', 'between', 'to', 'among'],
  promised: ['with', 'to', 'for'],
  proposed: ['to', 'with', 'for'],
  supported: ['for', 'with', 'behind', 'to', 'of'],
  aided: ['to', 'for', 'with'],
  informed: ['to', 'with'],
  urged: ['on', 'upon', 'to', 'with', 'from'],
  accused: ['against', 'at', 'on', 'of', 'over'],
  rejected: ['from', 'with', 'to', 'by'],
  warned: ['against', 'to', 'on', 'with'],
  accepted: ['to', 'from', 'with'],
};
/** Obliques that name a time, never the target: "held talks with Y *on Monday*". */
const TIME_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'day', 'week', 'weekend', 'month', 'year', 'morning',
  'afternoon', 'evening', 'night', 'today', 'tomorrow', 'yesterday', 'time', 'date', 'occasion', 'eve', 'anniversary',
]);

/** Lowercase, singular-ish key of a noun; the same function as nounKey in scripts/make-cameo.mjs. */
export function nounKey(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(sses|xes|zes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (/(ss|us|is)$/.test(w)) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

const CODE_ROWS: ReadonlyMap<string, CodeRowJson> = new Map((codesData.codes as readonly CodeRowJson[]).map((r) => [r.code, r]));
const SCALE = scaleData.codes as Readonly<Record<string, { readonly label: string | null; readonly goldstein: number | null } | undefined>>;
/** Relation overrides of single patterns, by id without "cameo:" ("think" = the verb alone, "agree-with"). */
const OVERRIDES: ReadonlyMap<string, Relation | null> = new Map(
  (codesData.patterns as readonly { readonly patterns: readonly string[]; readonly relation: string | null }[])
    .flatMap((row) => row.patterns.map((id) => [id, asRelation(row.relation)] as const)),
);
const FORMS = verbsData.forms as Readonly<Record<string, string | undefined>>;
const VERBS = verbsData.verbs as Readonly<Record<string, readonly VerbEntryJson[] | undefined>>;
const BLOCKS = verbsData.blocks as Readonly<Record<string, { readonly patterns: readonly PatternJson[] } | undefined>>;

function asRelation(value: string | null): Relation | null {
  if (value === null) return null;
  if (!(RELATIONS as readonly string[]).includes(value)) throw new Error(`cameo-codes.json: unknown relation ${value}`);
  return value as Relation;
}

/** Label, Goldstein score and our relation of a CAMEO code; undefined for codes the CAMEO list lacks. */
export function cameoCode(code: string): { relation: Relation | null; goldstein: number; label: string } | undefined {
  const scale = SCALE[code];
  let row: CodeRowJson | undefined;
  for (let n = code.length; n >= 2 && !row; n--) row = CODE_ROWS.get(code.slice(0, n));
  const label = scale?.label ?? CODE_ROWS.get(code)?.label;
  const goldstein = scale?.goldstein ?? CODE_ROWS.get(code)?.goldstein;
  if (label === undefined || goldstein === undefined || goldstein === null) return undefined;
  return { relation: row ? asRelation(row.relation) : null, goldstein, label };
}

function compile(lemma: string, p: PatternJson, id: string, particle = p.particle): Pattern {
  const objects = p.objects ? new Set(p.objects) : undefined;
  const preps = (p.preps ?? []).map((q) => (q.heads ? { prep: q.prep, heads: new Set(q.heads) } : { prep: q.prep }));
  let target: CameoTarget | undefined;
  if (p.target?.kind === 'object') target = { kind: 'object' };
  else if (p.target?.kind === 'prep' && p.target.prep) target = { kind: 'prep', prep: p.target.prep };
  // More specific first: a named noun outweighs an open slot, a single word a synset.
  let score = particle ? 4 : 0;
  if (objects) score += objects.size <= 3 ? 10 : 8;
  for (const q of preps) score += q.heads ? (q.heads.size <= 3 ? 10 : 8) : 5;
  if (target?.kind === 'prep') score += 5;
  else if (target) score += 1;
  return {
    id: `cameo:${[lemma, id].filter(Boolean).join('-')}`, particle, objects, preps, target, agentObject: p.agentObject === true,
    code: p.code, reciprocal: p.reciprocal, reverse: p.reverse === true, score, rank: 0,
  };
}

/** Slots of a verb entry of its own ("meet with", "lash out"), for its id. */
function entryId(e: VerbEntryJson): string {
  return [e.particle, ...(e.objects ?? []), ...(e.preps ?? []).flatMap((q) => [q.prep, ...(q.heads ?? []).slice(0, 1)]), e.target?.prep]
    .filter((x): x is string => Boolean(x)).join('-');
}

/** A lemma's patterns most specific first (stable: dictionary order breaks ties); built on first use. */
function buildLemma(lemma: string): LemmaIndex | undefined {
  const entries = Object.prototype.hasOwnProperty.call(VERBS, lemma) ? VERBS[lemma] : undefined;
  if (!entries) return undefined;
  const list: Pattern[] = [];
  for (const e of entries) {
    const own = Boolean(e.particle || e.objects || e.preps || e.target);
    if (e.code !== '---' || own) list.push(compile(lemma, e, entryId(e)));
    if (e.alone) continue;
    for (const p of BLOCKS[e.block]?.patterns ?? []) {
      if (p.verbs && !p.verbs.includes(lemma)) continue;
      if (p.except?.includes(lemma)) continue;
      // A verb + particle entry ("carry out") takes the block's patterns with its particle.
      if (e.particle && p.particle && p.particle !== e.particle) continue;
      const particle = e.particle ?? p.particle;
      const id = e.particle && !p.particle ? `${e.particle}-${p.id ?? ''}` : p.id ?? '';
      list.push(compile(lemma, p, id, particle));
    }
  }
  const order = new Map(list.map((p, i) => [p, i]));
  list.sort((a, b) => b.score - a.score || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return lemmaIndex(list);
}

const INDEX = new Map<string, LemmaIndex | null>();
function lemmaPatterns(lemma: string): LemmaIndex | undefined {
  let ix = INDEX.get(lemma);
  if (ix === undefined) INDEX.set(lemma, (ix = buildLemma(lemma) ?? null));
  return ix ?? undefined;
}

function lemmaIndex(list: Pattern[]): LemmaIndex {
  const byParticle = new Map<string, { free: Pattern[]; byObject: Map<string, Pattern[]> }>();
  const byTargetPrep = new Map<string, Pattern[]>();
  list.forEach((p, rank) => {
    p.rank = rank;
    let slot = byParticle.get(p.particle ?? '');
    if (!slot) byParticle.set(p.particle ?? '', (slot = { free: [], byObject: new Map() }));
    if (!p.objects) slot.free.push(p);
    else for (const o of p.objects) {
      const bucket = slot.byObject.get(o);
      if (bucket) bucket.push(p); else slot.byObject.set(o, [p]);
    }
    if (!p.particle && p.target?.kind === 'prep') {
      const bucket = byTargetPrep.get(p.target.prep);
      if (bucket) bucket.push(p); else byTargetPrep.set(p.target.prep, [p]);
    }
  });
  return { all: list, byParticle, byTargetPrep };
}

/** The patterns a use may fit, in rank order. */
function candidates(ix: LemmaIndex, use: Use): readonly Pattern[] {
  const slot = ix.byParticle.get(use.particle ?? '');
  const out: Pattern[] = [];
  if (slot) {
    out.push(...slot.free);
    for (const o of use.objects) out.push(...(slot.byObject.get(o) ?? []));
  }
  if (use.particle) out.push(...(ix.byTargetPrep.get(use.particle) ?? []));
  if (out.length < 2) return out;
  return [...new Set(out)].sort((a, b) => a.rank - b.rank);
}


/** The dictionary's lemma for what the caller passed: itself, an irregular form, or a regular inflection. */
function dictionaryLemma(word: string): string | undefined {
  const known = (w: string): boolean => Object.prototype.hasOwnProperty.call(VERBS, w);
  const w = word.toLowerCase();
  if (known(w)) return w;
  const form = Object.prototype.hasOwnProperty.call(FORMS, w) ? FORMS[w] : undefined;
  if (form && known(form)) return form;
  const candidates = [w.replace(/ies$/, 'y'), w.replace(/ied$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, ''), w.replace(/ed$/, ''),
    w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/(.)\1(ed|ing)$/, '$1')];
  return candidates.find((c) => c !== w && known(c));
}

interface Use {
  readonly particle?: string;
  readonly objects: readonly string[];
  readonly obliques: readonly { readonly prep: string; readonly head: string }[];
}

interface Fit {
  readonly usedObjects: ReadonlySet<number>;
  readonly usedObliques: ReadonlySet<number>;
  /** The dictionary's open (PREP) slot was found as the verb's particle ("call on Y" with Y the object). */
  readonly particleAsPrep: boolean;
}

/** Whether a pattern fits `use`: its particle, object noun and fixed obliques are there (and an open slot's preposition). */
function fit(p: Pattern, use: Use): Fit | undefined {
  const usedObjects = new Set<number>();
  const usedObliques = new Set<number>();
  // "call on Y": parsers read `on` either as a particle with Y the object or as the case of Y.
  const particleAsPrep = !p.particle && use.particle !== undefined && p.target?.kind === 'prep' && p.target.prep === use.particle;
  if (p.particle !== use.particle && !particleAsPrep) return undefined;
  if (p.objects) {
    const objects = p.objects;
    const i = use.objects.findIndex((o) => objects.has(o));
    if (i < 0) return undefined;
    usedObjects.add(i);
  }
  for (const q of p.preps) {
    const i = use.obliques.findIndex((o, j) => !usedObliques.has(j) && o.prep === q.prep && (!q.heads || q.heads.has(o.head)));
    if (i < 0) return undefined;
    usedObliques.add(i);
  }
  if (p.target?.kind === 'prep') {
    const prep = p.target.prep;
    const there = particleAsPrep ? use.objects.some((_, i) => !usedObjects.has(i)) : use.obliques.some((o, j) => !usedObliques.has(j) && o.prep === prep);
    if (!there) return undefined;
  }
  return { usedObjects, usedObliques, particleAsPrep };
}

/** Where the target sits for a pattern that fits. */
function targetOf(p: Pattern, use: Use, f: Fit, relation: Relation): CameoTarget {
  if (p.target?.kind === 'prep') return f.particleAsPrep ? { kind: 'object' } : p.target;
  if (p.target) return p.target;
  // Not said by the dictionary: the noun naming actors, else an object the pattern did not name,
  // else an oblique by the relation's preference ("imposed sanctions on Y", "held talks with Y").
  if (p.agentObject || use.objects.some((_, i) => !f.usedObjects.has(i))) return { kind: 'object' };
  const free = use.obliques.filter((o, j) => !f.usedObliques.has(j) && !TIME_WORDS.has(o.head));
  for (const prep of TARGET_PREPS[relation] ?? DEFAULT_TARGET_PREPS) if (free.some((o) => o.prep === prep)) return { kind: 'prep', prep };
  for (const prep of DEFAULT_TARGET_PREPS) if (free.some((o) => o.prep === prep)) return { kind: 'prep', prep };
  return { kind: 'object' };
}

/**
 * The CAMEO reading of one verb: the most specific pattern that fits. Undefined for unknown verbs,
 * for no fitting pattern, and when the best pattern codes no event ("---") or a code that no relation
 * of ours fits (cameo-codes.json) — a less specific pattern is then not tried.
 */
export function matchCameo(use: VerbUse): CameoMatch | undefined {
  const lemma = dictionaryLemma(use.lemma);
  if (!lemma) return undefined;
  const ix = lemmaPatterns(lemma);
  if (!ix) return undefined;
  const normal: Use = {
    particle: use.particle?.toLowerCase() || undefined,
    objects: use.objects.map(nounKey),
    obliques: use.obliques.map((o) => ({ prep: o.prep.toLowerCase(), head: nounKey(o.head) })),
  };
  for (const p of candidates(ix, normal)) {
    const f = fit(p, normal);
    if (!f) continue;
    if (p.code === '---') return undefined;
    const info = cameoCode(p.code);
    if (!info) return undefined;
    const key = p.id.slice('cameo:'.length);
    const relation = OVERRIDES.has(key) ? OVERRIDES.get(key) ?? null : info.relation;
    if (!relation) return undefined;
    const target = targetOf(p, normal, f, relation);
    const dynamicPrep = !p.target && target.kind === 'prep' ? `-${target.prep}` : '';
    const match: CameoMatch = {
      code: p.code, relation, goldstein: info.goldstein, label: info.label, target, pattern: `${p.id}${dynamicPrep}`, reverse: p.reverse,
    };
    return p.reciprocal ? { ...match, reciprocal: p.reciprocal } : match;
  }
  return undefined;
}

/** Pattern ids per lemma, without "cameo:" (for tests and diagnostics). */
export function cameoPatternIds(): ReadonlyMap<string, readonly string[]> {
  return new Map(Object.keys(VERBS).map((lemma) => [lemma, (lemmaPatterns(lemma)?.all ?? []).map((p) => p.id.slice('cameo:'.length))]));
}

/** Ids that cameo-codes.json overrides (for tests: each must name a pattern). */
export function cameoOverrideIds(): readonly string[] {
  return [...OVERRIDES.keys()];
}

const relatingLemmas = new Map<string, boolean>();

/** Whether some pattern of the verb codes an event that one of our relations fits (memoised per lemma). */
export function cameoCanRelate(verbLemma: string): boolean {
  const known = relatingLemmas.get(verbLemma);
  if (known !== undefined) return known;
  const lemma = dictionaryLemma(verbLemma);
  const ix = lemma ? lemmaPatterns(lemma) : undefined;
  const yes = ix !== undefined && ix.all.some((p) => {
    if (p.code === '---') return false;
    const key = p.id.slice('cameo:'.length);
    return (OVERRIDES.has(key) ? OVERRIDES.get(key) ?? null : cameoCode(p.code)?.relation ?? null) !== null;
  });
  relatingLemmas.set(verbLemma, yes);
  return yes;
}
