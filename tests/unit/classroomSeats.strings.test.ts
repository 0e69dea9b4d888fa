/**
 * The seat screens build some catalogue keys from the engine's own lists (spoiler actions, sanction
 * kinds, leverage, proposal kinds, channels): each must have its string, so that a new entry in the
 * engine's vocabulary cannot reach a student's screen as a bare key.
 */
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../src/i18n/index';
import { CBM_KINDS, LEVERAGE, SANCTION_KINDS, SPOILER_ACTIONS, type ProposalKind } from '../../src/sim/index';

// A record, so that a new kind of proposal fails the type check here until it is listed.
const PROPOSAL_KINDS = Object.keys({ agenda: 1, formula: 1, package: 1, cbm: 1, signing: 1 } satisfies Record<ProposalKind, 1>);

describe('seat screen strings', () => {
  it('has a name and a cost for every spoiler action, and a label for every sanction kind and leverage', () => {
    const keys = [
      ...SPOILER_ACTIONS.flatMap((a) => [`seats.spoiler.${a}`, `seats.spoiler.${a}.cost`]),
      ...SANCTION_KINDS.map((k) => `seats.power.sanction.${k}`),
      ...LEVERAGE.map((l) => `seats.leverage.${l}`),
      ...CBM_KINDS.map((k) => `cbm.${k}`),
    ];
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });
  it('names every kind of proposal, its status and every channel', () => {
    const keys = [
      ...PROPOSAL_KINDS.map((k) => `seats.proposal.kind.${k}`),
      ...['pending', 'accepted', 'rejected'].map((s) => `seats.proposal.status.${s}`),
      ...['accept', 'reject'].map((s) => `seats.proposal.yours.${s}`),
      ...['public', 'delegation', 'caucus'].map((c) => `seats.channel.${c}`),
    ];
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });
  it('names the seat commands in refusals', () => {
    for (const type of ['respond', 'gesture', 'walkOut', 'returnToTable', 'spoilerAction', 'externalAction'])
      expect(hasMessage(`move.${type}`), type).toBe(true);
    for (const key of ['response.counter', 'response.humanReject', 'seat.counter', 'refuse.counter.withAccept', 'refuse.counter.kind', 'refuse.counter.empty'])
      expect(hasMessage(key), key).toBe(true);
  });
});
