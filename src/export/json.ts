// graph.json: graphology's serialized graph (`graph.export()`), one node or edge per line so that
// diffs stay readable. Valid JSON, equal to graph.export() when parsed; keys keep insertion order,
// so identical graphs give byte-identical files.
import type { AbstractGraph, Attributes } from 'graphology-types';

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

function list(items: readonly unknown[]): string {
  return items.length === 0 ? '[]' : `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
}

export function toJson(graph: AnyGraph): string {
  const data = graph.export();
  const head = JSON.stringify({ options: data.options, attributes: data.attributes ?? {} });
  return `${head.slice(0, -1)},"nodes":${list(data.nodes)},"edges":${list(data.edges)}}\n`;
}
