/** What every room of this process shares: the store, the seat-token signer and the settings. */
import type { Store } from './store/types';
import type { SeatTokens } from './tokens';

export interface ClassroomContext {
  store: Store;
  tokens: SeatTokens;
  /** This process's name (SERVER_ID): it rebuilds the exercises it hosts after a restart. */
  serverId: string;
  /** How long a dropped client keeps its connection slot for an automatic reconnection. */
  reconnectSeconds: number;
  /** Token bucket per connection: messages per second and burst. */
  rate: { perSecond: number; burst: number };
  /** How long a bot mediator waits for a delegation's person to answer a proposal before going on. */
  botAnswerWaitMs: number;
}

let current: ClassroomContext | undefined;

export function setContext(ctx: ClassroomContext): void {
  current = ctx;
}

export function context(): ClassroomContext {
  if (!current) throw new Error('classroom: no context set (call setContext before creating rooms)');
  return current;
}
