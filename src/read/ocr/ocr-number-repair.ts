/**
 * Repairs of numbers mangled by OCR in Vietnamese reports, made only where the context
 * leaves one reading. Vietnamese writes `1.600.000` (dot thousands) and `12,5` (comma
 * decimal). Every repair is returned so the caller can warn and lower confidence.
 */

export type RepairKind =
  /** A letter read for a digit inside a number: `2O21` → `2021`, `l.600` → `1.600`. */
  | 'letter-digit'
  /** A space inside a thousands-grouped number: `1. 600.000` → `1.600.000`. */
  | 'split-group'
  /** A comma read for a thousands dot between dot groups: `1,600.000` → `1.600.000`. */
  | 'separator';

export interface Repair {
  kind: RepairKind;
  /** The text before and after the repair. */
  from: string;
  to: string;
  /** Half-open span of `from` in the line as it was given. */
  start: number;
  end: number;
}

export interface RepairResult {
  text: string;
  repairs: Repair[];
}

/** Confidence kept per repair: a line with n repairs has its confidence multiplied by this to the n. */
export const REPAIR_CONFIDENCE_FACTOR = 0.9;

const LOOKALIKE: Record<string, string> = { O: '0', o: '0', l: '1', I: '1' };

/** A run of digits and digit look-alikes, with `.`/`,` only between them, standing alone. */
const NUMBERISH = /(?<![\p{L}\p{N}])[0-9OolI](?:[0-9OolI]|[.,](?=[0-9OolI]))*(?![\p{L}\p{N}])/gu;

/** Thousands-grouped number broken by a space next to a dot: left part, dot, spaces, 3 digits. */
const SPLIT_GROUP = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:\.\d{3})*)(?: +\.|\. +| +\. +)(\d{3}(?:\.\d{3})*)(?![\p{L}\p{N}]|[.,]\d)/gu;

/** Separators mixed inside one grouped number, e.g. `1,600.000` or `1.600,000.000`. */
const MIXED_GROUPS = /(?<![\p{L}\p{N}.,])\d{1,3}(?:[.,]\d{3}){2,}(?![\p{L}\p{N}]|[.,]\d)/gu;

export function repairNumbers(line: string): RepairResult {
  // Each pass maps spans of the current text; spans are reported against the original line.
  const repairs: Repair[] = [];
  let text = line;
  let offsets = identityOffsets(line.length);

  const apply = (kind: RepairKind, start: number, end: number, to: string): void => {
    const from = text.slice(start, end);
    repairs.push({ kind, from: line.slice(offsets[start], offsets[end]), to, start: offsets[start], end: offsets[end] });
    text = text.slice(0, start) + to + text.slice(end);
    // Every character of the replacement maps to the start of what it replaced; the end is kept.
    const mapped = Array.from({ length: to.length }, (_, i) => (i < from.length ? offsets[start + i] : offsets[end]));
    offsets = [...offsets.slice(0, start), ...mapped, ...offsets.slice(end)];
  };

  for (const match of [...text.matchAll(NUMBERISH)].reverse()) {
    const token = match[0];
    const digits = (token.match(/[0-9]/g) ?? []).length;
    const letters = (token.match(/[OolI]/g) ?? []).length;
    // At least two real digits, fewer letters than digits, and something to repair.
    if (letters === 0 || digits < 2 || letters >= digits) continue;
    const fixed = token.replace(/[OolI]/g, (c) => LOOKALIKE[c]);
    if (!isPlausibleNumber(fixed)) continue;
    apply('letter-digit', match.index, match.index + token.length, fixed);
  }

  for (const match of [...text.matchAll(SPLIT_GROUP)].reverse()) {
    const [whole, left, right] = match;
    // Only when the joined number has at least two dot groups: `1. 600.000`, `1.600. 000`.
    const groups = left.split('.').length + right.split('.').length;
    if (groups < 3) continue;
    // `1. 600.000` at the start of a line is a list number followed by a number.
    if (!left.includes('.') && text.slice(0, match.index).trim() === '') continue;
    apply('split-group', match.index, match.index + whole.length, `${left}.${right}`);
  }

  for (const match of [...text.matchAll(MIXED_GROUPS)].reverse()) {
    const token = match[0];
    if (!token.includes(',') || !token.includes('.')) continue;
    // The last separator decides: a dot there means every separator is a thousands dot.
    if (token[token.length - 4] !== '.') continue;
    apply('separator', match.index, match.index + token.length, token.replace(/,/g, '.'));
  }

  repairs.sort((a, b) => a.start - b.start);
  return { text, repairs };
}

/** A well-formed Vietnamese number: plain digits, dot thousands groups, optional comma decimals, or a date. */
function isPlausibleNumber(token: string): boolean {
  return /^(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$/.test(token) || /^\d+,\d+$/.test(token) || /^\d{1,2}[./]\d{1,2}[./]\d{4}$/.test(token);
}

function identityOffsets(length: number): number[] {
  return Array.from({ length: length + 1 }, (_, i) => i);
}

/** Confidence after `n` repairs. */
export function repairedConfidence(confidence: number, repairs: number): number {
  return confidence * REPAIR_CONFIDENCE_FACTOR ** repairs;
}
