/**
 * The engine's enumerated words, each written once. A leaf module (no imports): the scenario
 * format, the command registry, the bots and the screens all read these lists, so adding a kind
 * of gesture or a tone is one edit here plus its catalogue strings.
 */

/** The mediator's moves, in the order the move list and the random bot use. */
export const MEDIATOR_MOVES = [
  'caucus',
  'jointSession',
  'proposeAgenda',
  'proposeFormula',
  'proposePackage',
  'reframe',
  'requestCbm',
  'engageExternal',
  'engageSpoiler',
  'publicStatement',
  'consultExperts',
  'studyHistory',
  'technicalCommission',
  'changeVenue',
  'designVerification',
  'proposeNextPhase',
  'endTurn',
] as const;

/** Commands of the other seats (classroom play) and the instructor's inject. */
export const SEAT_COMMANDS = ['respond', 'gesture', 'walkOut', 'returnToTable', 'spoilerAction', 'externalAction', 'inject'] as const;

export const CBM_KINDS = ['prisonerRelease', 'releaseForeigners', 'humanitarianChannel', 'ceasefire'] as const;
export const SPOILER_ACTIONS = ['crackdown', 'arrest', 'denunciation', 'violence', 'callWalkout', 'leak'] as const;
export const SANCTION_KINDS = ['new', 'secondary', 'relief', 'snapback'] as const;
export const LEVERAGE = ['sanctions', 'recognition', 'money', 'guarantees', 'mediation'] as const;
export const EXTERNAL_ASKS = ['backing', 'incentive', 'restraint', 'guarantee'] as const;
export const SPOILER_APPROACHES = ['induce', 'socialize', 'coerce', 'isolate'] as const;
export const STATEMENT_TONES = ['sober', 'optimistic', 'critical'] as const;
