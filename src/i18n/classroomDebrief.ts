/** English strings for the class debrief, exports and handouts (spread into the catalogue in en.ts). */
export const CLASSROOM_DEBRIEF: Record<string, string> = {};
