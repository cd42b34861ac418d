import { isScaleCompound, SCALE_WORDS } from './number-words.js';
import { readUnit } from './unit-reader.js';

/** A fact's value in its base unit, as the extractor writes it. */
export interface BaseReading {
  base_value: number;
  base_unit: string;
}

/**
 * The base value and unit of `value` written in `unit`, read as the extractor reads a unit after a
 * figure: leading scale words (`tỷ`, `nghìn tỷ`) multiply the value except for a percentage, and
 * the rest goes through the same unit reader (`đồng` → VND, `km2` → km2, `triệu thuê bao` →
 * `thuê bao`). A unit the reader does not know is its own base unit, lower-cased. For a reviewer's
 * edit of a unit, so the base columns never go stale.
 */
export function baseOfUnit(value: number, unit: string): BaseReading {
  const written = unit.normalize('NFC').replace(/\s+/g, ' ').trim();
  const words = written.split(' ');
  let scale = 1;
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i].toLowerCase();
    const s = SCALE_WORDS.get(w);
    if (s === undefined || isScaleCompound(w, words[i + 1]?.toLowerCase())) break;
    scale *= s;
  }
  const rest = words.slice(i).join(' ');
  const reading = rest ? readUnit(rest, rest.toLowerCase(), 0) : undefined;
  const whole = reading !== undefined && reading.end >= rest.length;
  const percent = whole && reading.kind === 'percent';
  const base = value * (percent ? 1 : scale);
  return {
    base_value: Number.isFinite(base) ? Math.round(base * 1e6) / 1e6 : value,
    base_unit: whole ? reading.baseUnit : rest.toLowerCase(),
  };
}
