/**
 * The mediator's view for a bot choosing one move: the same parts, built by the same code, as
 * viewFor(g, 'mediator'), but each part only when first read (a bot reads a few per move, the
 * random bot none). Read it at once: within a played game the world may change in place after
 * the next command, and a part not yet read would show the new world.
 */
import type { Scenario } from '../../scenario/schema';
import type { LogEntry, ProcessPhase, Proposal, TalkFormat, Visibility, World } from '../types';
import { isOver, worldOf, type Game } from '../game';
import { criteriaFor } from '../rules/criteria';
import { endCause, type EndCause } from '../rules/ending';
import { progress } from '../rules/progress';
import {
  MEDIATOR,
  externalViews,
  fixedPartsOf,
  issueViews,
  logSeenBy,
  partyViews,
  proposalsSeenBy,
  type ExternalView,
  type IssueView,
  type PartyView,
  type View,
} from '../view';

class MediatorView implements View {
  readonly role = 'mediator';
  readonly scenario: View['scenario'];
  readonly turn: number;
  readonly turnLimit: number;
  readonly ap: number;
  readonly apMax: number;
  readonly phase: ProcessPhase;
  readonly resumePhase: ProcessPhase | null;
  readonly over: boolean;
  readonly talkFormat: TalkFormat;
  readonly visibility: Visibility;
  readonly venue: string | null;
  readonly venues: View['venues'];
  readonly verification: number;
  readonly complianceTurns: number;
  readonly monitoringTurns: number;
  readonly log: readonly LogEntry[];
  readonly #s: Scenario;
  readonly #w: World;
  #progress?: number;
  #criteria?: View['criteria'];
  #parties?: PartyView[];
  #externals?: ExternalView[];
  #issues?: IssueView[];
  #agenda?: string[] | null;
  #proposals?: Proposal[];
  #knowledge?: View['knowledge'];
  #ending?: EndCause | null;

  constructor(g: Game) {
    const s = g.scenario;
    const w = worldOf(g);
    const fixed = fixedPartsOf(g);
    this.#s = s;
    this.#w = w;
    this.scenario = fixed.scenario;
    this.turn = w.turn;
    this.turnLimit = s.turnLimit;
    this.ap = w.ap;
    this.apMax = s.actionPoints;
    this.phase = w.phase;
    this.resumePhase = w.resumePhase;
    this.over = isOver(g);
    this.talkFormat = w.talkFormat;
    this.visibility = w.visibility;
    this.venue = w.venue;
    this.venues = fixed.venues;
    this.verification = w.verification;
    this.complianceTurns = w.complianceTurns;
    this.monitoringTurns = s.thresholds.monitoringTurns;
    this.log = logSeenBy(w, MEDIATOR);
  }

  get progress(): number {
    return (this.#progress ??= progress(this.#w));
  }
  get criteria(): View['criteria'] {
    return (this.#criteria ??= criteriaFor(this.#s, this.#w));
  }
  get parties(): PartyView[] {
    return (this.#parties ??= partyViews(this.#s, this.#w, MEDIATOR));
  }
  get externals(): ExternalView[] {
    return (this.#externals ??= externalViews(this.#s, this.#w));
  }
  get issues(): IssueView[] {
    return (this.#issues ??= issueViews(this.#s, this.#w, MEDIATOR));
  }
  get agenda(): string[] | null {
    if (this.#agenda === undefined) this.#agenda = this.#w.agenda ? [...this.#w.agenda] : null;
    return this.#agenda;
  }
  get proposals(): Proposal[] {
    return (this.#proposals ??= proposalsSeenBy(this.#w, MEDIATOR));
  }
  get ending(): EndCause | null {
    if (this.#ending === undefined) this.#ending = endCause(this.#s, this.#w);
    return this.#ending;
  }
  get knowledge(): View['knowledge'] {
    return (this.#knowledge ??= { briefing: this.#w.knowledge.briefing, history: this.#w.knowledge.history });
  }
}

/** What the mediator sees now, for a bot: equal, part for part, to viewFor(g, 'mediator'). */
export const mediatorView = (g: Game): View => new MediatorView(g);
