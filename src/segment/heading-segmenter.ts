import { toRoman } from '../text/roman-numerals.js';
import { letterDistance, parseLabel, type HeadingLabel, type LabelKind } from './heading-label.js';

/**
 * Builds the heading tree from numbering. A paragraph whose start has the shape of a label
 * (heading-label) opens a section only when it fits the sequence:
 * - it continues an open sibling of the same family (`2.` after `1.`, `b)` after `a)`, `1.3`
 *   after `1.2`, `III.` after `I.`), searching from the deepest open section up; small gaps are
 *   accepted where writers leave them (a Roman numeral or an Arabic number skipped, `3.3` under
 *   `3` with no `3.1`) and reported;
 * - or it starts a new sequence: `I.` at the top, `1.`/`a)` under the deepest open section,
 *   `X.1` under the open section labelled `X`.
 * Anything else (`5. …` in the middle of nothing, `1.5 triệu …` under section 3) stays body.
 * Roman, Arabic and multi-level titles must start with a capital (Word-numbered paragraphs are
 * trusted as they are).
 */

export interface HeadingInput {
  text: string;
  bold?: boolean;
  /** The reader gives typography for this document (some block is bold): `bold` false means plain. */
  typography?: boolean;
  /** The paragraph before ends with `:`, a lead that introduces a list. */
  afterLead?: boolean;
  /** A table cell: never a heading. */
  cell?: boolean;
  /** The label came from Word automatic numbering: trust its shape. */
  numbered?: boolean;
  /** The text was read by OCR, which drops strokes of Roman numerals (`II.` read as `I.`). */
  ocr?: boolean;
}

export interface HeadingDecision {
  label: HeadingLabel;
  path: string;
  level: number;
  /** Set when the label skipped numbers in its sequence. */
  gap?: string;
  /** Set when an OCR'd Roman label was read as the next numeral of its sequence. */
  repaired?: string;
  /** How sure the decision is, from the sequence, the typography and the length (0–1). */
  confidence: number;
  /** Why the confidence is low, when it is. */
  doubt?: string;
}

/** A paragraph with the shape of a heading that the segmenter kept as body, and why. */
export interface Rejection {
  label: HeadingLabel;
  reason: 'list-item' | 'sequence';
  /** The paragraph looks like a heading (bold or short): worth a message. */
  strong: boolean;
}

export interface SegmenterOptions {
  /** How many Roman numerals may be skipped (`I.` → `III.`). */
  romanGap: number;
  /** How many Arabic numbers may be skipped. */
  arabicGap: number;
  /** How many letters may be skipped. */
  letterGap: number;
}

export const DEFAULT_SEGMENTER: SegmenterOptions = { romanGap: 2, arabicGap: 1, letterGap: 1 };

interface Open {
  label: HeadingLabel;
  path: string;
  bold?: boolean;
}

const RANK: Record<LabelKind, number> = { document: -1, part: 0, chapter: 1, division: 2, roman: 3, article: 4, arabic: 5, multilevel: 6, letter: 7 };
/** Kinds that open at most one sequence in a document (a second `I.` is not a new list). */
const ONCE: ReadonlySet<LabelKind> = new Set(['part', 'chapter', 'division', 'roman', 'article']);

function sameFamily(a: HeadingLabel, b: HeadingLabel): boolean {
  if (a.kind !== b.kind) return false;
  // `1.` and `1)` are two lists: a report's `2.` after a list of `1)`…`4)` closes that list
  if (a.kind === 'arabic') return a.sep === b.sep;
  if (a.kind !== 'multilevel') return true;
  const pa = a.parts ?? [];
  const pb = b.parts ?? [];
  return pa.length === pb.length && pa.slice(0, -1).join('.') === pb.slice(0, -1).join('.');
}

function step(prev: HeadingLabel, next: HeadingLabel): number {
  if (next.kind === 'letter') return next.value > prev.value ? letterDistance(prev.value - 1, next.value - 1) : 0;
  return next.value - prev.value;
}

function maxStep(kind: LabelKind, opts: SegmenterOptions): number {
  if (kind === 'roman' || kind === 'part') return 1 + opts.romanGap;
  if (kind === 'letter') return 1 + opts.letterGap;
  if (kind === 'multilevel') return 1 + opts.arabicGap;
  return 1 + opts.arabicGap;
}

