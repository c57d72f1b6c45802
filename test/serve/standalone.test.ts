import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { escapeJsonForHtml, renderStandaloneHtml } from '../../src/serve/standalone';

const DATA_BLOCK = /<script type="application\/json" id="graph-data">([\s\S]*?)<\/script>/;

describe('serve: standalone HTML', function () {
  let viewerDir: string;
  const hostile = {
    attributes: { documentCount: 1, sources: [{ id: 'd1', title: '</script><script>alert("title")</script>' }] },
    nodes: [{ key: 'x', attributes: { label: '<img src=x onerror=alert(1)>' } }],
    edges: [
      {
        key: 'x|urged|x',
        source: 'x',
        target: 'x',
        attributes: { evidence: [{ sentence: 'He said </script><script>alert(1)</script> and <!-- then $& $1 \u2028 & co.' }] },
      },
    ],
  };

  before(function () {
    viewerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-standalone-'));
    fs.writeFileSync(
      path.join(viewerDir, 'index.html'),
      '<!doctype html>\n<html>\n<head>\n<link rel="stylesheet" href="style.css">\n<script src="app.js" defer></script>\n</head>\n<body>\n<main></main>\n</body>\n</html>\n',
    );
    fs.writeFileSync(path.join(viewerDir, 'style.css'), 'body { color: red } /* </style><script>alert(2)</script> */\n');
    fs.writeFileSync(path.join(viewerDir, 'app.js'), 'var s = "</script><script>alert(3)</script>"; var t = "$&";\n//# sourceMappingURL=app.js.map\n');
  });

  after(function () {
    fs.rmSync(viewerDir, { recursive: true, force: true });
  });

  it('embeds the graph so that article text cannot close the script element', function () {
    const json = JSON.stringify(hostile);
    const html = renderStandaloneHtml(json, viewerDir);
    const m = DATA_BLOCK.exec(html);
    assert.ok(m && m[1] !== undefined, 'graph-data block present');
    assert.ok(!m[1].includes('<'), 'no raw < inside the data block');
    assert.deepEqual(JSON.parse(m[1]), hostile);
    assert.ok(!html.includes('<script>alert(1)'), 'no script element from a sentence');
    assert.ok(!html.includes('<script>alert("title")'), 'no script element from a title');
    assert.ok(!html.includes('<img src=x'), 'no img element from a label');
  });

  it('inlines the viewer JS and CSS, and pins them with a CSP', function () {
    const html = renderStandaloneHtml(JSON.stringify(hostile), viewerDir);
    assert.ok(!html.includes('href="style.css"'), 'stylesheet inlined');
    assert.ok(!html.includes('src="app.js"'), 'script inlined');
    assert.ok(!html.includes('sourceMappingURL'), 'no dangling source map');
    assert.match(html, /<style>\nbody \{ color: red \}/);
    assert.ok(html.includes('var s = "<\\/script><script>alert(3)<\\/script>"; var t = "$&";'), 'script end tags escaped, $& kept');
    assert.ok(!/<\/style><script>alert\(2\)/.test(html), 'style end tag escaped');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-/);
    // Two script elements: the data, then the app, which ends the body.
    assert.equal(html.split('<script type="application/json" id="graph-data">').length, 2);
    assert.match(html, /<\/script>\n<script>\nvar s = [^\n]*\n<\/script>\n<\/body>/);
  });

  it('refuses a graph that is not JSON and a missing viewer', function () {
    assert.throws(() => renderStandaloneHtml('{nope', viewerDir), { name: 'InputError' });
    assert.throws(() => renderStandaloneHtml('{}', path.join(viewerDir, 'missing')), { name: 'InputError' });
  });

  it('escapes JSON for HTML without changing its value', function () {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const escaped = escapeJsonForHtml(JSON.stringify(value));
        assert.ok(!/[<>&\u2028\u2029]/.test(escaped));
        assert.deepEqual(JSON.parse(escaped), JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});
