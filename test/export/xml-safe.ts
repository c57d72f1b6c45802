/** What XML 1.0 can carry of a string, computed independently of src/export/xml.ts. */
export function xmlSafe(value: string): string {
  const wellFormed = (value as unknown as { toWellFormed(): string }).toWellFormed();
  return wellFormed.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/g, '\uFFFD');
}
