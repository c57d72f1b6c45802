// One self-contained HTML file: the built viewer (JS and CSS inlined) plus the graph, embedded as
// JSON in <script type="application/json" id="graph-data">. Opens offline, from file://, anywhere.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, messageOf } from '../errors';
import { DEFAULT_SERVE_OPTIONS } from './index';

/**
 * Escapes JSON text for a <script> element: `<`, `>` and `&` become \u escapes (still valid JSON,
 * same value), so `</script>` or `<!--` in article text cannot end the element or change parsing.
 * U+2028/2029 are escaped too, for tools that read the block as JavaScript.
 */
export function escapeJsonForHtml(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Keeps our own bundle from ending its inline <script> early: `</script` becomes `<\/script`, the
 * same in strings, templates and regular expressions (where esbuild's output has it, if anywhere).
 */
function escapeInlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

function escapeInlineStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function readViewerFile(viewerDir: string, name: string): string {
  const file = path.join(viewerDir, name);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`viewer file missing (run \`npm run build\`): ${messageOf(e)}`, file, { cause: e });
  }
}

/**
 * The standalone viewer page for graphJson (the text of graph.json). Throws InputError when the
 * viewer is not built or graphJson is not JSON.
 */
export function renderStandaloneHtml(graphJson: string, viewerDir: string = DEFAULT_SERVE_OPTIONS.viewerDir): string {
  try {
    JSON.parse(graphJson);
  } catch (e) {
    throw new InputError(`graph is not valid JSON: ${messageOf(e)}`, 'graph.json', { cause: e });
  }
  const html = readViewerFile(viewerDir, 'index.html');
  const css = readViewerFile(viewerDir, 'style.css');
  const js = readViewerFile(viewerDir, 'app.js').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');

  const styleTag = /<link\b[^>]*\bhref="style\.css"[^>]*>/;
  const scriptTag = /<script\b[^>]*\bsrc="app\.js"[^>]*><\/script>/;
  if (!styleTag.test(html) || !scriptTag.test(html)) {
    throw new InputError('index.html does not reference style.css and app.js', path.join(viewerDir, 'index.html'));
  }
  const data = `<script type="application/json" id="graph-data">${escapeJsonForHtml(graphJson)}</script>`;
  const styleText = `\n${escapeInlineStyle(css)}`;
  const scriptText = `\n${escapeInlineScript(js)}`;
  // No server sends a CSP for a file opened from disk: pin the two inline blocks by hash instead.
  const csp =
    `default-src 'none'; script-src '${sha256(scriptText)}'; style-src '${sha256(styleText)}'; ` +
    "img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'";
  // Inline scripts run at once: the data and the app go at the end of <body>. Placeholders are
  // put in first so that no pattern can match inside the inlined text.
  const skeleton = html
    .replace(/<head>/i, '<head>\u0000csp\u0000')
    .replace(styleTag, '\u0000style\u0000')
    .replace(scriptTag, '')
    .replace(/<\/body>/i, '\u0000script\u0000</body>');
  const parts: Record<string, string> = {
    csp: `\n<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    style: `<style>${styleText}</style>`,
    script: `${data}\n<script>${scriptText}</script>\n`,
  };
  return skeleton
    .split('\u0000')
    .map((part, i) => (i % 2 === 1 ? (parts[part] ?? '') : part))
    .join('');
}
