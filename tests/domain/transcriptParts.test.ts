import { describe, expect, it } from 'vitest';
import { chatTranscriptParts, renderChatTranscript, type TranscriptItem } from '../../src/domain/render';

const bytes = (s: string) => new TextEncoder().encode(s).length;
const T0 = Date.parse('2026-01-05T23:59:00Z');

function chat(n: number, text = (i: number) => `Message ${i} — café 東京 🎉`): TranscriptItem[] {
  return Array.from({ length: n }, (_, i) => ({ role: i % 2 ? 'AGENT' : 'CUSTOMER', displayName: i % 2 ? 'Priya' : 'Tom', text: text(i), atMs: T0 + i * 1000 }));
}

describe('chatTranscriptParts', () => {
  it('keeps a short transcript in one part', () => {
    expect(chatTranscriptParts(chat(3), 60_000)).toHaveLength(1);
    expect(chatTranscriptParts([], 60_000)).toEqual([[]]);
  });

  it('splits by UTF-8 bytes of the rendered HTML, in order, nothing lost (across a date change)', () => {
    const items = chat(400);
    const parts = chatTranscriptParts(items, 4_000);
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) expect(bytes(renderChatTranscript(p).html)).toBeLessThanOrEqual(4_000);
    expect(parts.flat()).toEqual(items);
  });

  it('cuts a message too long for one part into pieces over several parts', () => {
    const items = chat(1, () => 'ü'.repeat(10_000));
    const parts = chatTranscriptParts(items, 3_000);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(bytes(renderChatTranscript(p).html)).toBeLessThanOrEqual(3_000);
    expect(parts.flat().map((i) => i.text).join('')).toBe(items[0]!.text);
  });
});
