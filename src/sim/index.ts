/**
 * Third Side's engine: pure TypeScript, no DOM, no clock, no unseeded randomness. The same module runs in
 * the browser, in Node (CLI, benchmarks, worker threads) and on a classroom server.
 */
export * from './types';
export { createGame, applyCommand, whyRefused, isOver, replay, stateHash, regions, worldOf } from './game';
export type { Game, ApplyResult, ProcessSnapshot } from './game';
export { viewFor } from './view';
export type { View, PartyView, FactionView, IssueView, ExternalView } from './view';
export { availableMoves, legalCommands, candidatesOf } from './available';
export type { MoveOption } from './available';
export { toSave, loadSave, SAVE_VERSION, RULES_VERSION } from './save';
/** The bots' own dice (seeded, apart from the world's), for servers and tools that let a bot play a seat. */
export { Dice, seedState } from './rng';
export type { Save, LoadSaveResult } from './save';
export { processMachine } from './machine';
export { MOVE_COST, MAX_COMMANDS, REGISTRY, MEDIATOR_COMMAND_TYPES, parseCommand, commandsFor, specOf } from './commands';
export type { CommandSpec, FormField, TargetKind, SenderKind } from './commands';
export { targetsOf, standIn } from './commands/forms';
export * from './vocabulary';
export { criteriaFor } from './rules/criteria';
export { endCause, END_CAUSES, type EndCause } from './rules/ending';
export { computeDebrief } from './debrief';
export type { Debrief } from './debrief';
/** Each delegation's result against its own interests (the class debrief). */
export { delegationResults } from './debrief/delegations';
export type { DelegationsReport, DelegationResult, IssueResult, TermsBasis } from './debrief/delegations';
export * as bots from './bots';
