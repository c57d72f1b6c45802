// Helpers of scripts/make-cameo.mjs: the noun key both sides of a match use, pattern ids and sort
// keys, and the line-per-entry JSON writers that keep the generated files diffable.
/**
 * Lowercase, singular-ish key of a noun, the same on both sides of a match: "sanctions" → "sanction",
 * "rallies" → "rally", "taxes" → "tax", "talks" → "talk" (src/relations/cameo.ts nounKey is the same).
 */
export function nounKey(word) {
  const w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(sses|xes|zes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (/(ss|us|is)$/.test(w)) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

export function shapeKey(p) {
  return JSON.stringify([p.particle ?? '', p.objects ?? [], p.preps.map((q) => [q.prep, q.heads ?? []]).sort(cmpJson), p.target ?? null]);
}
export function uniqueSorted(values, cmp) { return [...new Set(values)].sort(cmp); }
export function cmpJson(a, b) { const x = JSON.stringify(a); const y = JSON.stringify(b); return x < y ? -1 : x > y ? 1 : 0; }
export function sortObject(o) { return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))); }
export function sortKey(row) { return [row.particle ?? '', row.objects?.[0] ?? '', (row.preps ?? []).map((p) => p.prep + ':' + (p.heads?.[0] ?? '')).join(','), row.target?.prep ?? row.target?.kind ?? '', row.reverse ? 1 : 0, row.verbs ? 0 : 1, row.code]; }

/** A short readable id of a pattern's shape, without the verb: "sanction", "up-aid", "for-aid", "on". */
export function patternId(row) {
  const parts = [];
  if (row.particle) parts.push(row.particle);
  if (row.objects) parts.push(row.objects.label ?? row.objects[0]);
  for (const p of row.preps ?? []) parts.push(p.prep, p.heads.label ?? p.heads[0]);
  if (row.target?.kind === 'prep') parts.push(row.target.prep);
  if (row.reverse) parts.unshift('rev');
  if (parts.length === 0) parts.push('bare');
  return parts.join('-').replace(/[^a-z0-9+'-]/g, '-');
}

/** JSON with one verb entry or pattern per line: diffable. */
export function writeVerbs(json) {
  const { verbs, forms, blocks, ...head } = json;
  const out = ['{'];
  for (const [k, v] of Object.entries(head)) out.push(`${JSON.stringify(k)}:${JSON.stringify(v)},`);
  out.push(`"forms":${JSON.stringify(forms)},`);
  out.push('"verbs":{');
  const lemmas = Object.keys(verbs);
  lemmas.forEach((lemma, i) => out.push(`${JSON.stringify(lemma)}:${JSON.stringify(verbs[lemma])}${i < lemmas.length - 1 ? ',' : ''}`));
  out.push('},');
  out.push('"blocks":{');
  const names = Object.keys(blocks);
  names.forEach((name, i) => {
    const b = blocks[name];
    out.push(`${JSON.stringify(name)}:{"line":${b.line},"patterns":[`);
    b.patterns.forEach((p, j) => out.push(JSON.stringify(p) + (j < b.patterns.length - 1 ? ',' : '')));
    out.push(']}' + (i < names.length - 1 ? ',' : ''));
  });
  out.push('}}');
  return out.join('\n') + '\n';
}

export function writeScale(json) {
  const { codes, ...head } = json;
  const out = ['{'];
  for (const [k, v] of Object.entries(head)) out.push(`${JSON.stringify(k)}:${JSON.stringify(v)},`);
  out.push('"codes":{');
  const keys = Object.keys(codes);
  keys.forEach((k, i) => out.push(`${JSON.stringify(k)}:${JSON.stringify(codes[k])}${i < keys.length - 1 ? ',' : ''}`));
  out.push('}}');
  return out.join('\n') + '\n';
}
