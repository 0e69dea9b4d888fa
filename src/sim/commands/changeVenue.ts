/** Move the talks: a venue near the principals speeds ratification. It costs the rest of the turn. */
import { z } from 'zod';
import { defineCommand, idField, refuse, ANY_PHASE } from './spec';
import { venueAvailable } from '../rules/moves';

export const changeVenue = defineCommand({
  type: 'changeVenue',
  schema: z.strictObject({ type: z.literal('changeVenue'), venue: idField }),
  senders: ['mediator'],
  cost: 1,
  phases: ANY_PHASE,
  whyIllegal(s, w, cmd) {
    if (!s.venues.some((x) => x.id === cmd.venue)) return refuse('unknownVenue', { id: cmd.venue });
    if (w.venue === cmd.venue) return refuse('venue.same');
    if (!venueAvailable(s, w, cmd.venue)) return refuse('venue.notOffered', { id: cmd.venue });
    // Moving the talks takes the whole turn: it cannot be tacked on after the turn's other moves.
    if (w.ap < s.actionPoints) return refuse('venue.wholeTurn');
    return null;
  },
  spends: (w) => w.ap,
  apply(_s, w, cmd) {
    w.venue = cmd.venue;
    return { result: { key: 'move.changeVenue.done', params: { venue: cmd.venue } }, changes: [] };
  },
  candidates: (s) => s.venues.map((v) => ({ type: 'changeVenue' as const, venue: v.id })),
  fixedCandidates: true,
  form: [{ name: 'venue', kind: 'target', of: 'venue' }],
});
