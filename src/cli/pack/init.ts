/**
 * `npm run pack -- init <file>`: a commented starter pack to grow from. It validates with no
 * warning and a by-the-book mediator can sign it (tests/pack/init.test.ts plays it), so an author
 * starts from a pack that works and changes one thing at a time, validating as they go.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Output } from './validate';

const SCHEMA = fileURLToPath(new URL('../../../scenarios/schema.json', import.meta.url));

/** The path to scenarios/schema.json as written in a pack at `file`: relative, with forward slashes. */
export function schemaPathFor(file: string): string {
  const rel = relative(dirname(resolve(file)), SCHEMA)
    .split('\\')
    .join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The starter pack's text, naming the schema at `schemaPath`. */
export function starterPack(schemaPath = './schema.json'): string {
  return `# yaml-language-server: $schema=${schemaPath}
# A starter pack for Third Side, written by \`npm run pack -- init\`. It validates and can be won:
# change one thing at a time and run \`npm run pack -- validate <this file>\` after each change.
# The authoring guide is scenarios/README.md; every field is explained there (§5) and in your
# editor when it reads the schema named on the first line.
$schema: ${schemaPath}

pack:
  id: my-pack                      # stable id: saves refer to it, keep it across versions
  title: The Valley Water Talks
  version: 0.1.0
  authors: [Your Name]
  language: en
  description: A short exercise in separate talks, spoilers and trading across issues.
  learningObjectives:              # shown with the pack and in the debrief
    - Build trust in separate talks before proposing an agenda
    - Match the strategy to the spoiler type

scenarios:
  - id: valley
    version: "0.1"                 # quoted: 0.1 unquoted would be a number
    title: The Valley Water Talks
    period: A dry summer
    summary: >
      A national government and a valley council quarrel over a new dam: who gets its water,
      and who gets its money. Both say they want talks; neither trusts the other.
    turnLimit: 16                  # no signed agreement by then: the process collapses
    actionPoints: 3                # the mediator's moves per turn

    parties:
      # A party walks out when its BATNA (domesticStrength + 0.15 × its patrons' support) exceeds
      # what the process promises it (30 + 0.3 × trustInMediator at the start) by more than
      # thresholds.walkOutMargin (10). Keep BATNAs under about 50 at the start; the validator warns.
      - id: gov
        name: The Government
        short: Gov
        principal: The Prime Minister
        delegation: The water minister and two engineers
        publicStance: The dam serves the whole nation; the valley will be compensated.
        trustInMediator: 40        # meters run 0..100
        commitment: 40
        cohesion: 60
        trustIn: { valley: 25 }    # its trust in the other party
        domesticStrength: 42
        factions:                  # influence shares add up to 1
          - { id: gov-cabinet, name: The cabinet, influence: 0.7, stance: moderate }
          - id: gov-builders
            name: The construction lobby
            influence: 0.3
            stance: hardline
            spoiler: greedy        # hidden: none, limited, greedy or total
      - id: valley
        name: The Valley Council
        short: Valley
        principal: The council of elders
        delegation: Two mayors and a lawyer
        publicStance: Not one litre leaves the valley without our consent.
        trustIn: { gov: 20 }
        domesticStrength: 42
        factions:
          - { id: valley-mayors, name: The mayors, influence: 0.6, stance: moderate }
          - id: valley-youth
            name: The youth committees
            influence: 0.4
            stance: hardline
            spoiler: limited
            included: false        # not at the table: strikes more often

    externals:
      - id: bank
        name: The Development Bank
        kind: patron
        support: { gov: 40 }       # each point adds 0.15 to that party's BATNA
        leverage: [money]
      - id: neighbours
        name: The Neighbouring States
        kind: guarantor
        leverage: [guarantees, mediation]
        disposition: 30            # -100 hostile .. 100 supportive

    issues:
      # Each issue is a 0..100 scale. A party accepts values from its red line (reservation)
      # through its ideal to the end of the scale; the ranges must overlap on every core issue.
      - id: water
        name: Water share
        description: How much of the dam's water stays in the valley.
        low: None of it
        high: All of it
        core: [valley]             # must be on the agenda for the valley
        positions:
          gov: { public: 10, ideal: 25, weight: 3, reservation: 50 }
          valley: { public: 95, ideal: 80, weight: 5, reservation: 45 }
      - id: revenue
        name: Dam revenue
        description: How much of the electricity revenue goes to the national budget.
        low: None of it
        high: All of it
        core: [gov]
        positions:
          gov: { public: 100, ideal: 90, weight: 5, reservation: 50 }
          valley: { public: 20, ideal: 35, weight: 2, reservation: 70 }

    venues:
      - { id: retreat, name: A lakeside retreat }
      - { id: capital, name: The capital, nearPrincipals: true }
    startVenue: retreat

    thresholds:
      monitoringTurns: 3           # every threshold has a default; see the guide, §5.9

    injects:                       # the master scenario events list (MSEL)
      - id: builders-denounce
        turn: 3
        synopsis: The construction lobby denounces the talks as a sell-out.
        effect: { kind: spoiler, faction: gov-builders, action: denunciation }
        target: gov-builders
        expectedResponse:
          move: engageSpoiler
          target: gov-builders
          withinTurns: 2
          description: Socialize the construction lobby before it strikes again.
        learningObjective: Match the strategy to the spoiler type
        contingency:               # fires if the expected response does not come in time
          - id: cabinet-wavers
            synopsis: The cabinet hesitates to continue.
            effect: { kind: meters, party: gov, commitment: -8 }

    briefing:
      background: >
        A new dam at the head of the valley will bring electricity to half the country and change
        the lives of everyone downstream. The government calls it a national project; the valley
        council calls it theft. Protests have closed the valley road twice this spring. Both sides
        have agreed to meet you, separately and quietly, at a lakeside retreat.
      confidential:
        mediator: The Development Bank will not lend until the two sides agree.
        party:gov: The Bank's loan is your budget; you can give on water if you keep most of the revenue.
        party:valley: Your young people will not wait long; you need water you can show them.
`;
}

/** Write the starter pack to `file`; never overwrites. Exit codes: 0 written, 1 cannot write, 2 usage. */
export function initPack(args: string[], io: Output): number {
  const files = args.filter((a) => a !== '--' && !a.startsWith('--'));
  const options = args.filter((a) => a.startsWith('--') && a !== '--');
  const unknown = options.find((o) => o !== '--force');
  if (unknown) {
    io.err(`pack init: unknown option ${unknown}`);
    return 2;
  }
  if (files.length !== 1) {
    io.err('pack init: name one file to create, e.g. npm run pack -- init scenarios/my-pack.yaml');
    return 2;
  }
  const file = files[0]!;
  if (!/\.ya?ml$/i.test(file)) {
    io.err(`pack init: ${file}: the starter is YAML (it has comments); name a .yaml file`);
    return 2;
  }
  if (existsSync(file) && !options.includes('--force')) {
    io.err(`pack init: ${file} already exists; pick another name (or add --force to overwrite it)`);
    return 1;
  }
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, starterPack(schemaPathFor(file)));
  } catch (e) {
    io.err(`pack init: cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return 1;
  }
  io.out(`wrote ${file}: a starter pack with one scenario ("valley")`);
  io.out(`next: npm run pack -- validate ${file}`);
  io.out(`      npm run pack -- preview ${file} --role party:gov     (what a seat will read)`);
  io.out(`      npm run sim -- --scenario ${file} --policy by-the-book --runs 30`);
  io.out('the authoring guide: scenarios/README.md');
  return 0;
}
