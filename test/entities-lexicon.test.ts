// The lexicon reaches the recogniser three ways: built from the data files, read from the copy
// `npm run build` prepares in dist/prepared/, or the built gazetteer plus a user's aliases. All
// three must be the same lexicon, down to the order of its Maps and of each entry's keys.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  buildLexicon, buildLexiconFromData, defaultLexicon, lexiconText, preparedLexiconData, readPreparedLexicon, type AliasEntry,
} from '../src/entities/lexicon';
import { ENTITY_TYPES } from '../src/types';

/** What scripts/prepare-data.mjs does, to `file`. */
function writePreparedLexicon(file: string): string {
  fs.writeFileSync(file, preparedLexiconData());
  return file;
}

describe('entities: the prepared lexicon', () => {
  let dir: string;
  let fromData: string;
  before(function () {
    this.timeout(60_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-lexicon-'));
    fromData = lexiconText(buildLexiconFromData());
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads back as the lexicon built from the data files (entries, order, names, words)', function () {
    this.timeout(60_000);
    const file = writePreparedLexicon(path.join(dir, 'lexicon.json'));
    const prepared = readPreparedLexicon(file);
    assert.ok(prepared, 'a freshly written prepared lexicon is current');
    assert.equal(lexiconText(prepared), fromData);
    assert.ok(prepared.phrases.size > 5000 && prepared.entities.size > 5000, 'the whole gazetteer');
  });

  it('is written as ASCII, so that it is read without UTF-8 decoding', () => {
    const bytes = fs.readFileSync(writePreparedLexicon(path.join(dir, 'ascii.json')));
    assert.ok(bytes.every((b) => b < 0x80));
  });

  const tampered: Array<[string, (p: Record<string, unknown>) => void]> = [
    ['a fingerprint of other data or code', (p) => { p.fingerprint = '0'.repeat(64); }],
    ['another format', (p) => { p.format = Number(p.format) + 1; }],
  ];
  for (const [what, change] of tampered) {
    it(`is not used when it has ${what}`, () => {
      const file = writePreparedLexicon(path.join(dir, 'stale.json'));
      const p = JSON.parse(fs.readFileSync(file, 'latin1')) as Record<string, unknown>;
      change(p);
      fs.writeFileSync(file, JSON.stringify(p));
      assert.equal(readPreparedLexicon(file), undefined);
    });
  }

  it('is not used when it is missing or unreadable', () => {
    assert.equal(readPreparedLexicon(path.join(dir, 'absent.json')), undefined);
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"format":');
    assert.equal(readPreparedLexicon(path.join(dir, 'broken.json')), undefined);
  });

  it('the copy `npm run build` prepared in dist/ is current, so the compiled CLI uses it', function () {
    const compiled = path.resolve(__dirname, '..', 'dist', 'src', 'entities', 'lexicon.js');
    const file = path.resolve(__dirname, '..', 'dist', 'prepared', 'lexicon.json');
    if (!fs.existsSync(compiled) || !fs.existsSync(file)) {
      console.log(`      (skipped: ${file} not built; \`npm run build\` writes it)`);
      this.skip();
    }
    const dist = require(compiled) as { readPreparedLexicon(file: string): unknown; lexiconText(l: unknown): string };
    const prepared = dist.readPreparedLexicon(file);
    assert.ok(prepared, `${file} is stale: run \`npm run build\``);
    assert.equal(dist.lexiconText(prepared), fromData);
  });

  it('defaultLexicon is the lexicon built from the data files, whichever way it was loaded', () => {
    assert.equal(lexiconText(defaultLexicon()), fromData);
  });
});

describe('entities: aliases added to the built gazetteer', () => {
  const cases: Array<[string, AliasEntry[]]> = [
    ['a new person with aliases', [{ name: 'Ada Quill', entityType: 'person', aliases: ['A. Quill', 'Quill'], wikidata: 'Q1' }]],
    ['a gazetteer name taken over', [{ name: 'Georgia', entityType: 'person' }, { name: 'Kyiv', entityType: 'organization', aliases: ['Kiev'] }]],
    ['an alias of an existing entity id', [{ name: 'United Kingdom', entityType: 'country', aliases: ['Blighty'], wikidata: 'Q145' }]],
    ['two aliases claiming one name (the last wins)', [{ name: 'Nova Corp', entityType: 'organization', aliases: ['Nova'] }, { name: 'Nova Lee', entityType: 'person', aliases: ['Nova'] }]],
    ['names that need normalising and a long name', [{ name: 'The  Very   Long Named Council of Elders of the North Sea Fisheries', entityType: 'organization', aliases: ['O’Brien Trust', ' '] }]],
  ];
  for (const [what, aliases] of cases) {
    it(`gives what building everything from the data gives: ${what}`, function () {
      this.timeout(60_000);
      assert.equal(lexiconText(buildLexicon(aliases)), lexiconText(buildLexiconFromData(aliases)));
    });
  }

  it('gives what building everything from the data gives, for random alias files (property)', function () {
    this.timeout(300_000);
    const known = [...defaultLexicon().phrases.keys()].filter((_, i) => i % 97 === 0);
    const name = fc.oneof(fc.constantFrom(...known), fc.constantFrom('Zed Alpha', 'Qorvo Labs', 'New Amsterdam', 'Mira'), fc.string({ minLength: 1, maxLength: 12 }));
    const alias = fc.record(
      { name, entityType: fc.constantFrom(...ENTITY_TYPES), aliases: fc.array(name, { maxLength: 3 }), wikidata: fc.constantFrom('Q7', 'Q8') },
      { requiredKeys: ['name', 'entityType'] },
    );
    fc.assert(
      fc.property(fc.array(alias, { minLength: 1, maxLength: 5 }), (aliases) => {
        assert.equal(lexiconText(buildLexicon(aliases)), lexiconText(buildLexiconFromData(aliases)));
      }),
      { numRuns: 12, seed: 5 },
    );
  });
});

describe('entities: the gazetteer of people the news names by surname (data/people.json)', () => {
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'src', 'entities', 'data', 'people.json'), 'utf8')) as { people: { name: string; surnames: string[]; serves?: string[] }[] };
  const lexicon = buildLexiconFromData();

  it('gives each surname one person, who is a known person under the id the name rules give that full name', () => {
    const seen = new Map<string, string>();
    for (const p of data.people) {
      // (A row with no surname is there only for the bodies its person serves.)
      assert.ok(p.surnames.length > 0 || (p.serves?.length ?? 0) > 0, `${p.name}: no surname and nothing served`);
      for (const s of p.surnames) {
        assert.match(s, /^\p{Lu}[\p{L}'-]*$/u, `${p.name}: "${s}" is one capitalised word`);
        const other = seen.get(s.toLowerCase());
        assert.equal(other, undefined, `"${s}" names both ${other} and ${p.name}`);
        seen.set(s.toLowerCase(), p.name);
        const id = lexicon.surnames.get(s.toLowerCase());
        assert.equal(lexicon.entities.get(id ?? '')?.label, p.name);
        assert.equal(lexicon.entities.get(id ?? '')?.entityType, 'person');
      }
    }
    assert.equal(lexicon.surnames.size, seen.size);
  });

  it('holds no surname that is an everyday English word (those read as words, not as people)', () => {
    const everyday = [...lexicon.surnames.keys()].filter((s) => lexicon.commonWords.has(s));
    assert.deepEqual(everyday, []);
  });
});
