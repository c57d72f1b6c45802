// The pronoun ranker (models/coref.bin): a linear model over the antecedents coref.ts gathers for a
// pronoun, trained on GUM's coreference by scripts/train-coref.mjs. Each candidate (an actor or a
// common noun named in the last few sentences, already filtered by agreement and the binding rules)
// and a "nobody" option get a score; the best wins, and a pronoun whose best is nobody or a common
// noun stays unresolved. The rules' own salience ranking is one of the features, so the model
// learns where to trust it and where distance, role, quotes and the pronoun's verb say otherwise.
import { ModelError } from '../errors';
import { FeatureBuffer, feature1, hashString, readModelFile, sha256, type LinearModel } from '../learn';
import type { PronounKind } from './coref-words';

/** What the ranker knows about the pronoun. */
export interface RankPronoun {
  readonly kind: PronounKind;
  readonly form: 'subject' | 'object' | 'possessive' | 'reflexive';
  /** The pronoun's grammatical role (the parse's, else surface cues). */
  readonly role: string;
  readonly quoted: boolean;
  /** "it"/"they": a possessive or the subject of a verb an actor does (coref-words AGENT_VERBS). */
  readonly actor: boolean;
  /** The next word's lemma when it is a verb or an auxiliary ("it said", "it is"), else its POS. */
  readonly next: string;
  /** How many candidates agree with it. */
  readonly candidates: number;
  /** Whether the pronoun's sentence was parsed. */
  readonly parsed: boolean;
  /** The rules alone would resolve it (to some candidate). */
  readonly rulesResolve: boolean;
}

/** What the ranker knows about one candidate antecedent (an entity, by its mentions in reach). */
export interface RankCandidate {
  /** person, organization, country, place, group, or the common noun's kind (noun-plural …). */
  readonly type: string;
  /** Sentences back to its last mention (0: the pronoun's own sentence). */
  readonly distance: number;
  /** How many other candidates were mentioned after it (0: the most recent). */
  readonly recency: number;
  /** Its last mention's role. */
  readonly role: string;
  /** Its place in the rules' salience ranking (0: first) and its score as a share of the first's. */
  readonly ruleRank: number;
  readonly ruleShare: number;
  /** Mentions of it before the pronoun in the document, and within reach. */
  readonly named: number;
  readonly mentions: number;
  /** A person whose gender is known to agree (name data, honorific), not merely not known to differ. */
  readonly genderKnown: boolean;
  readonly quoted: boolean;
  /** Its last mention is a resolved pronoun or description. */
  readonly resolved: boolean;
  /** Joined to another actor by "and" ("France and Germany … their"). */
  readonly conjoined: boolean;
  /** Named by an adjective ("French troops"). */
  readonly demonym: boolean;
  /** Its last mention's first word starts the sentence. */
  readonly first: boolean;
  /** The rules alone would resolve the pronoun to it. */
  readonly rulesPick: boolean;
}

/** Template names, in the order features are built; their hash is checked against the model file's. */
const TEMPLATES: readonly string[] = [
  'bias', 'type', 'distance', 'recency', 'role', 'role-pair', 'rule-rank', 'rule-share', 'named', 'mentions', 'gender-known',
  'quotes', 'resolved', 'conjoined', 'demonym', 'first', 'type-distance', 'type-actor', 'type-next', 'rank-distance', 'only',
  'null-bias', 'null-role', 'null-actor', 'null-next', 'null-quoted', 'null-candidates', 'null-parsed', 'null-actor-next',
  'rules-pick', 'rules-pick-type', 'rules-pick-distance', 'null-rules', 'null-rules-actor',
  'crossed-with-kind', 'crossed-with-form', 'v3',
];

/** The hash a model file must carry for this code to read it. */
export const COREF_TEMPLATES: string = sha256(TEMPLATES.join('\n'));
export const COREF_KIND = 'coref';

const bucket = (n: number, top: number): string => (n >= top ? `${top}+` : String(n));
const share = (x: number): string => (x >= 0.999 ? '1' : x >= 0.85 ? '.85' : x >= 0.6 ? '.6' : x >= 0.3 ? '.3' : '0');

/** Each feature plain, with the pronoun's kind, and with its kind and form. */
function crossed(p: RankPronoun, plain: readonly string[]): string[] {
  const out: string[] = [];
  for (const f of plain) out.push(f, `${p.kind}|${f}`, `${p.kind}.${p.form}|${f}`);
  return out;
}

