// The NER tagger on ../shared/eval/gum (GUM news, interview and speech documents) through the
// run-time path: text → src/nlp annotate() tokens → model words (words.ts) → [POS tagger] → NER →
// spans with character offsets. Scored as scripts/eval.mjs scores the entity layer's mentions:
// gold = PROPN-headed person / organization / place mentions; exact span after stripping a leading
// "the" and a trailing possessive from both sides; one prediction per span.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { annotate } from '../../nlp';
import { documentEntities, type EntityLabel, type EntityTagger } from '../ner';
import type { PosTagging, TypeScore } from './ner';

interface GumMentionRecord {
  readonly start: number;
  readonly end: number;
  readonly etype: string;
  readonly head_upos: string;
}

interface GumRecord {
  readonly doc_id: string;
  readonly genre: string;
  readonly text: string;
  readonly mentions: readonly GumMentionRecord[];
}

const GUM_TYPES = ['person', 'organization', 'place'] as const;
type GumType = (typeof GUM_TYPES)[number];

/** How a predicted type may match GUM's types. `country` LOC (a country's name) matches place or organization, as eval.mjs scores our countries. */
const TYPE_OF: Readonly<Record<EntityLabel, GumType | undefined>> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: undefined };

function comparableSpan(text: string, start: number, end: number): [number, number] {
  const m = /^the\s+/i.exec(text.slice(start, end));
  const s = m ? start + m[0].length : start;
  const possessive = /['’]s?$/.exec(text.slice(s, end));
  return [s, possessive && end - possessive[0].length > s ? end - possessive[0].length : end];
}

function prf(tp: number, predicted: number, gold: number): TypeScore {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: 100 * precision, recall: 100 * recall, f1: 100 * f1, gold, predicted, correct: tp };
}

export interface GumNerEvaluation {
  readonly documents: number;
  readonly words: number;
  /** Per GUM type, LOC read as place only. */
  readonly strict: Readonly<Record<string, TypeScore>>;
  /** Per GUM type, a LOC that names a country counts for organization when GUM says organization (eval.mjs's `country`). */
  readonly countries: Readonly<Record<string, TypeScore>>;
  /** Span only, any type. */
  readonly spanOnly: TypeScore;
  /** A prediction of the right type inside a gold span ("Donald Trump" in "U.S. President Donald Trump"). */
  readonly inside: TypeScore;
  readonly seconds: number;
}

export function gumEvalFile(dataRoot: string): string {
  return path.resolve(dataRoot, '..', 'eval', 'gum', 'gum_news_interview_speech.jsonl');
}

/** Scores the tagger on every document of the GUM eval file, through the run-time path. */
export function evaluateNerOnGum(tagger: EntityTagger, file: string, options: { pos?: PosTagging; isCountry?: (name: string) => boolean; genres?: readonly string[] } = {}): GumNerEvaluation {
  const started = Date.now();
  const records = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GumRecord)
    .filter((r) => !options.genres || options.genres.includes(r.genre));
  const counts = new Map<string, { tp: number; p: number; g: number }>();
  const bump = (key: string, field: 'tp' | 'p' | 'g'): void => {
    const c = counts.get(key) ?? { tp: 0, p: 0, g: 0 };
    c[field]++;
    counts.set(key, c);
  };
  let words = 0;
  for (const r of records) {
    const doc = annotate({ id: r.doc_id, text: r.text, origin: file });
    words += doc.tokens.length;
    const gold = new Map<string, GumType>();
    for (const m of r.mentions) {
      if (m.head_upos !== 'PROPN' || !(GUM_TYPES as readonly string[]).includes(m.etype)) continue;
      const [s, e] = comparableSpan(r.text, m.start, m.end);
      gold.set(`${s}:${e}`, m.etype as GumType);
    }
    for (const t of gold.values()) {
      bump(`strict:${t}`, 'g');
      bump(`countries:${t}`, 'g');
      bump('span', 'g');
      bump('inside', 'g');
    }
    const seen = new Set<string>();
    const insideMatched = new Set<string>();
    const goldSpans = [...gold].map(([key, type]) => {
      const [s, e] = key.split(':').map(Number) as [number, number];
      return { key, type, s, e };
    });
    for (const p of documentEntities(doc, tagger, options.pos)) {
      const type = TYPE_OF[p.type];
      if (!type) continue;
      const [s, e] = comparableSpan(r.text, p.start, p.end);
      const key = `${s}:${e}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const g = gold.get(key);
      bump(`strict:${type}`, 'p');
      if (g === type) bump(`strict:${type}`, 'tp');
      // a country's name typed LOC stands for the country, which GUM types by role
      const country = p.type === 'LOC' && options.isCountry?.(r.text.slice(s, e)) === true;
      const asType = country && g === 'organization' ? 'organization' : type;
      bump(`countries:${asType}`, 'p');
      if (g === asType) bump(`countries:${asType}`, 'tp');
      bump('span', 'p');
      if (g) bump('span', 'tp');
      bump('inside', 'p');
      const within = goldSpans.find((x) => !insideMatched.has(x.key) && (x.type === type || (country && x.type === 'organization')) && x.s <= s && e <= x.e);
      if (within) {
        insideMatched.add(within.key);
        bump('inside', 'tp');
      }
    }
  }
  const of = (key: string): TypeScore => {
    const c = counts.get(key) ?? { tp: 0, p: 0, g: 0 };
    return prf(c.tp, c.p, c.g);
  };
  const table = (prefix: string): Record<string, TypeScore> => {
    const out: Record<string, TypeScore> = {};
    let tp = 0;
    let p = 0;
    let g = 0;
    for (const t of GUM_TYPES) {
      const c = counts.get(`${prefix}:${t}`) ?? { tp: 0, p: 0, g: 0 };
      out[t] = of(`${prefix}:${t}`);
      tp += c.tp;
      p += c.p;
      g += c.g;
    }
    out['all'] = prf(tp, p, g);
    return out;
  };
  return { documents: records.length, words, strict: table('strict'), countries: table('countries'), spanOnly: of('span'), inside: of('inside'), seconds: (Date.now() - started) / 1000 };
}

export function formatGumEvaluation(e: GumNerEvaluation): string {
  const row = (name: string, s: TypeScore | undefined): string =>
    s ? `${name.padEnd(22)} P ${s.precision.toFixed(1)} R ${s.recall.toFixed(1)} F1 ${s.f1.toFixed(1)} (gold ${s.gold}, predicted ${s.predicted}, correct ${s.correct})` : name;
  return [
    `GUM news/interview/speech (${e.documents} documents, ${e.words} tokens, ${e.seconds.toFixed(1)} s), exact span, leading "the" stripped:`,
    ...[...GUM_TYPES, 'all'].map((t) => row(`${t}`, e.strict[t])),
    'with country names typed LOC matching GUM organization (as eval.mjs scores country):',
    ...[...GUM_TYPES, 'all'].map((t) => row(`${t}`, e.countries[t])),
    row('span only (any type)', e.spanOnly),
    row('typed, inside gold span', e.inside),
  ].join('\n');
}
