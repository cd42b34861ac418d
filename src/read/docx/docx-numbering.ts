import type { Element } from '@xmldom/xmldom';
import { wAttr, wChild, wChildren, wInt, wToggle, wVal } from './docx-xml.js';
import { toRoman } from '../../text/roman-numerals.js';

/**
 * Word automatic numbering (`word/numbering.xml`) rendered as Word shows it.
 *
 * A paragraph's `w:numPr` names a `w:num` (numId) and a level (ilvl); the `w:num` points at an
 * `w:abstractNum` whose `w:lvl` gives the start value, number format and level text (`%1.`,
 * `%2.%3.`, `%5)`). Counters live per abstractNum, as in Word: two `w:num` instances of one
 * abstractNum continue each other unless one carries `w:lvlOverride/w:startOverride`, which
 * restarts those levels the first time that instance is used. Numbering a level resets the
 * deeper levels (or per `w:lvlRestart`).
 */

export interface NumLevel {
  start: number;
  format: string;
  text: string;
  /** `w:lvlRestart`: 0 = never restart; n = restart after level n (1-based) is used; undefined = after any higher level. */
  restart?: number;
  /** `w:isLgl`: show every level's number as decimal. */
  legal: boolean;
  /** `w:pStyle`: the paragraph style linked to this level. */
  style?: string;
}

interface AbstractNum {
  id: number;
  levels: Map<number, NumLevel>;
  /** `w:numStyleLink`: the real definition is in the numbering style of that name. */
  numStyleLink?: string;
}

interface NumInstance {
  id: number;
  abstractId: number;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, NumLevel>;
}

interface CounterState {
  values: number[];
  used: boolean[];
  /** Not used since the list (or its startOverride) began, as opposed to reset by a higher level. */
  fresh: boolean[];
}

function readLevel(lvl: Element): NumLevel {
  const level: NumLevel = {
    start: wInt(lvl, 'start') ?? 0,
    format: wVal(lvl, 'numFmt') ?? 'decimal',
    text: wVal(lvl, 'lvlText') ?? '',
    legal: wToggle(lvl, 'isLgl') ?? false,
  };
  const restart = wInt(lvl, 'lvlRestart');
  if (restart !== undefined) level.restart = restart;
  const style = wVal(lvl, 'pStyle');
  if (style) level.style = style;
  // a level without w:start starts at 0 in the spec, but Word writes it; 1 is what authors expect
  if (!wChild(lvl, 'start')) level.start = 1;
  return level;
}

