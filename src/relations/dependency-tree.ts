// The dependency tree of a document's parsed sentences (src/syntax), repaired where its usual
// shape misleads the readers (tree-repairs.ts), with each token's children listed once.
import type { SyntaxLayer, Token } from '../types';
import { repairTree } from './tree-repairs';

/** The dependency trees of a document's parsed sentences, with children lists. */
export class DependencyTree {
  private readonly first: Int32Array;
  private readonly list: Int32Array;

  readonly syntax: SyntaxLayer;

  constructor(readonly tokens: readonly Token[], parsed: SyntaxLayer) {
    const syntax = repairTree(tokens, parsed);
    this.syntax = syntax;
    const n = tokens.length;
    const count = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const h = syntax.heads[i] as number;
      if (h >= 0) count[h + 1] = (count[h + 1] as number) + 1;
    }
    for (let i = 0; i < n; i++) count[i + 1] = (count[i + 1] as number) + (count[i] as number);
    this.first = count;
    this.list = new Int32Array(count[n] as number);
    const fill = count.slice(0, n);
    for (let i = 0; i < n; i++) {
      const h = syntax.heads[i] as number;
      if (h >= 0) {
        this.list[fill[h] as number] = i;
        fill[h] = (fill[h] as number) + 1;
      }
    }
  }

  parsed(t: Token): boolean {
    return this.syntax.parsed[t.sentence] === 1;
  }

  head(i: number): number {
    return this.syntax.heads[i] ?? -1;
  }

  deprel(i: number): string {
    return this.syntax.deprels[i] ?? 'dep';
  }

  upos(i: number): string {
    return this.syntax.upos[i] ?? 'X';
  }

  children(i: number): Int32Array {
    return this.list.subarray(this.first[i] as number, this.first[i + 1] as number);
  }

  child(i: number, deprel: string): number {
    for (const c of this.children(i)) if (this.deprel(c) === deprel) return c;
    return -1;
  }

  /** A purpose clause: an adverbial clause with "to" ("travelled to Paris *to meet* Y"). */
  purpose(i: number): boolean {
    return this.deprel(i) === 'advcl' && this.tokens[this.child(i, 'mark')]?.lower === 'to';
  }

  /** An infinitive under its governor, which the parser hangs as xcomp or as a purpose clause. */
  infinitive(i: number): boolean {
    return this.deprel(i) === 'xcomp' || this.purpose(i);
  }

  /** Whether the clause headed at i has one of these auxiliaries ("would", "should", "will"). */
  hasAux(i: number, words: ReadonlySet<string>): boolean {
    for (const c of this.children(i)) if (this.deprel(c) === 'aux' && words.has(this.tokens[c]?.lower ?? '')) return true;
    return false;
  }

  /** The preposition (case child) of a nominal: "with" in "met with Putin". */
  caseOf(i: number): string | undefined {
    for (const c of this.children(i)) if (this.deprel(c) === 'case') return this.tokens[c]?.lower;
    return undefined;
  }
}
