// The words the syntax models see (src/syntax/words.ts): wink's tokens brought to UD's
// conventions, and trees over those words mapped back onto the tokens.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Token } from '../../src/types';
import { modelForm, modelWords, tokenTree, tokenWords, type ModelWord, type Piece } from '../../src/syntax/words';

/** "a b|c": pieces a, b, c; a space before b, none before c. */
function pieces(notation: string): Piece[] {
  const out: Piece[] = [];
  for (const chunk of notation.split(' ')) chunk.split('|').forEach((text, k) => out.push({ text, spaceBefore: k === 0 }));
  return out;
}
const words = (notation: string): string[] => modelWords(pieces(notation)).map((w) => w.text);

describe('syntax/words: modelWords brings tokens to UD conventions', () => {
  const table: [string, string, string[]][] = [
    // contractions wink leaves whole, and those it splits already
    ['contraction', "I'm", ['I', "'m"]],
    ['contraction', "can't", ['ca', "n't"]],
    ['contraction', "won't", ['wo', "n't"]],
    ['contraction', "do|n't", ['do', "n't"]],
    ['contraction', "they'll", ['they', "'ll"]],
    ['contraction', "she'd", ['she', "'d"]],
    ['contraction', 'gonna', ['gon', 'na']],
    ['contraction', 'cannot', ['can', 'not']],
    ['contraction', 'Cannot', ['Can', 'not']],
    ['not a contraction', "y'all", ["y'all"]],
    ['not a contraction', "O'Neil", ["O'Neil"]],
    ['not a contraction', "rock'n'roll", ["rock'n'roll"]],
    ['not a contraction', "n't", ["n't"]],
    // possessives
    ['possessive', "McDonald's", ['McDonald', "'s"]],
    ['possessive', "O'Neil's", ["O'Neil", "'s"]],
    ['possessive', "Iran|'s", ['Iran', "'s"]],
    ['possessive', "boys|'", ['boys', "'"]],
    ['possessive after letters wink split', "Erdo|ğ|an|'s", ['Erdoğan', "'s"]],
    ['possessive after letters wink split', "Dvo|ř|ák's", ['Dvořák', "'s"]],
    ['decade', "80's", ["80's"]],
    // letters wink splits around non-ASCII letters
    ['non-ASCII letters', 'Erdo|ğ|an met', ['Erdoğan', 'met']],
    ['non-ASCII letters', 'Zürich', ['Zürich']],
    ['non-ASCII letters', 'São Paulo', ['São', 'Paulo']],
    // hyphens
    ['hyphen', 'adult-learned', ['adult', '-', 'learned']],
    ['hyphen', 'adult|-|learned', ['adult', '-', 'learned']],
    ['hyphen', 'long-term-care', ['long', '-', 'term', '-', 'care']],
    ['hyphen', '3-2', ['3', '-', '2']],
    ['hyphen', '2004-05', ['2004', '-', '05']],
    ['hyphen', 'vice-president', ['vice', '-', 'president']],
    ['hyphen', 'STS-1', ['STS', '-', '1']],
    ['hyphen', 'self|-|made', ['self', '-', 'made']],
    ['hyphenated prefix', 'e-mail', ['e-mail']],
    ['hyphenated prefix', 're-elect', ['re-elect']],
    ['hyphenated prefix', 're|-|elected', ['re-elected']],
    ['hyphenated prefix', 'non-executive', ['non-executive']],
    ['hyphenated prefix', 'mid-2005', ['mid-2005']],
    ['hyphenated suffix', 'career-wise', ['career-wise']],
    ['phone number', '713-853-3989', ['713-853-3989']],
    ['date', '11-20-2000', ['11-20-2000']],
    ['dash between spaces', 'war - and', ['war', '-', 'and']],
    ['after an abbreviation', 'U.S.|-|led', ['U.S.', '-', 'led']],
    // URLs and e-mail
    ['url', 'http://www.example.com/a-b?c=1', ['http://www.example.com/a-b?c=1']],
    ['url', 'www.my-site.org', ['www.my-site.org']],
    ['domain', 'Amazon|.|com rose', ['Amazon.com', 'rose']],
    ['domain at a sentence end', 'Amazon|.|com|.', ['Amazon.com', '.']],
    ['domain', 'bbc|.|co.|uk', ['bbc.co.uk']],
    ['e-mail', 'Edison|@ENRON', ['Edison@ENRON']],
    ['e-mail', 'joe@x.org', ['joe@x.org']],
    // abbreviations
    ['U.S.', 'the U.S. said', ['the', 'U.S.', 'said']],
    ['U.S.', 'the U.S.|.', ['the', 'U.S.', '.']],
    ['abbreviation', 'Mr. Smith', ['Mr.', 'Smith']],
    // quotes: straightened
    ['quotes', '“|Yes|”', ['"', 'Yes', '"']],
    ['quotes', "‘|no|’", ["'", 'no', "'"]],
    ['curly apostrophe', 'don’t', ['do', "n't"]],
    ['curly apostrophe', 'It’s', ['It', "'s"]],
    ['curly apostrophe', 'Iran|’s', ['Iran', "'s"]],
    // numbers
    ['number', '3.5 %', ['3.5', '%']],
    ['number', '1,000,000', ['1,000,000']],
    ['number with unit', '8am', ['8', 'am']],
    ['number with unit', '10.5pm', ['10.5', 'pm']],
    ['number with unit', '$|1.13|bn', ['$', '1.13', 'bn']],
    ['number with unit', '600m', ['600', 'm']],
    ['decade', '1990s', ['1990s']],
    ['ordinal', '19th', ['19th']],
    ['fraction', '24/7', ['24/7']],
    // punctuation runs
    ['punctuation run', '.|...', ['....']],
    ['punctuation run', '?|?|?', ['???']],
    ['mixed punctuation', '!|?', ['!', '?']],
    ['dashes', '--|--', ['----']],
    ['sentence end', 'said|.', ['said', '.']],
  ];
  for (const [what, input, expected] of table) {
    it(`${what}: ${input} → ${expected.join(' ')}`, () => assert.deepEqual(words(input), expected));
  }

  it('keeps the pieces each word comes from', () => {
    const ws = modelWords(pieces("Erdo|ğ|an I'm fine"));
    assert.deepEqual(
      ws.map((w) => [w.text, w.first, w.last]),
      [
        ['Erdoğan', 0, 2],
        ['I', 3, 3],
        ["'m", 3, 3],
        ['fine', 4, 4],
      ],
    );
  });

  it('the treebank side can leave splits out', () => {
    assert.deepEqual(
      modelWords(pieces("it's 3-2"), { split: false }).map((w) => w.text),
      ["it's", '3-2'],
    );
  });

  it('modelForm straightens quotes only', () => {
    assert.equal(modelForm('“don’t”'), `"don't"`);
    assert.equal(modelForm('plain — text…'), 'plain — text…');
  });
});

