export { POLICIES, POLICY, botCommand, bestKnownFormula } from './policies';
export type { PolicyId, Policy } from './policies';
export { playGame, withoutInjects, maxCommands } from './play';
export type { PlayOptions, PlayResult } from './play';
export { runSummary } from './summary';
export type { RunSummary } from './summary';