/** Word's letter numbering: a…z, then aa…zz, aaa… */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(0x61 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A number in a Word number format (unknown formats fall back to decimal). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** The label a bullet level shows, as text: `+` stays, every other bullet glyph is `-`. */
function bulletLabel(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  return t === '+' ? '+' : '-';
}

export class DocxNumbering {
  private readonly abstracts = new Map<number, AbstractNum>();
  private readonly nums = new Map<number, NumInstance>();
  private readonly counters = new Map<number, CounterState>();
  private readonly started = new Set<number>();
  /** numIds referenced by paragraphs but not defined: reported once by the reader. */
  readonly missing = new Set<number>();

  /**
   * @param root the `w:numbering` element (absent when the document has no numbering part)
   * @param styleNumId the numId a numbering style carries (for `w:numStyleLink`)
   */
  constructor(
    root: Element | undefined,
    private readonly styleNumId: (styleId: string) => number | undefined = () => undefined,
  ) {
    if (!root) return;
    for (const a of wChildren(root, 'abstractNum')) {
      const id = Number.parseInt(wAttr(a, 'abstractNumId') ?? '', 10);
      if (!Number.isFinite(id)) continue;
      const levels = new Map<number, NumLevel>();
      for (const lvl of wChildren(a, 'lvl')) levels.set(Number.parseInt(wAttr(lvl, 'ilvl') ?? '0', 10) || 0, readLevel(lvl));
      this.abstracts.set(id, { id, levels, numStyleLink: wVal(a, 'numStyleLink') });
    }
    for (const n of wChildren(root, 'num')) {
      const id = Number.parseInt(wAttr(n, 'numId') ?? '', 10);
      const abstractId = wInt(n, 'abstractNumId');
      if (!Number.isFinite(id) || abstractId === undefined) continue;
      const inst: NumInstance = { id, abstractId, startOverrides: new Map(), levelOverrides: new Map() };
      for (const o of wChildren(n, 'lvlOverride')) {
        const ilvl = Number.parseInt(wAttr(o, 'ilvl') ?? '0', 10) || 0;
        const start = wInt(o, 'startOverride');
        if (start !== undefined) inst.startOverrides.set(ilvl, start);
        const lvl = wChild(o, 'lvl');
        if (lvl) inst.levelOverrides.set(ilvl, readLevel(lvl));
      }
      this.nums.set(id, inst);
    }
  }

  /** The abstract definition of a num, following `w:numStyleLink` through the numbering style. */
  private abstractOf(inst: NumInstance): AbstractNum | undefined {
    let abs = this.abstracts.get(inst.abstractId);
    for (let hops = 0; abs?.numStyleLink && hops < 3; hops++) {
      const linkedNum = this.styleNumId(abs.numStyleLink);
      const linked = linkedNum === undefined ? undefined : this.nums.get(linkedNum);
      const next = linked ? this.abstracts.get(linked.abstractId) : undefined;
      if (!next || next === abs) break;
      abs = next;
    }
    return abs;
  }

  private level(inst: NumInstance, abs: AbstractNum, ilvl: number): NumLevel | undefined {
    return inst.levelOverrides.get(ilvl) ?? abs.levels.get(ilvl);
  }

  /** The level a paragraph style is linked to inside a num's definition (`w:lvl/w:pStyle`). */
  levelForStyle(numId: number, styleId: string): number | undefined {
    const inst = this.nums.get(numId);
    const abs = inst && this.abstractOf(inst);
    if (!abs) return undefined;
    for (const [ilvl, lvl] of abs.levels) if (lvl.style === styleId) return ilvl;
    return undefined;
  }

  /**
   * Count a numbered paragraph and return the label Word shows for it (`II.`, `1.2.`, `a)`,
   * `-` for bullets), or undefined when the reference shows nothing.
   */
  next(numId: number, ilvl: number): string | undefined {
    if (numId === 0) return undefined;
    const inst = this.nums.get(numId);
    const abs = inst && this.abstractOf(inst);
    if (!inst || !abs) {
      this.missing.add(numId);
      return undefined;
    }
    const level = this.level(inst, abs, ilvl);
    if (!level) return undefined;
    let state = this.counters.get(abs.id);
    if (!state) {
      state = { values: new Array<number>(9).fill(0), used: new Array<boolean>(9).fill(false), fresh: new Array<boolean>(9).fill(true) };
      this.counters.set(abs.id, state);
    }
    const startOf = (l: number): number => inst.startOverrides.get(l) ?? this.level(inst, abs, l)?.start ?? 1;
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const l of inst.startOverrides.keys()) {
        state.used[l] = false;
        state.fresh[l] = true;
      }
    }
    state.values[ilvl] = state.used[ilvl] ? state.values[ilvl] + 1 : startOf(ilvl);
    state.used[ilvl] = true;
    state.fresh[ilvl] = false;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = this.level(inst, abs, deeper)?.restart;
      if ((restart === undefined || (restart !== 0 && ilvl < restart)) && state.used[deeper]) {
        state.used[deeper] = false;
        state.fresh[deeper] = false;
      }
    }
    if (level.format === 'bullet') return bulletLabel(level.text) || undefined;
    const { values, used, fresh } = state;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lvl = this.level(inst, abs, l);
      // a level not used yet shows its start value; one reset by a higher level and skipped
      // shows start - 1, as Word does ("1.0.1")
      const value = used[l] ? values[l] : fresh[l] ? startOf(l) : startOf(l) - 1;
      return formatNumber(value, level.legal ? 'decimal' : (lvl?.format ?? 'decimal'));
    });
    return label.trim() === '' ? undefined : label.trim();
  }
}