function titleShapeOk(label: HeadingLabel, input: HeadingInput): boolean {
  if (input.numbered) return true;
  if (label.kind === 'part' || label.kind === 'chapter' || label.kind === 'division' || label.kind === 'article') return true;
  if (label.kind === 'letter') return label.rest.length > 0;
  const first = /^[\p{L}"“(]/u.exec(label.rest)?.[0] ?? '';
  if (!/^[\p{Lu}"“(]/u.test(first)) return false;
  if (label.kind === 'roman') return label.rest.length < 300;
  if (label.kind === 'multilevel') return label.rest.length < 300 || input.bold === true;
  return true;
}

export class HeadingSegmenter {
  private readonly stack: Open[] = [];
  private readonly paths = new Set<string>();

  constructor(private readonly opts: SegmenterOptions = DEFAULT_SEGMENTER) {}

  /** The path of the deepest open section ('' before the first heading). */
  get current(): string {
    return this.stack.length ? this.stack[this.stack.length - 1].path : '';
  }

  private pathOf(depth: number, label: HeadingLabel): string {
    const parent = depth > 0 ? this.stack[depth - 1].path : '';
    return parent ? `${parent}/${label.label}` : label.label;
  }

  private open(depth: number, label: HeadingLabel, input: HeadingInput, gap?: string, confidence = 0.85): HeadingDecision | undefined {
    const path = this.pathOf(depth, label);
    if (this.paths.has(path)) return undefined;
    this.stack.length = depth;
    this.stack.push({ label, path, bold: input.bold });
    this.paths.add(path);
    return { label, path, level: depth, confidence, ...(gap ? { gap } : {}) };
  }

  /** What the segmenter kept as body although it had a label, since the last call. */
  rejected?: Rejection;

  /** Close every open section: a second document in the file (an annex) starts its own tree under `root`. */
  restart(root: HeadingLabel, path: string): void {
    this.stack.length = 0;
    this.stack.push({ label: root, path });
    this.paths.add(path);
  }

  /** Whether a path is taken already. */
  has(path: string): boolean {
    return this.paths.has(path);
  }

  /** Decide whether a paragraph opens a section; if so the tree advances. */
  consider(input: HeadingInput): HeadingDecision | undefined {
    this.rejected = undefined;
    if (input.cell) return undefined;
    const label = parseLabel(input.text);
    if (!label || !titleShapeOk(label, input)) return undefined;
    const decision = this.decide(label, input);
    if (!decision) {
      const short = label.rest.length <= 80 && !/[.;,]$/u.test(label.rest.trim());
      this.rejected ??= { label, reason: 'sequence', strong: input.typography ? input.bold === true : short };
      return undefined;
    }
    return this.score(decision, input);
  }

  private decide(label: HeadingLabel, input: HeadingInput): HeadingDecision | undefined {
    const repaired = input.ocr ? this.repairOcrRoman(label) : undefined;
    if (repaired) {
      const decision = this.open(repaired.depth, repaired.label, input);
      return decision ? { ...decision, repaired: `${label.written} read as ${repaired.label.written}`, confidence: 0.6 } : undefined;
    }

    // 1. continue an open sibling, deepest first
    for (let d = this.stack.length - 1; d >= 0; d--) {
      const sib = this.stack[d].label;
      if (!sameFamily(sib, label)) continue;
      const s = step(sib, label);
      if (s >= 1 && s <= maxStep(label.kind, this.opts)) {
        const gap = s > 1 ? `${label.written} follows ${sib.written}` : undefined;
        return this.open(d, label, input, gap, gap ? 0.6 : 0.9);
      }
      if (label.kind !== 'multilevel') break;
    }

    // 2. start a new sequence
    if (label.kind === 'multilevel') {
      const parts = label.parts ?? [];
      const prefix = parts.slice(0, -1).join('.');
      for (let d = this.stack.length - 1; d >= 0; d--) {
        const l = this.stack[d].label;
        if ((l.kind === 'arabic' || l.kind === 'multilevel') && l.label === prefix) {
          const gap = label.value > 1 ? `${label.written} opens ${l.written} without ${prefix}.1` : undefined;
          return this.open(d + 1, label, input, gap, gap ? 0.6 : 0.85);
        }
      }
      if (label.value !== 1) return undefined;
      return this.open(this.depthForNew(label), label, input, undefined, 0.8);
    }
    if (ONCE.has(label.kind)) {
      if (label.value !== 1 || this.stack.some((o) => o.label.kind === label.kind)) return undefined;
      return this.open(this.depthForNew(label), label, input, undefined, 0.85);
    }
    if (label.value !== 1) return this.openWithoutFirst(label, input);
    if (this.isListItem(label, input)) {
      this.rejected = { label, reason: 'list-item', strong: false };
      return undefined;
    }
    return this.open(this.stack.length, label, input, undefined, 0.85);
  }

  /**
   * A list written inside a section, not a level of headings: a new `1)` list (the separator of
   * the report's lowest lists) under a bold heading, in plain type while the reader gives
   * typography, after a lead that ends with `:` or running a whole paragraph long.
   */
  private isListItem(label: HeadingLabel, input: HeadingInput): boolean {
    if (label.kind !== 'arabic' || label.sep !== ')' || !input.typography || input.bold) return false;
    const parent = this.stack[this.stack.length - 1];
    if (parent?.bold !== true) return false;
    return input.afterLead === true || label.rest.length > 150;
  }

  /**
   * `2.` where the list's `1.` is missing (lost with Word's automatic numbering, or never
   * typed): opened as the second child of the deepest open section when that section has no
   * child of the kind yet and the paragraph reads as a heading — short, no sentence end, bold
   * when the reader gives typography — with a gap message and a low confidence.
   */
  private openWithoutFirst(label: HeadingLabel, input: HeadingInput): HeadingDecision | undefined {
    if (label.kind !== 'arabic' || label.value - 1 > this.opts.arabicGap) return undefined;
    const parent = this.stack[this.stack.length - 1];
    if (!parent || RANK[parent.label.kind] >= RANK.arabic) return undefined;
    const rest = label.rest.trim();
    if (rest.length > 100 || /[.;,]$/u.test(rest) || (input.typography && !input.bold)) return undefined;
    return this.open(
      this.stack.length,
      label,
      input,
      `${label.written} opens ${parent.label.written || parent.path} without ${label.value - 1}${label.sep}`,
      0.45,
    );
  }

  /** Adjust a decision's confidence by typography and length. */
  private score(decision: HeadingDecision, input: HeadingInput): HeadingDecision {
    let c = decision.confidence;
    const doubts: string[] = decision.doubt ? [decision.doubt] : [];
    if (input.numbered) c += 0.05;
    if (input.typography) {
      if (input.bold) c += 0.05;
      else {
        const parent = this.stack[this.stack.length - 2];
        if (parent?.bold && decision.label.kind !== 'letter') {
          c -= 0.1;
          doubts.push('plain type under a bold heading');
        }
      }
    }
    if (decision.label.rest.length > 200) {
      c -= 0.1;
      doubts.push('a whole paragraph long');
    }
    if (decision.gap) doubts.push(decision.gap);
    const confidence = Math.round(Math.min(0.98, Math.max(0.05, c)) * 100) / 100;
    return { ...decision, confidence, ...(doubts.length ? { doubt: doubts.join('; ') } : {}) };
  }

  /**
   * OCR drops strokes of Roman numerals: a Roman label that does not continue its sequence but is
   * the expected next numeral with only `I`s missing (`I.` where `II.` is due, `II.` for `III.`)
   * is taken as that numeral.
   */
  private repairOcrRoman(label: HeadingLabel): { depth: number; label: HeadingLabel } | undefined {
    if (label.kind !== 'roman') return undefined;
    const d = this.stack.findIndex((o) => o.label.kind === 'roman');
    if (d < 0) return undefined;
    const sib = this.stack[d].label;
    if (label.value > sib.value) return undefined;
    const expected = toRoman(sib.value + 1);
    if (!onlyIsMissing(label.label, expected)) return undefined;
    const written = label.written.replace(label.label, expected);
    return { depth: d, label: { ...label, label: expected, value: sib.value + 1, written } };
  }

  /** A new sequence of a top kind goes above any open section of a lower rank. */
  private depthForNew(label: HeadingLabel): number {
    let d = this.stack.length;
    while (d > 0 && RANK[this.stack[d - 1].label.kind] >= RANK[label.kind]) d--;
    return d;
  }
}

/** Whether `expected` is `got` with one or more `I`s put back in. */
function onlyIsMissing(got: string, expected: string): boolean {
  if (got.length >= expected.length) return false;
  let i = 0;
  for (const ch of expected) {
    if (ch === got[i]) i++;
    else if (ch !== 'I') return false;
  }
  return i === got.length;
}
