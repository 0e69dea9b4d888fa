/** Colours, type and sizes: one place, so the table reads at 1280×720. */
export const W = 1280;
export const H = 720;

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';

export const C = {
  bg: 0x10161f,
  bgDeep: 0x0b1017,
  panel: 0x18212d,
  panelHi: 0x202b3a,
  line: 0x2e3b4e,
  text: 0xe8eef5,
  dim: 0x9fb0c4,
  accent: 0xffd166,
  good: 0x5cc28b,
  bad: 0xe06c75,
  warn: 0xf0a35e,
  table: 0x2a3a2f,
  tableRim: 0x6b4f2a,
} as const;

export const hex = (n: number): string => `#${n.toString(16).padStart(6, '0')}`;

/** One colour per party, in scenario order (colour-blind-safe pairs first). */
export const PARTY_COLORS = [0x4fa3e0, 0xe8a33d, 0xb48ead, 0x5cc28b, 0xe06c75, 0x56b6c2];
export const partyColor = (i: number): number => PARTY_COLORS[i % PARTY_COLORS.length]!;

export const METER_COLORS: Record<string, number> = {
  trustInMediator: 0x7fc8f8,
  commitment: 0x9ad17f,
  cohesion: 0xd3a6f5,
  batna: 0xf0a35e,
};

type TextStyle = {
  fontFamily: string;
  fontSize: string;
  color: string;
  fontStyle?: string;
  wordWrap?: { width: number; useAdvancedWrap?: boolean };
  lineSpacing?: number;
  align?: string;
};

export function ts(size: number, color: number = C.text, opts: { bold?: boolean; wrap?: number; italic?: boolean; align?: string } = {}): TextStyle {
  const style: TextStyle = { fontFamily: FONT, fontSize: `${size}px`, color: hex(color) };
  const fs = [opts.bold ? 'bold' : '', opts.italic ? 'italic' : ''].filter(Boolean).join(' ');
  if (fs) style.fontStyle = fs;
  if (opts.wrap) style.wordWrap = { width: opts.wrap, useAdvancedWrap: true };
  if (opts.align) style.align = opts.align;
  return style;
}
