// XML text hygiene: what may appear in an XML 1.0 document, and how to escape the rest.

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
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const ATTRIBUTE_SPECIALS = /[&<>"\t\n\r]/g;

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const TEXT_SPECIALS = /[&<>\r]/g;

/** A string as the value of a double-quoted XML attribute. */
export function escapeAttribute(value: string): string {
  return sanitizeXmlText(value).replace(ATTRIBUTE_SPECIALS, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** A string as element text content. */
export function escapeText(value: string): string {
  return sanitizeXmlText(value).replace(TEXT_SPECIALS, (c) => TEXT_ESCAPES[c] ?? c);
}

/** ` name="value"` for each defined pair, in order. */
export function xmlAttributes(pairs: readonly (readonly [string, string | undefined])[]): string {
  let out = '';
  for (const [name, value] of pairs) {
    if (value !== undefined) out += ` ${name}="${escapeAttribute(value)}"`;
  }
  return out;
}
