import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, raw } from './html.js';

test('interpolated values are escaped; html fragments and raw() are not', () => {
  const name = '<script>alert("x")</script> & \'co\'';
  const out = html`<p title="${name}">${name}</p>${html`<b>${'a<b'}</b>`}${raw('<hr>')}`.value;
  assert.equal(
    out,
    '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ' +
      '&#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p><b>a&lt;b</b><hr>',
  );
});

test('arrays are joined and null, undefined, false render as nothing', () => {
  assert.equal(
    html`<ul>${['a', '<b>'].map((x) => html`<li>${x}</li>`)}</ul>${null}${undefined}${false}${0}`.value,
    '<ul><li>a</li><li>&lt;b&gt;</li></ul>0',
  );
});