/** The features of one candidate for this pronoun. */
export function candidateFeatures(p: RankPronoun, c: RankCandidate): string[] {
  const distance = bucket(c.distance, 3);
  const rank = bucket(c.ruleRank, 3);
  return crossed(p, [
    'bias', `type=${c.type}`, `distance=${distance}`, `recency=${bucket(c.recency, 3)}`, `role=${c.role}`, `role-pair=${c.role}>${p.role}`,
    `rule-rank=${rank}`, `rule-share=${share(c.ruleShare)}`, `named=${bucket(c.named, 4)}`, `mentions=${bucket(c.mentions, 3)}`,
    `gender-known=${c.genderKnown}`, `quotes=${c.quoted}>${p.quoted}`, `resolved=${c.resolved}`, `conjoined=${c.conjoined}`,
    `demonym=${c.demonym}`, `first=${c.first}`, `type-distance=${c.type}@${distance}`, `type-actor=${c.type}@${p.actor}`,
    `type-next=${c.type}@${p.next}`, `rank-distance=${rank}@${distance}`, `only=${p.candidates === 1}`,
    `rules-pick=${c.rulesPick}`, `rules-pick-type=${c.rulesPick}@${c.type}`, `rules-pick-distance=${c.rulesPick}@${distance}`,
  ]);
}

/** The features of "nobody we know": the pronoun alone. */
export function nullFeatures(p: RankPronoun): string[] {
  return crossed(p, [
    'null-bias', `null-role=${p.role}`, `null-actor=${p.actor}`, `null-next=${p.next}`, `null-quoted=${p.quoted}`,
    `null-candidates=${bucket(p.candidates, 3)}`, `null-parsed=${p.parsed}`, `null-actor-next=${p.actor}@${p.next}`,
    `null-rules=${p.rulesResolve}`, `null-rules-actor=${p.rulesResolve}@${p.actor}`,
  ]);
}

/** Hashed features into a buffer (one hash per string: the ranker scores a few dozen per pronoun). */
export function hashFeatures(features: readonly string[], into: FeatureBuffer): FeatureBuffer {
  into.clear();
  for (const f of features) into.push(feature1(0, hashString(f)));
  return into;
}

/** A candidate's score: class 1 ("antecedent") minus class 0 (the trainer's ranking updates move both). */
export function rankScore(model: LinearModel, features: FeatureBuffer, scratch: Float64Array): number {
  scratch.fill(0);
  model.score(features, scratch);
  return (scratch[1] as number) - (scratch[0] as number);
}

export interface CorefModel {
  readonly model: LinearModel;
  /** The winner must beat "nobody" (and the runner-up) by this much: precision over recall. */
  readonly margin: number;
}

/**
 * null: the rules alone, the default (the ranker measured below them on GUM news/interview: see
 * models/README.md); a model: set by scripts/eval-coref.mjs --model to compare weights.
 */
let loaded: CorefModel | null = null;

/** The ranker in use, or null for the rules alone. */
export function corefModel(): CorefModel | null {
  return loaded;
}

/** A weight file written by scripts/train-coref.mjs (a missing or mismatched file is a ModelError: one line, exit 3). */
export function readCorefModel(file: string, margin?: number): CorefModel {
  const content = readModelFile(file, { kind: COREF_KIND, templates: COREF_TEMPLATES });
  const section = content.sections[0];
  if (!section) throw new ModelError('model file holds no weights', file);
  const stored = content.settings.margin;
  return { model: section.model, margin: margin ?? (typeof stored === 'number' ? stored : 0) };
}

/** Comparisons: these weights, or null for the rules alone. */
export function setCorefModel(model: CorefModel | null): void {
  loaded = model;
}

/** One pronoun as the ranker saw it, for the trainer: where it is and every option's features. */
export interface PronounTrace {
  readonly start: number;
  readonly end: number;
  readonly nobody: readonly string[];
  readonly candidates: readonly { readonly entity: string; readonly spans: readonly { readonly start: number; readonly end: number }[]; readonly features: readonly string[] }[];
}

let tracer: ((trace: PronounTrace) => void) | undefined;

/** Runs `body` with every ranked pronoun reported to `trace` (scripts/train-coref.mjs). */
export function traceCoreference<T>(trace: (t: PronounTrace) => void, body: () => T): T {
  tracer = trace;
  try {
    return body();
  } finally {
    tracer = undefined;
  }
}

export function corefTracer(): ((trace: PronounTrace) => void) | undefined {
  return tracer;
}
