// XML text hygiene: what may appear in an XML 1.0 document, and how to escape the rest; and the
// writer that the GEXF and GraphML exporters stream their documents into.
import { ChunkWriter } from './chunks';


/**
 * Characters XML 1.0 forbids (C0 controls except tab, LF, CR; U+FFFE, U+FFFF) and lone UTF-16
 * surrogates, which have no UTF-8 encoding.
 */
const ILLEGAL_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Stands in for every character that XML cannot carry. Same UTF-16 length, so offsets stay valid. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

export function sanitizeXmlText(value: string): string {
  return value.replace(ILLEGAL_XML_CHARS, REPLACEMENT_CHARACTER);
}

/** Tab, LF and CR are written as character references: literal ones are normalised to spaces in attributes. */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const escape = (c: string): string => ESCAPES[c] ?? c;
const IN_DOUBLE_QUOTES = /[&<>"\t\n\r]/g;
const IN_SINGLE_QUOTES = /[&<>'\t\n\r]/g;
const IN_TEXT = /[&<>\r]/g;
const NEEDS_SANITIZING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/**
 * Anything that either escaping or sanitising would touch, in any context. One scan that most
 * strings (names, numbers, plain labels) pass, instead of a scan per step.
 */
const NEEDS_WORK = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** The same between single quotes, and in text content. */
const NEEDS_WORK_IN_SINGLE_QUOTES = /[&<>'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NEEDS_WORK_IN_TEXT = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

function sanitized(value: string): string {
  // The cheap test first: most strings need nothing.
  return NEEDS_SANITIZING.test(value) ? sanitizeXmlText(value) : value;
}

/**
 * An attribute value with its quotes, escaped. Values holding double quotes (JSON) are single-quoted
 * instead, which keeps JSON-encoded evidence about 40% smaller than with &quot; everywhere.
 */
export function quotedValue(value: string): string {
  if (!NEEDS_WORK.test(value)) return `"${value}"`;
  // JSON text: double quotes, and most often nothing to do once between single quotes.
  if (value.includes('"') && !NEEDS_WORK_IN_SINGLE_QUOTES.test(value)) return `'${value}'`;
  const clean = sanitized(value);
  return clean.includes('"') ? `'${clean.replace(IN_SINGLE_QUOTES, escape)}'` : `"${clean.replace(IN_DOUBLE_QUOTES, escape)}"`;
}

/** ` name="value"`, escaped (see quotedValue). */
export function xmlAttribute(name: string, value: string): string {
  return ` ${name}=${quotedValue(value)}`;
}

/** A string as element text content. */
export function escapeText(value: string): string {
  return NEEDS_WORK_IN_TEXT.test(value) ? sanitized(value).replace(IN_TEXT, escape) : value;
}

/** ` name="value"` for each defined pair, in order. */
export function xmlAttributes(pairs: readonly (readonly [string, string | undefined])[]): string {
  let out = '';
  for (const [name, value] of pairs) {
    if (value !== undefined) out += xmlAttribute(name, value);
  }
  return out;
}

/**
 * Maps distinct keys (a graph's node keys, its edge keys), each given once, to XML-safe ids that stay
 * unique even when sanitising makes two keys equal: the first keeps the sanitised key, the next get
 * `~2`, `~3`….
 */
function distinctIdMapper(): (key: string) => string {
  // Until some key is changed by sanitising, every id is its own key, and distinct keys cannot
  // collide: the set of ids given is needed only from then on.
  let given: string[] = [];
  let used: Set<string> | undefined;
  return (key) => {
    const base = sanitized(key);
    if (used === undefined) {
      if (base === key) {
        given.push(key);
        return key;
      }
      used = new Set(given);
      given = [];
    }
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
    used.add(id);
    return id;
  };
}

/**
 * The ids of a graph's nodes (distinctIdMapper), written as quoted attribute values: each node's
 * where it is defined, then wherever an edge refers to it. Most keys are their own id and need no
 * escaping; only the others are remembered.
 */
class NodeIds {
  private readonly ids = distinctIdMapper();
  private readonly quoted = new Map<string, string>();

  /** Writes the node's quoted id; each node once, before any edge refers to it. */
  define(w: XmlWriter, node: string): void {
    const id = this.ids(node);
    if (id === node) w.quoted(node);
    else {
      const quoted = quotedValue(id);
      this.quoted.set(node, quoted);
      w.write(quoted);
    }
  }

  /** Writes the quoted id of a node defined before. */
  refer(w: XmlWriter, node: string): void {
    const quoted = this.quoted.size === 0 ? undefined : this.quoted.get(node);
    if (quoted === undefined) w.quoted(node);
    else w.write(quoted);
  }
}

/**
 * Node and edge lines at one depth, as GEXF and GraphML write them: `<node id="…"` or
 * `<edge id="…" source="…" target="…"`, the format's attributes, then `/>` (selfClose), or `>`
 * (open), the children and the end tag. Node ids are defined once and referred to by edges.
 */
export class ItemLines {
  readonly open: string;
  readonly selfClose: string;
  readonly nodeEnd: string;
  readonly edgeEnd: string;
  private readonly nodeStart: string;
  private readonly edgeStart: string;
  private readonly nodeIds = new NodeIds();
  private readonly edgeIds = distinctIdMapper();

  constructor(private readonly w: XmlWriter, depth: number) {
    const nl = w.newline;
    const pad = w.indent(depth);
    this.open = `>${nl}`;
    this.selfClose = `/>${nl}`;
    this.nodeStart = `${pad}<node id=`;
    this.nodeEnd = `${pad}</node>${nl}`;
    this.edgeStart = `${pad}<edge id=`;
    this.edgeEnd = `${pad}</edge>${nl}`;
  }

  /** `<node id="…"`; each node once, before any edge refers to it. */
  startNode(node: string): void {
    this.w.write(this.nodeStart);
    this.nodeIds.define(this.w, node);
  }

  /** `<edge id="…" source="…" target="…"`. */
  startEdge(edge: string, source: string, target: string): void {
    const w = this.w;
    w.write(this.edgeStart);
    w.quoted(this.edgeIds(edge));
    w.write(' source=');
    this.nodeIds.refer(w, source);
    w.write(' target=');
    this.nodeIds.refer(w, target);
  }
}

/**
 * A document's chunks (see ChunkWriter), written line by line: callers write whole lines (`line`,
 * `start`, `end`, `write`) and, between elements, take a chunk whenever one is `ready`.
 */
export class XmlWriter extends ChunkWriter {
  /** '\n' when pretty, else ''. */
  readonly newline: string;
  private readonly indents: string[] = [];

  constructor(readonly pretty: boolean) {
    super();
    this.newline = pretty ? '\n' : '';
  }

  /** The indentation of a line at this depth ('' when not pretty). */
  indent(depth: number): string {
    if (!this.pretty) return '';
    return (this.indents[depth] ??= '  '.repeat(depth));
  }

  /** quotedValue(value), written without building that string first. */
  quoted(value: string): void {
    if (NEEDS_WORK.test(value)) this.write(quotedValue(value));
    else {
      this.pieces.push('"', value, '"');
      this.length += value.length + 2;
    }
  }

  /** The text of line(depth, content), for lines written again and again. */
  lineText(depth: number, content: string): string {
    return this.pretty ? `${this.indent(depth)}${content}\n` : content;
  }

  /** One line: indentation, content, newline (just the content when not pretty). */
  line(depth: number, content: string): void {
    this.write(this.lineText(depth, content));
  }

  /** `<tag attributes>` on its own line. */
  start(depth: number, tag: string, attributes: string): void {
    this.line(depth, `<${tag}${attributes}>`);
  }

  /** `</tag>` on its own line. */
  end(depth: number, tag: string): void {
    this.line(depth, `</${tag}>`);
  }

  /** `<tag attributes/>` on its own line. */
  empty(depth: number, tag: string, attributes: string): void {
    this.line(depth, `<${tag}${attributes}/>`);
  }
}

/** Values up to this length have their line remembered, up to this many per column. */
const REMEMBERED_LENGTH = 32;
const REMEMBERED_VALUES = 512;

/**
 * The lines `prefix + escape(value) + suffix` of one column. Most columns (types, counts, flags,
 * relations) repeat a few short values over 10⁵ items: their lines are made once, then each is one
 * piece to write, with no escaping. Other values are written as three pieces.
 */
export class ValueLines {
  private readonly known = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    private readonly escape: (value: string) => string,
    private readonly suffix: string,
  ) {}

  write(w: XmlWriter, value: string): void {
    if (value.length > REMEMBERED_LENGTH) {
      w.write(this.prefix);
      w.write(this.escape(value));
      w.write(this.suffix);
      return;
    }
    let line = this.known.get(value);
    if (line === undefined) {
      line = `${this.prefix}${this.escape(value)}${this.suffix}`;
      if (this.known.size < REMEMBERED_VALUES) this.known.set(value, line);
    }
    w.write(line);
  }
}
