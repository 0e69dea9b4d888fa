/** English strings for the instructor's console (spread into the catalogue in en.ts). */
export const CLASSROOM_CONSOLE: Record<string, string> = {};
