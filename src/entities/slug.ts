/** A stable node key from a name: "Volodymyr Zelenskyy" → "volodymyr-zelenskyy". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'unnamed';
}

/**
 * The key of a country's own body named like a US one ("Supreme Court" of Brazil → "supreme-court-of-brazil"):
 * made from the country's id, so that "Brazil's Supreme Court" and a bare "Supreme Court" in a story about
 * Brazil are one node.
 */
export function countryBodyId(body: string, country: string): string {
  return slugify(`${body} of ${country}`);
}
