// `npm run train -- tagger|parser|ner|all [--data DIR] [--models DIR]`: rebuilds the shipped models
// from ../shared/train, deterministically (a rerun writes byte-identical files). The tagger comes
// first: the parser trains on its jackknifed tags and is scored with its predictions. Each model
// prints its epochs with an estimate of the time left. Without the data: a printed reason, exit 0.
import * as path from 'node:path';
import { MODELS_DIR } from '../../version';
import { trainNer } from './ner';
import { trainParser } from './parser';
import { trainTagger } from './tagger';
import { defaultDataRoot } from './treebanks';

const MODELS = ['tagger', 'parser', 'ner'] as const;
type ModelName = (typeof MODELS)[number];

function usage(message: string): never {
  process.stderr.write(`train: ${message}\nusage: npm run train -- ${MODELS.join('|')}|all [--data DIR] [--models DIR]\n`);
  process.exit(2);
}

function main(argv: readonly string[]): void {
  let dataRoot = defaultDataRoot();
  let modelsDir = MODELS_DIR;
  const wanted = new Set<ModelName>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--data' || a === '--models') {
      const value = argv[++i];
      if (!value) usage(`${a} needs a directory`);
      if (a === '--data') dataRoot = path.resolve(value);
      else modelsDir = path.resolve(value);
    } else if (a === 'all') MODELS.forEach((m) => wanted.add(m));
    else if ((MODELS as readonly string[]).includes(a)) wanted.add(a as ModelName);
    else usage(`unknown argument ${JSON.stringify(a)}`);
  }
  if (wanted.size === 0) usage('say which model to train');
  const started = Date.now();
  const log = (line: string): void => {
    process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  };
  const out = (name: ModelName): string => path.join(modelsDir, `${name}.bin`);
  const summary: string[] = [];
  // In MODELS order whatever order they were asked in: the parser reads the tagger just written.
  for (const name of MODELS.filter((m) => wanted.has(m))) {
    log(`${name}: training`);
    if (name === 'tagger') {
      const r = trainTagger({ dataRoot, out: out(name), log });
      if (r) summary.push(`tagger: UPOS EWT test ${r.ewtTest.toFixed(2)}, GUM test ${r.gumTest.toFixed(2)}; ${(r.bytes / 1e6).toFixed(1)} MB; ${r.seconds.toFixed(0)} s`);
    } else if (name === 'parser') {
      const r = trainParser({ dataRoot, out: out(name), taggerFile: out('tagger'), log });
      if (r) summary.push(`parser: UAS/LAS EWT test ${r.ewtTest.uas.toFixed(2)}/${r.ewtTest.las.toFixed(2)}, GUM test ${r.gumTest.uas.toFixed(2)}/${r.gumTest.las.toFixed(2)} (${r.tags} tags); ${((r.bytes ?? 0) / 1e6).toFixed(1)} MB; ${r.seconds.toFixed(0)} s`);
    } else {
      const r = trainNer({ dataRoot, out: out(name), log });
      if (r) {
        const t = r.dev.types;
        const f = (type: string): string => (t[type]?.f1 ?? 0).toFixed(2);
        summary.push(`ner: CoNLL-2003 dev F1 PER ${f('PER')}, LOC ${f('LOC')}, ORG ${f('ORG')}, MISC ${f('MISC')}; ${((r.bytes ?? 0) / 1e6).toFixed(1)} MB; ${r.seconds.toFixed(0)} s`);
      }
    }
  }
  for (const line of summary) log(line);
  log(`done in ${((Date.now() - started) / 60000).toFixed(1)} min`);
}

main(process.argv.slice(2));
