// Agent messages (src/i18n/messages.ts): what the rules tell the agent is data, rendered in the
// agent's language with its phrases; the English text (what tickets record) is unchanged.
import { describe, expect, it } from 'vitest';
import { catalogFor, loadCatalog, preloadLocales } from '../../src/i18n';
import { cap, english, msg, renderMessage } from '../../src/i18n/messages';
import { resolveAttachToCurrent } from '../../src/domain/rules/manual';
import { callerProblem, warning } from '../../src/domain/rules/notices';

await preloadLocales();

const shared = { kind: 'ambiguous', by: 'phone', users: [
  { id: 22, name: 'Sam Reed', role: 'end-user', phone: '+447700900789', email: null },
  { id: 23, name: 'Sara Reed', role: 'end-user', phone: '+447700900789', email: null },
] } as const;

describe('agent messages', () => {
  it('render phrases, lists and a capital first letter in each language', () => {
    const m = msg('agent.openRightUserSwitched', { who: callerProblem(shared as never), choose: msg('agent.choose') });
    expect(english(m)).toBe(
      "Switched to manual assignment: 2 users share the caller's number (Sam Reed, user #22; Sara Reed, user #23). Open the right user, then click Create ticket, or open the right ticket and click Attach to current.",
    );
    expect(renderMessage(m, catalogFor('ja'))).toBe(
      '手動割り当てに切り替えました：2 人のユーザーが発信者の番号を共有している（Sam Reed（ユーザー #22）、Sara Reed（ユーザー #23））。正しいユーザーを開き、その後「チケットを作成」をクリックするか、正しいチケットを開いて「表示中のチケットに追加」をクリックしてください。',
    );
    // German capitalises the sentence after the colon; French does not.
    expect(renderMessage(m, catalogFor('de'))).toMatch(/^Zur manuellen Zuweisung gewechselt: 2 Benutzer teilen sich die Nummer des Anrufers \(Sam Reed, Benutzer #22; Sara Reed, Benutzer #23\)\. Öffnen Sie/);
    const withheld = msg('agent.in.flipCaller', { who: msg('agent.caller.withheld'), choose: msg('agent.choose') });
    expect(renderMessage(withheld, catalogFor('de'))).toMatch(/^Zur manuellen Zuweisung gewechselt: Die Nummer des Anrufers ist unterdrückt/);
    expect(renderMessage(withheld, catalogFor('fr'))).toMatch(/^Passage à l'attribution manuelle : le numéro de l'appelant est masqué/);
    expect(renderMessage(cap(msg('agent.caller.noData')), catalogFor('es'))).toBe('El cliente no dio nombre, correo electrónico ni número de teléfono');
  });

  it('a notice keeps the English for the ticket and the message for the agent', () => {
    const r = resolveAttachToCurrent({ viewedTicket: null, caller: { kind: 'anonymous' } });
    if (r.ok) throw new Error('expected a refusal');
    expect(r.notice.text).toBe('Open the ticket you want to attach this call to, then click Attach to current.');
    expect(renderMessage(r.notice.message!, catalogFor('es'))).toBe('Abra el ticket al que quiere adjuntar esta llamada y luego haga clic en «Adjuntar al actual».');
    // Text that is not a message yet stays as it is.
    expect(warning('plain words')).toEqual({ level: 'warning', text: 'plain words', record: true });
  });

  it("chooses the agent's language from the Zendesk locale, English when there is none", async () => {
    expect(await loadCatalog('de-AT')).toBe('de');
    expect(await loadCatalog('pt-BR')).toBe('en');
    expect(renderMessage(msg('agent.manual.closed', { id: 7 }), catalogFor(await loadCatalog('pt-BR')))).toBe(
      'Ticket #7 is closed, so this call cannot be attached to it. Open another ticket, or click Create ticket.',
    );
  });
});
