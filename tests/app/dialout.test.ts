// The small rules behind click-to-dial and the Talk Partner Edition diagnostics.
import { describe, expect, it } from 'vitest';
import { DialoutOnce, dialoutNumber, SAME_CLICK_MS } from '../../src/app/dialout';
import { talkPartnerEditionFrom, voiceErrorText } from '../../src/app/talkPartnerEdition';

describe('one click, one dial', () => {
  it('drops the copy of a click that the other source reported, not a second click', () => {
    const once = new DialoutOnce();
    expect(once.accept('+447700900123', 'direct', 0)).toBe(true);
    expect(once.accept('+447700900123', 'relayed', 20)).toBe(false); // the same click, relayed
    expect(once.accept('+447700900123', 'direct', 1000)).toBe(true); // clicked again
    expect(once.accept('+447700900123', 'relayed', 1010)).toBe(false);
    expect(once.accept('+447700900456', 'relayed', 1020)).toBe(true); // another number
    expect(once.accept('+447700900456', 'direct', 1030 + SAME_CLICK_MS)).toBe(true); // too late to be the same click
  });

  it('reads only the number of the payload', () => {
    expect(dialoutNumber({ number: ' +447700900123 ', ticketId: 7 })).toBe('+447700900123');
    expect(dialoutNumber({ number: 447700900123 })).toBe('447700900123');
    expect(dialoutNumber({ ticketId: 7 })).toBeNull();
    expect(dialoutNumber(null)).toBeNull();
  });
});

describe('Talk Partner Edition from what Zendesk answers', () => {
  const answer = (status: number, error?: string) => ({ status, responseJSON: error ? { error } : {} });
  it('403 or a missing endpoint on /api/v2/channels/voice is a missing Talk Partner Edition; a missing record is not', () => {
    expect(talkPartnerEditionFrom('POST', '/api/v2/channels/voice/tickets.json', answer(403, 'Forbidden'))).toEqual({
      kind: 'missing',
      status: 403,
      method: 'POST',
      path: '/api/v2/channels/voice/tickets.json',
    });
    expect(talkPartnerEditionFrom('POST', '/api/v2/channels/voice/tickets.json', answer(404, 'InvalidEndpoint'))).toMatchObject({ kind: 'missing', status: 404 });
    expect(talkPartnerEditionFrom('POST', '/api/v2/channels/voice/agents/1/tickets/9/display.json', answer(404, 'RecordNotFound'))).toBeNull();
    expect(talkPartnerEditionFrom('POST', '/api/v2/channels/voice/tickets.json', answer(201))).toEqual({ kind: 'available' });
    expect(talkPartnerEditionFrom('POST', '/api/v2/tickets.json', answer(403, 'Forbidden'))).toBeNull();
    expect(talkPartnerEditionFrom('POST', '/api/v2/channels/voice/tickets.json', answer(429))).toBeNull();
  });

  it('reads a voice.error payload of any shape', () => {
    expect(voiceErrorText('Talk Partner Edition is not enabled')).toBe('Talk Partner Edition is not enabled');
    expect(voiceErrorText({ message: 'not enabled' })).toBe('not enabled');
    expect(voiceErrorText({ error: { description: 'nope' } })).toBe('nope');
    expect(voiceErrorText({ code: 7 })).toBe('{"code":7}');
    expect(voiceErrorText(undefined)).toBe('');
  });
});
