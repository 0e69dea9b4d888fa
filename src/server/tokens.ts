/**
 * Secrets: the seat token (a JWT, HS256, signed with a server secret kept in the store or given by
 * `CLASSROOM_SECRET`) binds a connection to one exercise, one seat and one holder generation; the
 * instructor token is a random secret of which only the sha256 is stored; join codes are short and
 * avoid letters that read alike.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Role } from '../sim/index';

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read aloud and type. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

export function joinCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export const isJoinCode = (s: unknown): s is string => typeof s === 'string' && s.length === CODE_LENGTH && [...s].every((c) => CODE_ALPHABET.includes(c));

export const randomId = (bytes = 12): string => randomBytes(bytes).toString('base64url');

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Compare a presented instructor token with the stored hash, in constant time. */
export function instructorTokenMatches(presented: unknown, storedHash: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 200) return false;
  const a = Buffer.from(sha256(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SeatClaims {
  /** Exercise id. */
  ex: string;
  role: Role;
  /** Holder id: one student (or one team member) in a seat. */
  sid: string;
  /** Holder generation: a reassignment bumps it, so older tokens stop working. */
  gen: number;
}

export class SeatTokens {
  private key: Uint8Array;
  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(c: SeatClaims): Promise<string> {
    return new SignJWT({ ex: c.ex, role: c.role, sid: c.sid, gen: c.gen })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setIssuer('third-side-classroom')
      .sign(this.key);
  }

  /** The claims of a valid token, or null (bad signature, other algorithm, malformed). */
  async verify(token: unknown): Promise<SeatClaims | null> {
    if (typeof token !== 'string' || token.length > 2000) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: 'third-side-classroom' });
      const { ex, role, sid, gen } = payload as Record<string, unknown>;
      if (typeof ex !== 'string' || typeof role !== 'string' || typeof sid !== 'string' || typeof gen !== 'number') return null;
      return { ex, role: role as Role, sid, gen };
    } catch {
      return null;
    }
  }
}

/** The secret: `CLASSROOM_SECRET` (at least 32 characters) or one generated once and kept in the store. */
export async function seatSecret(meta: (key: string, make: () => string) => Promise<string>, env = process.env.CLASSROOM_SECRET): Promise<string> {
  if (env && env.length >= 32) return env;
  if (env) console.warn('classroom: CLASSROOM_SECRET is shorter than 32 characters; using the stored secret instead');
  return meta('seatSecret', () => randomBytes(32).toString('base64url'));
}
