import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/domain/escape';

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"double" 'single'`, '&quot;double&quot; &#39;single&#39;'],
    ['&amp;', '&amp;amp;'],
    ['', ''],
    ['émoji 😀 ok', 'émoji 😀 ok'],
  ])('%j → %j', (input, out) => {
    expect(escapeHtml(input)).toBe(out);
  });

  it('leaves no raw markup characters', () => {
    const out = escapeHtml(`<img src=x onerror="alert('x')">&`);
    expect(out).not.toMatch(/[<>"']/);
    expect(out).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
  });
});
