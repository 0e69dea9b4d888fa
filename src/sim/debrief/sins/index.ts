/**
 * The seven deadly sins of mediation (Brahimi & Ahmed 2008), each a detector over the log.
 */
import type { Sin, SinVerdict } from '../types';
import type { Run } from '../run';
import { detect, judgeSin, type SinDetector } from './sin';
import { IGNORANCE, detectIgnorance } from './ignorance';
import { ARROGANCE, detectArrogance } from './arrogance';
import { PARTIALITY, detectPartiality } from './partiality';
import { IMPOTENCE, detectImpotence } from './impotence';
import { HASTE, detectHaste } from './haste';
import { INFLEXIBILITY, detectInflexibility } from './inflexibility';
import { FALSE_PROMISES, detectFalsePromises } from './falsePromises';

export { detectIgnorance, detectArrogance, detectPartiality, detectImpotence, detectHaste, detectInflexibility, detectFalsePromises };

/** All seven, in Brahimi & Ahmed's order. */
const DETECTORS: readonly SinDetector[] = [IGNORANCE, ARROGANCE, PARTIALITY, IMPOTENCE, HASTE, INFLEXIBILITY, FALSE_PROMISES];

export function detectSins(run: Run): Sin[] {
  return DETECTORS.map((d) => detect(d, run));
}

/** The same seven, committed or not, without gathering the evidence. */
export function judgeSins(run: Run): SinVerdict[] {
  return DETECTORS.map((d) => judgeSin(d, run));
}
