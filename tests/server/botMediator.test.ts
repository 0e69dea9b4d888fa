/**
 * A bot mediator in a class with a delegation played by a person: when a proposal awaits that
 * person's answer, the bot waits for it as a mediator at the table would — then goes on when the
 * answer comes, or after the room's wait (`botAnswerWaitMs`) if it never does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, postJson, sleep, startTestClassroom, type Recorder, type TestClassroom } from './helpers';

const WAIT_MS = 1500;
let t: TestClassroom;
beforeAll(async () => {
  t = await startTestClassroom({ botAnswerWaitMs: WAIT_MS });
});
afterAll(async () => {
  await t?.classroom.close();
});

type ViewMsg = { view: { log: { kind: string; role?: string }[]; proposals: { id: number; responses: Record<string, string> }[] } };
const mediatorMoves = (v: ViewMsg) => v.view.log.filter((e) => e.kind === 'move' && e.role === 'mediator').length;
const waitingOnGov = (v: ViewMsg) => v.view.proposals.find((p) => p.responses.gov === 'pending');

describe('the bot mediator and a delegation played by a person', () => {
  let gov: Recorder;
  beforeAll(async () => {
    const r = await postJson(`${t.url}/api/exercises`, { scenario: 'tutorial', seed: 11, seats: ['party:gov'], mediatorBot: 'by-the-book', botDelayMs: 5 });
    expect(r.status).toBe(201);
    gov = await join(t.url, r.body.code, { seat: 'party:gov', name: 'Gus' });
  });
  afterAll(async () => {
    await gov?.room.leave();
  });

  it('waits for the answer, then goes on once it comes', async () => {
    const asked = (await gov.waitFor('view', (v: ViewMsg) => !!waitingOnGov(v), 20_000)) as ViewMsg;
    const proposal = waitingOnGov(asked)!.id;
    await sleep(WAIT_MS / 3);
    const still = gov.last('view') as ViewMsg;
    expect(waitingOnGov(still)?.id).toBe(proposal);
    expect(mediatorMoves(still), 'no move while the answer is awaited').toBe(mediatorMoves(asked));
    gov.room.send('command', { command: { type: 'respond', proposal, accept: true }, ref: 'answer' });
    await gov.waitFor('ack', (a) => a.ref === 'answer');
    const after = (await gov.waitFor('view', (v: ViewMsg) => mediatorMoves(v) > mediatorMoves(still), 5_000)) as ViewMsg;
    expect(mediatorMoves(after)).toBeGreaterThan(mediatorMoves(still));
  });

  it('goes on without the answer once the room has waited long enough', async () => {
    // The next proposal that waits for the person, seen as it arrives.
    const from = gov.messages.length;
    const fresh = async (pred: (v: ViewMsg) => boolean, timeout: number): Promise<ViewMsg> => {
      const end = Date.now() + timeout;
      for (;;) {
        const m = gov.messages.slice(from).find((x) => x.type === 'view' && pred(x.payload));
        if (m) return m.payload as ViewMsg;
        if (Date.now() > end) throw new Error('no such view');
        await sleep(10);
      }
    };
    const asked = await fresh((v) => !!waitingOnGov(v) && waitingOnGov(v)!.id > 1 && mediatorMoves(v) > 0, 20_000);
    const seenAt = Date.now();
    const proposal = waitingOnGov(asked)!.id;
    const on = await fresh((v) => mediatorMoves(v) > mediatorMoves(asked), WAIT_MS + 5_000);
    expect(Date.now() - seenAt, "the bot waited out the room's wait first").toBeGreaterThanOrEqual(WAIT_MS - 200);
    // It went on while the person's answer was still missing.
    expect(on.view.proposals.find((p) => p.id === proposal)?.responses.gov).toBe('pending');
  });
});
