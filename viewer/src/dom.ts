// DOM building with createElement and textContent only: graph text (article sentences, labels)
// is untrusted and never goes through an HTML parser.

export type Child = Node | string | number | null | undefined | false;

export interface ElementProps {
  className?: string;
  text?: string;
  title?: string;
  attrs?: Readonly<Record<string, string>>;
  dataset?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.title !== undefined) node.title = props.title;
  if (props.attrs) for (const [name, value] of Object.entries(props.attrs)) node.setAttribute(name, value);
  if (props.dataset) for (const [name, value] of Object.entries(props.dataset)) node.dataset[name] = value;
  if (props.text !== undefined) node.textContent = props.text;
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`viewer: element #${id} is missing`);
  return node;
}

/** A link only for http(s) URLs; anything else (javascript:, data:, …) stays plain text. */
export function safeLink(url: string | undefined, text: string, className?: string): HTMLElement {
  const href = httpUrl(url);
  if (href === null) return el('span', { className, text });
  const a = el('a', { className, text, attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow' } });
  return a;
}

export function httpUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
