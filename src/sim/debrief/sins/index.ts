/**
 * The seven deadly sins of mediation (Brahimi & Ahmed 2008), each a detector over the log.
 */
import type { Sin } from '../types';
import type { Run } from '../run';
import { detectIgnorance } from './ignorance';
import { detectArrogance } from './arrogance';
import { detectPartiality } from './partiality';
import { detectImpotence } from './impotence';
import { detectHaste } from './haste';
import { detectInflexibility } from './inflexibility';
import { detectFalsePromises } from './falsePromises';

export { detectIgnorance, detectArrogance, detectPartiality, detectImpotence, detectHaste, detectInflexibility, detectFalsePromises };

/** All seven, in Brahimi & Ahmed's order. */
export function detectSins(run: Run): Sin[] {
  return [
    detectIgnorance(run),
    detectArrogance(run),
    detectPartiality(run),
    detectImpotence(run),
    detectHaste(run),
    detectInflexibility(run),
    detectFalsePromises(run),
  ];
}
