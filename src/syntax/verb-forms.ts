// Irregular simple pasts that are never anything but a verb in lower case (data/verb-forms.json says
// which, why, and which pasts are left out): the tagger tags them VERB outright.
import data from './data/verb-forms.json';

/** Past form → lemma ("retook" → retake). */
export const VERB_PASTS: ReadonlyMap<string, string> = new Map(data.pasts.map((p) => [p[0] ?? '', p[1] ?? ''] as const));