/** Tokens of a text split at spaces and at '|' (no space), with offsets. */
function tokensOf(notation: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const p of pieces(notation)) {
    if (p.spaceBefore && tokens.length > 0) offset++;
    tokens.push({ index: tokens.length, start: offset, end: offset + p.text.length, value: p.text, lower: p.text.toLowerCase(), pos: 'X', lemma: p.text, negated: false, sentence: 0, lineStart: false });
    offset += p.text.length;
  }
  return tokens;
}

describe('syntax/words: trees over words map back to tokens', () => {
  it('tokenWords reads spaces from token offsets and gives Token indices', () => {
    const tokens = tokensOf("He said I'm Erdo|ğ|an .");
    const ws = tokenWords(tokens, 2, 5);
    assert.deepEqual(
      ws.map((w) => [w.text, w.first, w.last]),
      [
        ['I', 2, 2],
        ["'m", 2, 2],
        ['Erdoğan', 3, 5],
      ],
    );
  });

  it('a split token takes the arc of its word nearest the root', () => {
    // I'm sure: I -nsubj-> sure, 'm -cop-> sure, sure = root
    const ws = modelWords(pieces("I'm sure"));
    const tree = tokenTree(ws, [2, 2, -1], 2);
    assert.deepEqual([...tree.head], [1, -1]);
    assert.deepEqual([...tree.word], [0, 2]);
  });

  it("a split token whose words head each other takes the top word's arc", () => {
    // McDonald's profits rose: McDonald -nmod:poss-> profits, 's -case-> McDonald
    const ws = modelWords(pieces("McDonald's profits rose"));
    assert.deepEqual(
      ws.map((w) => w.text),
      ['McDonald', "'s", 'profits', 'rose'],
    );
    const tree = tokenTree(ws, [2, 0, 3, -1], 3);
    assert.deepEqual([...tree.head], [1, 2, -1]);
    assert.deepEqual([...tree.word], [0, 2, 3]);
  });

  it("merged tokens: the first carries the word's arc, the others attach to it", () => {
    const ws = modelWords(pieces('Erdo|ğ|an spoke'));
    const tree = tokenTree(ws, [1, -1], 4);
    assert.deepEqual([...tree.head], [3, 0, 0, -1]);
    assert.deepEqual([...tree.word], [0, -1, -1, 1]);
  });

  it('heads on a range of tokens are relative to its first token', () => {
    const tokens = tokensOf("x y I'm sure");
    const ws = tokenWords(tokens, 2, 3);
    const tree = tokenTree(ws, [2, 2, -1], 2, 2);
    assert.deepEqual([...tree.head], [1, -1]);
  });

  it('always gives a tree over the tokens when the word heads are one (property)', () => {
    const piece = fc.record({
      text: fc.constantFrom("I'm", 'Erdo', 'ğ', 'an', "'s", 'adult-learned', 'said', '.', '...', 'gonna', 'e-mail', 'x', '3-2', 'Amazon', 'com'),
      spaceBefore: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (ps, choices) => {
        const ws: ModelWord[] = modelWords(ps);
        // a random tree: word 0 … n-1 in a random order, each attached to an earlier one
        const n = ws.length;
        const order = ws.map((_, k) => k).sort((a, b) => ((choices[a] ?? 0) % 7) - ((choices[b] ?? 0) % 7) || a - b);
        const heads = new Int32Array(n).fill(-1);
        order.forEach((w, k) => {
          if (k > 0) heads[w] = order[(choices[k] ?? 0) % k] as number;
        });
        const tree = tokenTree(ws, heads, ps.length);
        let roots = 0;
        for (let p = 0; p < ps.length; p++) {
          if (tree.head[p] === -1) roots++;
          // following heads from any token reaches the root without a cycle
          let x = p;
          for (let steps = 0; x !== -1; steps++) {
            assert.ok(steps <= ps.length, 'cycle');
            x = tree.head[x] as number;
          }
        }
        assert.equal(roots, 1);
      }),
      { numRuns: 300 },
    );
  });
});
