import { describe, expect, it } from 'vitest';
import { clipQueueName } from '../../src/domain/queueName';

describe('clipQueueName', () => {
  it.each([
    ['', '', false],
    ['BasicQueue', 'BasicQueue', false],
    ['x'.repeat(35), 'x'.repeat(35), false],
  ])('%j is not clipped', (name, text, clipped) => {
    expect(clipQueueName(name)).toEqual({ text, clipped });
  });

  it('keeps the first 26 and the last 8 characters of a longer name', () => {
    const name = 'Customer Service - Premium Support Line EMEA 01';
    const { text, clipped } = clipQueueName(name);
    expect(clipped).toBe(true);
    expect(Array.from(text)).toHaveLength(35);
    expect(text).toBe(name.slice(0, 26) + '…' + name.slice(-8));
    expect(text.endsWith('EMEA 01')).toBe(true);
  });

  it('clips at 36 characters', () => {
    const name = 'abcdefghijklmnopqrstuvwxyz0123456789'; // 36
    expect(clipQueueName(name)).toEqual({ text: 'abcdefghijklmnopqrstuvwxyz…23456789', clipped: true });
  });

  it('counts code points, never splitting a surrogate pair', () => {
    const name = '😀'.repeat(30) + 'Ünïcödé-Queue';
    const { text, clipped } = clipQueueName(name);
    expect(clipped).toBe(true);
    expect(Array.from(text)).toHaveLength(35);
    expect(text.startsWith('😀'.repeat(26) + '…')).toBe(true);
    expect(text.endsWith('dé-Queue')).toBe(true);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('a 35-emoji name is not clipped', () => {
    expect(clipQueueName('😀'.repeat(35)).clipped).toBe(false);
  });
});
