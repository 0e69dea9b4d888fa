/**
 * A class seat survives a reload of the tab: the join code and the seat's token (or the instructor's)
 * are kept in this tab's sessionStorage, so the page goes straight back to the same seat. Leaving
 * the class forgets them. Storage may be unavailable (private modes): then a reload asks again.
 */
const KEY = 'thirdSide.classSeat';

export interface KeptSeat {
  code: string;
  seatToken?: string;
  instructorToken?: string;
}

export function keepSeat(seat: KeptSeat): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(seat));
  } catch {
    // No storage: the seat is simply not kept across a reload.
  }
}

/** The kept seat, if any, and only if it has the shape we wrote (anything else is dropped). */
export function keptSeat(): KeptSeat | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<KeptSeat>;
    const str = (x: unknown) => typeof x === 'string' && x.length > 0 && x.length < 2000;
    if (!str(v.code) || !(str(v.seatToken) || str(v.instructorToken))) throw new Error('not a kept seat');
    return {
      code: v.code!,
      ...(str(v.seatToken) ? { seatToken: v.seatToken! } : {}),
      ...(str(v.instructorToken) ? { instructorToken: v.instructorToken! } : {}),
    };
  } catch {
    forgetSeat();
    return null;
  }
}

export function forgetSeat(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}
