/** English strings for the students' seat screens (spread into the catalogue in en.ts). */
export const CLASSROOM_SEATS: Record<string, string> = {};
