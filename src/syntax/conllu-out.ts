// `newsgraph annotate --pretokenized`: a CoNLL-U file's own words, with our tags, trees and names,
// printed as CoNLL-U whose tokens (multiword lines included) are the input's, so that the CoNLL
// 2018 evaluation script can score it against the gold file.
import { parseSentence, syntaxModels, tagSentences, type SyntaxModels } from './analyse';
import { field } from './format';
import { miscValue, type UdSentence } from './train/conllu';
import { treebankPieces } from './train/treebanks';

export function annotateConllu(sentences: readonly UdSentence[], models: SyntaxModels = syntaxModels()): string {
  const out: string[] = [];
  const byDocument: UdSentence[][] = [];
  for (const s of sentences) {
    const group = byDocument[byDocument.length - 1];
    if (group && group[0]?.doc === s.doc) group.push(s);
    else byDocument.push([s]);
  }
  for (const group of byDocument) {
    out.push(`# newdoc id = ${field(group[0]?.doc ?? '')}`);
    const tagged = tagSentences(group.map(treebankPieces), models, { split: false, merge: false });
    group.forEach((s, index) => {
      const t = tagged[index];
      if (!t) return;
      const a = { ...parseSentence(t, models), ner: t.ner };
      if (s.id) out.push(`# sent_id = ${field(s.id)}`);
      if (s.text) out.push(`# text = ${field(s.text)}`);
      const multiwords = new Map(s.multiwords.map((m) => [m.first, m]));
      s.words.forEach((w, k) => {
        const mw = multiwords.get(w.id);
        if (mw) out.push([`${mw.first}-${mw.last}`, field(mw.form), '_', '_', '_', '_', '_', '_', '_', field(mw.misc)].join('\t'));
        const misc = [`NER=${a.ner[k] ?? 'O'}`];
        if (miscValue(w.misc, 'SpaceAfter') === 'No') misc.push('SpaceAfter=No');
        const head = a.heads[k] ?? -1;
        out.push([w.id, field(w.form), '_', a.upos[k] ?? 'X', '_', '_', head < 0 ? 0 : head + 1, a.deprels[k] ?? 'dep', '_', misc.join('|')].join('\t'));
      });
      out.push('');
    });
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
