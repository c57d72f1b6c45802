// What `newsgraph annotate` prints: a document's tokens with the trained models' analysis, as
// CoNLL-U (one sentence a block; NER and character offsets in MISC) or as one JSON object.
import type { AnnotatedDocument, SyntaxLayer } from '../types';

/**
 * CoNLL-U forbids tabs and line breaks inside a field, and a field may not be empty; other
 * control characters become U+FFFD, so that article text never drives the terminal it is printed to.
 */
export function field(value: string): string {
  const clean = value.replace(/[\t\n\r\u2028\u2029]/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, '\ufffd');
  return clean === '' ? '_' : clean;
}

/** One document as CoNLL-U blocks; sentence ids are `<doc>-<n>` (1-based). */
export function documentConllu(doc: AnnotatedDocument, layer: SyntaxLayer): string {
  const out: string[] = [];
  const text = doc.source.text;
  out.push(`# newdoc id = ${field(doc.source.id)}`);
  for (const s of doc.sentences) {
    out.push(`# sent_id = ${field(doc.source.id)}-${s.index + 1}`);
    out.push(`# text = ${field(text.slice(s.start, s.end).replace(/\s+/g, ' '))}`);
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const t = doc.tokens[i];
      if (!t) continue;
      const head = layer.heads[i] ?? -1;
      const next = doc.tokens[i + 1];
      const misc = [`NER=${layer.ner[i] ?? 'O'}`, `TokenRange=${t.start}:${t.end}`];
      if (i < s.lastToken && next && next.start === t.end) misc.push('SpaceAfter=No');
      out.push([
        i - s.firstToken + 1, field(t.value), field(t.lemma), layer.upos[i] ?? 'X', '_', '_',
        head < 0 ? 0 : head - s.firstToken + 1, layer.deprels[i] ?? 'dep', '_', misc.join('|'),
      ].join('\t'));
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** One document as a JSON line: its sentences with their tokens (ids and heads 1-based within the sentence, as in CoNLL-U). */
export function documentJson(doc: AnnotatedDocument, layer: SyntaxLayer): string {
  const text = doc.source.text;
  return JSON.stringify({
    doc: doc.source.id,
    sentences: doc.sentences.map((s) => ({
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      tokens: doc.tokens.slice(s.firstToken, s.lastToken + 1).map((t) => {
        const head = layer.heads[t.index] ?? -1;
        return {
          id: t.index - s.firstToken + 1, form: t.value, lemma: t.lemma, upos: layer.upos[t.index] ?? 'X',
          head: head < 0 ? 0 : head - s.firstToken + 1, deprel: layer.deprels[t.index] ?? 'dep', ner: layer.ner[t.index] ?? 'O',
          start: t.start, end: t.end,
        };
      }),
    })),
  });
}
