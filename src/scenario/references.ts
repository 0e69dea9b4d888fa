/**
 * Checks the schema cannot express: every id a scenario mentions must exist, ids must be unique,
 * injects must fall inside the game, and every party needs what the phases ask of it.
 */
import type { Scenario, Effect, Condition } from './schema';
import type { LoadProblem } from './load';

type Path = (string | number)[];

export function checkReferences(s: Scenario): LoadProblem[] {
  const out: LoadProblem[] = [];
  const err = (path: Path, message: string, hint?: string, expected?: string) =>
    out.push({ path, message, severity: 'error', ...(hint ? { hint } : {}), ...(expected ? { expected } : {}) });
  const warn = (path: Path, message: string, hint?: string) => out.push({ path, message, severity: 'warning', ...(hint ? { hint } : {}) });

  const partyIds = s.parties.map((p) => p.id);
  const factionIds = s.parties.flatMap((p) => p.factions.map((f) => f.id));
  const externalIds = s.externals.map((e) => e.id);
  const issueIds = s.issues.map((i) => i.id);
  const venueIds = s.venues.map((v) => v.id);
  const list = (ids: string[]) => (ids.length ? [...new Set(ids)].map((x) => `"${x}"`).join(', ') : '(none defined)');

  const dupes = (ids: string[], where: (i: number) => Path, what: string) => {
    const seen = new Set<string>();
    ids.forEach((x, i) => {
      if (seen.has(x)) err(where(i), `duplicate ${what} id "${x}"`, 'every id must be unique in the scenario');
      seen.add(x);
    });
  };
  dupes(partyIds, (i) => ['parties', i, 'id'], 'party');
  dupes(externalIds, (i) => ['externals', i, 'id'], 'external actor');
  dupes(issueIds, (i) => ['issues', i, 'id'], 'issue');
  dupes(venueIds, (i) => ['venues', i, 'id'], 'venue');
  const allFactionPaths: Path[] = [];
  s.parties.forEach((p, pi) => p.factions.forEach((_, fi) => allFactionPaths.push(['parties', pi, 'factions', fi, 'id'])));
  dupes(factionIds, (i) => allFactionPaths[i]!, 'faction');
  const injectIds = s.injects.flatMap((inj) => [inj.id, ...inj.contingency.map((c) => c.id)]);
  const injectPaths: Path[] = s.injects.flatMap((inj, i) => [['injects', i, 'id'], ...inj.contingency.map((_, c) => ['injects', i, 'contingency', c, 'id'])]);
  dupes(injectIds, (i) => injectPaths[i]!, 'inject');

  const ref = (path: Path, value: string | undefined, ids: string[], what: string) => {
    if (value !== undefined && !ids.includes(value)) err(path, `unknown ${what} "${value}"`, `known ${what} ids: ${list(ids)}`, `a ${what} id`);
  };

  /** trustIn names the party's trust in the others: its own id there is a slip, not an unknown party. */
  const selfTrust = (path: Path, self: string, ids: string[]) => {
    const others = ids.filter((x) => x !== self);
    err(
      path,
      `a party cannot trust itself: "${self}" is the party this trustIn belongs to`,
      `trustIn gives its trust in the other parties: ${list(others)}`,
      "another party's id",
    );
  };

  s.parties.forEach((p, pi) => {
    for (const other of Object.keys(p.trustIn)) {
      if (other === p.id) selfTrust(['parties', pi, 'trustIn', other], p.id, partyIds);
      else ref(['parties', pi, 'trustIn', other], other, partyIds, 'party');
    }
    p.refuses.forEach((x, i) => ref(['parties', pi, 'refuses', i], x, issueIds, 'issue'));
    const share = p.factions.reduce((a, f) => a + f.influence, 0);
    if (Math.abs(share - 1) > 0.05)
      warn(['parties', pi, 'factions'], `faction influence adds up to ${share.toFixed(2)}, not 1`, 'influence is a share of the party');
  });
  s.externals.forEach((e, ei) => Object.keys(e.support).forEach((k) => ref(['externals', ei, 'support', k], k, partyIds, 'party')));
  s.issues.forEach((iss, ii) => {
    iss.core.forEach((c, ci) => ref(['issues', ii, 'core', ci], c, partyIds, 'party'));
    for (const k of Object.keys(iss.positions)) ref(['issues', ii, 'positions', k], k, partyIds, 'party');
    for (const pid of partyIds) {
      if (!Object.hasOwn(iss.positions, pid))
        err(['issues', ii, 'positions'], `no position for party "${pid}"`, 'every party needs a position on every issue', `a key "${pid}"`);
    }
  });
  for (const pid of partyIds) {
    if (!s.issues.some((i) => i.core.includes(pid))) {
      warn(
        ['issues'],
        `party "${pid}" has no core issue`,
        'an agenda is accepted by a party only when it holds its core issues; with none, any agenda will do',
      );
    }
  }
  if (s.startVenue) ref(['startVenue'], s.startVenue, venueIds, 'venue');

  const checkEffect = (path: Path, e: Effect) => {
    switch (e.kind) {
      case 'spoiler':
        return ref([...path, 'faction'], e.faction, factionIds, 'faction');
      case 'sanctions':
        ref([...path, 'actor'], e.actor, externalIds, 'external actor');
        return ref([...path, 'target'], e.target, partyIds, 'party');
      case 'cbm':
      case 'walkOut':
        return ref([...path, 'party'], e.party, partyIds, 'party');
      case 'supportShift':
        ref([...path, 'actor'], e.actor, externalIds, 'external actor');
        return ref([...path, 'party'], e.party, partyIds, 'party');
      case 'deadline':
        return ref([...path, 'party'], e.party, partyIds, 'party');
      case 'venueOffer':
        return ref([...path, 'venue'], e.venue, venueIds, 'venue');
      case 'meters':
        for (const other of Object.keys(e.trustIn ?? {})) {
          if (other === e.party) selfTrust([...path, 'trustIn', other], e.party, partyIds);
          else ref([...path, 'trustIn', other], other, partyIds, 'party');
        }
        return ref([...path, 'party'], e.party, partyIds, 'party');
      default:
        return;
    }
  };
  const checkCondition = (path: Path, c: Condition | undefined) => {
    if (!c) return;
    if (c.partyMeter) ref([...path, 'partyMeter', 'party'], c.partyMeter.party, partyIds, 'party');
    if (c.notEngaged) ref([...path, 'notEngaged'], c.notEngaged, [...externalIds, ...factionIds], 'external actor or faction');
    if (c.minTurn && c.maxTurn && c.minTurn > c.maxTurn)
      err([...path, 'maxTurn'], `maxTurn ${c.maxTurn} is before minTurn ${c.minTurn}`, 'the condition can never hold');
  };
  const anyTarget = [...partyIds, ...externalIds, ...factionIds, ...issueIds];
  s.injects.forEach((inj, i) => {
    const base: Path = ['injects', i];
    if (inj.turn === undefined && inj.condition === undefined)
      err(base, `inject "${inj.id}" has neither a turn nor a condition`, 'give it "turn: N" or a "condition"');
    if (inj.turn !== undefined && inj.turn > s.turnLimit)
      err(
        [...base, 'turn'],
        `inject "${inj.id}" is set for turn ${inj.turn}, after the last turn (${s.turnLimit})`,
        undefined,
        `a turn from 1 to ${s.turnLimit}`,
      );
    checkEffect([...base, 'effect'], inj.effect);
    checkCondition([...base, 'condition'], inj.condition);
    ref([...base, 'target'], inj.target, anyTarget, 'target');
    // A changeVenue response names a venue, so venues count as targets here.
    if (inj.expectedResponse?.target) ref([...base, 'expectedResponse', 'target'], inj.expectedResponse.target, [...anyTarget, ...venueIds], 'target');
    if (inj.contingency.length > 0 && !inj.expectedResponse)
      warn(
        [...base, 'contingency'],
        `inject "${inj.id}" has contingencies but no expectedResponse`,
        'contingencies fire only when an expected response does not come',
      );
    inj.contingency.forEach((c, ci) => {
      checkEffect([...base, 'contingency', ci, 'effect'], c.effect);
      checkCondition([...base, 'contingency', ci, 'condition'], c.condition);
    });
  });
  s.randomEvents.forEach((ev, i) => checkEffect(['randomEvents', i, 'effect'], ev.effect));
  for (const role of Object.keys(s.briefing.confidential)) {
    const m = /^(party|faction|external):(.+)$/.exec(role);
    const ok =
      role === 'mediator' || role === 'instructor' || (m && (m[1] === 'party' ? partyIds : m[1] === 'faction' ? factionIds : externalIds).includes(m[2]!));
    if (!ok) err(['briefing', 'confidential', role], `unknown role "${role}"`, 'use "mediator", "party:<id>", "faction:<id>" or "external:<id>"');
  }
  return out;
}
