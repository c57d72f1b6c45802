// The steering sets' gold (eval/steering/setN/gold.tsv, roles.tsv), read one way for every script
// that scores against it: `doc  sources  relations  targets  [NEG|HYP]`, alternatives with `|`; a
// line after a `# ` note rests on reading beyond its sentence (`noted`).
import { readFileSync } from 'node:fs';

/** The gold lines of one file, each with whether a note precedes it. */
export function readGold(file) {
  const out = [];
  let noted = false;
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    if (l.startsWith('#')) { noted = true; continue; }
    const [doc, s, r, t, flags = ''] = l.split('\t');
    out.push({ doc, sources: s.split('|'), relations: r.split('|'), targets: t.split('|'), flags: flags.trim(), noted });
    noted = false;
  }
  return out;
}

/** Whether a fact states a gold line (a meeting either way round). */
export function matches(g, f) {
  if (!g.relations.includes(f.relation)) return false;
  if (g.sources.includes(f.source) && g.targets.includes(f.target)) return true;
  return f.relation === 'met' && g.sources.includes(f.target) && g.targets.includes(f.source);
}
