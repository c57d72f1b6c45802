#!/usr/bin/env node
// Writes src/entities/data/name-genders.json: given names that are male in every listed locale of
// @faker-js/faker (MIT) and never female, and the other way round, plus a short hand list of
// news names faker lacks. Coreference reads it for gender agreement ("she" is not "Vladimir Putin").
//
//   npm install --no-save --prefix /tmp/faker @faker-js/faker@10.6.0
//   node scripts/make-name-genders.mjs /tmp/faker/node_modules/@faker-js/faker
//
// Deterministic: sorted output, no dates.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fakerDir = process.argv[2];
if (!fakerDir) {
  console.error('usage: node scripts/make-name-genders.mjs PATH/TO/@faker-js/faker');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(path.join(fakerDir, 'package.json'), 'utf8'));
const faker = await import(pathToFileURL(path.join(fakerDir, 'dist/index.js')).href);
// Latin-script locales whose names appear in English-language news.
const LOCALES = ['en', 'en_IN', 'en_NG', 'yo_NG', 'zu_ZA', 'es', 'es_MX', 'fr', 'de', 'pt_BR', 'it', 'pl', 'nl', 'tr'];

// Written for newsgraph from general knowledge: frequent given names in world news, in their usual
// English spellings, that the locales above lack (Russian/Ukrainian, Arabic, Persian, Chinese-
// transliterated forenames are left out where they are unisex).
const HAND = {
  male: 'vladimir volodymyr sergei sergey dmitry dmitri mikhail nikolai alexei alexey yevgeny evgeny andriy oleksandr oleksiy vitali vitaly viktor yuri yury kirill rustem '
    + 'mohammed muhammad mohammad mahmoud ahmed ahmad hassan hussein hossein ali abbas ebrahim ibrahim khalid khaled omar umar recep tayyip benjamin yair naftali '
    + 'narendra rahul shehbaz imran nawaz emmanuel olaf friedrich keir rishi boris justin joe donald hakeem nayib javier',
  female: 'ursula kaja giorgia marine kamala yulia ioulia olena svetlana tatiana tatyana maria natalia anastasia irina elena ekaterina yekaterina valentina '
    + 'fatima aisha ayesha maryam zahra leila layla hillary nancy theresa liz angela annalena sanna jacinda nikki tulsi kristi',
};

// Surnames that stand first in East Asian names ("Kim Jong Un", "Li Qiang"): a first word that is
// one of these says nothing about gender, whatever faker lists.
const SURNAME_FIRST = new Set(('kim lee park choi jung kang cho yoon jang lim han shin seo kwon hwang ahn song hong '
  + 'wang li zhang liu chen yang huang zhao wu zhou xu sun ma hu guo lin he gao luo xi zheng liang xie tang '
  + 'nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly').split(' '));

const seen = { male: new Set(), female: new Set() };
const latin = /^[\p{Script=Latin}'’-]+$/u;
for (const loc of LOCALES) {
  const names = faker[loc]?.person?.first_name;
  if (!names) throw new Error(`faker ${pkg.version} has no first names for ${loc}`);
  for (const g of ['male', 'female']) {
    for (const n of names[g] ?? []) if (latin.test(n)) seen[g].add(n.toLowerCase());
  }
}
for (const g of ['male', 'female']) for (const n of HAND[g].split(/\s+/).filter(Boolean)) seen[g].add(n);
// A name given both genders is dropped ("Andrea": male in Italian, female in English).
const male = [...seen.male].filter((n) => !seen.female.has(n) && !SURNAME_FIRST.has(n)).sort();
const female = [...seen.female].filter((n) => !seen.male.has(n) && !SURNAME_FIRST.has(n)).sort();

const out = {
  source: `derived by scripts/make-name-genders.mjs from the npm package @faker-js/faker ${pkg.version} (MIT, "Faker - Copyright (c) 2022-2025"), person.first_name.male/female of the locales ${LOCALES.join(', ')}, plus a hand list of news names written for newsgraph`,
  license: 'MIT',
  reason: 'Gender agreement in coreference: "she" does not go to a person whose given name is only ever male. A name the locales give both genders, or an East Asian surname that stands first, is left out (unknown gender agrees with every pronoun).',
  male: male.join(' '),
  female: female.join(' '),
};
const target = path.join(repoRoot, 'src/entities/data/name-genders.json');
writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
console.log(`${path.relative(repoRoot, target)}: ${male.length} male, ${female.length} female`);
