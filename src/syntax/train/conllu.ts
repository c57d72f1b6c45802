// CoNLL-U reading for training and evaluation: sentences of syntactic words (multiword token
// lines kept apart as surface tokens), with the document each sentence belongs to.
import * as fs from 'node:fs';

export interface UdWord {
  /** 1-based position among the sentence's syntactic words. */
  readonly id: number;
  readonly form: string;
  readonly lemma: string;
  readonly upos: string;
  readonly xpos: string;
  readonly feats: string;
  /** 0 = root. */
  readonly head: number;
  readonly deprel: string;
  readonly misc: string;
}

/** A multiword token line ("can't" over "ca" + "n't"): its surface form and the words it covers. */
export interface UdMultiword {
  readonly first: number;
  readonly last: number;
  readonly form: string;
  readonly misc: string;
}

export interface UdSentence {
  /** From the nearest `# newdoc id =` above (GUM), else from the sent_id's prefix. */
  readonly doc: string;
  readonly id: string;
  readonly text: string;
  readonly words: readonly UdWord[];
  readonly multiwords: readonly UdMultiword[];
}

export function parseConllu(content: string, origin: string): UdSentence[] {
  const sentences: UdSentence[] = [];
  let doc = '';
  let id = '';
  let text = '';
  let words: UdWord[] = [];
  let multiwords: UdMultiword[] = [];
  const flush = (): void => {
    if (words.length > 0) sentences.push({ doc: doc || id.replace(/-\d+$/, ''), id, text, words, multiwords });
    id = '';
    text = '';
    words = [];
    multiwords = [];
  };
  const lines = content.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') return flush();
    if (line.startsWith('#')) {
      const m = /^#\s*(newdoc id|sent_id|text)\s*=\s*(.*)$/.exec(line);
      if (m?.[1] === 'newdoc id') doc = m[2] ?? '';
      else if (m?.[1] === 'sent_id') id = m[2] ?? '';
      else if (m?.[1] === 'text') text = m[2] ?? '';
      return;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new Error(`${origin}:${index + 1}: expected 10 tab-separated columns, found ${cols.length}`);
    const [idCol, form, lemma, upos, xpos, feats, head, deprel, , misc] = cols as [string, string, string, string, string, string, string, string, string, string];
    const range = /^(\d+)-(\d+)$/.exec(idCol);
    if (range) {
      multiwords.push({ first: Number(range[1]), last: Number(range[2]), form, misc });
      return;
    }
    if (idCol.includes('.')) return; // empty nodes belong to enhanced graphs only
    words.push({ id: Number(idCol), form, lemma, upos, xpos, feats, head: Number(head), deprel, misc });
  });
  flush();
  return sentences;
}

export function readConllu(file: string): UdSentence[] {
  return parseConllu(fs.readFileSync(file, 'utf8'), file);
}

/** The universal part of a dependency label (`nsubj:pass` → `nsubj`), as CoNLL 2018 LAS scores it. */
export function universalRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

/** A MISC field's value for a key (`SpaceAfter`, `Entity`), or undefined. */
export function miscValue(misc: string, key: string): string | undefined {
  if (misc === '_') return undefined;
  for (const part of misc.split('|')) {
    if (part.startsWith(`${key}=`)) return part.slice(key.length + 1);
  }
  return undefined;
}
