export { POLICIES, POLICY, botCommand, bestKnownFormula } from './policies';
export type { PolicyId, Policy, BotId } from './policies';
export { EXPLOITS, EXPLOIT, exploitLabel, isExploit } from './exploits';
export { playGame, withoutInjects, maxCommands } from './play';
export type { PlayOptions, PlayResult } from './play';
export { runSummary } from './summary';
export type { RunSummary } from './summary';
