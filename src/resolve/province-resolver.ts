import { PROVINCE_RENAMES, PROVINCES_2008, PROVINCES_2025, REORGANISATION_DATE, type ProvinceDef, type ProvinceUnit2025 } from '../../schemas/provinces.js';
import { foldVietnamese } from '../text/fold-text.js';

/** A province identity: stable id and display name (without `tỉnh` / `thành phố`). */
export interface ProvinceRef {
  id: string;
  name: string;
}

const byId = new Map<string, ProvinceDef>(PROVINCES_2008.map((d) => [d.id, d]));
const unitById = new Map<string, ProvinceUnit2025>(PROVINCES_2025.map((d) => [d.id, d]));
const unitOfOld = new Map<string, ProvinceUnit2025>();
for (const unit of PROVINCES_2025) for (const old of unit.mergedFrom) unitOfOld.set(old, unit);

/** Folded spelling → old province id; longer spellings are tried first when scanning text. */
const spellings = new Map<string, string>();
for (const def of PROVINCES_2008) {
  for (const s of [def.name, ...def.aliases]) spellings.set(foldVietnamese(s), def.id);
}
// Names of 2025 units that are not names of an old unit (only `Huế`) resolve to their core.
for (const unit of PROVINCES_2025) {
  const key = foldVietnamese(unit.name);
  if (!spellings.has(key)) spellings.set(key, unit.mergedFrom[0]);
}
const spellingsLongestFirst = [...spellings.keys()].sort((a, b) => b.length - a.length);

/** Prefixes that name the kind of unit or the body, stripped before an exact lookup. */
const PREFIX = /^(?:(?:ubnd|uy ban nhan dan|so [a-z ]*?|hdnd)\s+)?(?:tinh|thanh pho|tp)\s+/;

/**
 * The province a piece of text names: `Nam Định`, `tỉnh Nam Định`, `UBND TỈNH NINH THUẬN`,
 * `TP.HCM`, `Đăk Nông`. An exact (folded) match after stripping `tỉnh`/`thành phố` wins;
 * otherwise the longest spelling found as whole words inside the text. Null when none.
 */
export function resolveProvince(text: string): ProvinceRef | null {
  const folded = foldVietnamese(text);
  if (folded === '') return null;
  const exact = spellings.get(folded) ?? spellings.get(folded.replace(PREFIX, ''));
  if (exact) return ref(exact);
  const padded = ` ${folded} `;
  for (const s of spellingsLongestFirst) {
    // Two-letter abbreviations (`hn`, `hcm`) only count as the whole text, never inside it.
    if (s.length <= 3) continue;
    if (padded.includes(` ${s} `)) return ref(spellings.get(s) as string);
  }
  return null;
}

/** Old (2008–2025) province for an id, with its name as of `date` (renamings applied). */
function oldAt(def: ProvinceDef, date: string): ProvinceRef {
  let name = def.name;
  for (const r of PROVINCE_RENAMES) if (r.id === def.id && date >= r.from) name = r.name;
  return { id: def.id, name };
}

function ref(id: string): ProvinceRef {
  const def = byId.get(id);
  if (!def) throw new Error(`province-resolver: unknown id ${id}`);
  return { id: def.id, name: def.name };
}

/**
 * The unit that the territory of province `id` belonged to at `date` (ISO `YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD`; a partial date is read as its first day). Before 1 July 2025
 * that is the old province itself; from then on the merged unit. `id` may be an old id or a
 * 2025 unit id. Throws on an unknown id (a programmer error: ids come from `resolveProvince`).
 */
export function provinceAt(id: string, date: string): ProvinceRef {
  const day = normalizeDate(date);
  const old = byId.get(id);
  if (old) {
    if (day < REORGANISATION_DATE) return oldAt(old, day);
    const unit = unitOfOld.get(id) as ProvinceUnit2025;
    return { id: unit.id, name: unit.name };
  }
  const unit = unitById.get(id);
  if (!unit) throw new Error(`province-resolver: unknown province id "${id}"; get ids from resolveProvince()`);
  if (day < REORGANISATION_DATE) return oldAt(byId.get(unit.mergedFrom[0]) as ProvinceDef, day);
  return { id: unit.id, name: unit.name };
}

/** The unit province `id` belongs to now (or at `date`): after 1 July 2025, one of the 34. */
export function currentProvince(id: string, date?: string): ProvinceRef {
  return provinceAt(id, date ?? new Date().toISOString().slice(0, 10));
}

/**
 * The province whose territory a province named in a report belongs to now (after the 1 July 2025
 * merger, one of the 34), with the written name in brackets when it differs: `Ninh Bình (Nam Định)`,
 * so that reports of Nam Định and Ninh Bình line up under Ninh Bình. A name that is no province is
 * returned as it is.
 */
export function currentProvinceLabel(written: string): string {
  if (written === '') return written;
  const ref = resolveProvince(written);
  if (!ref) return written;
  const now = currentProvince(ref.id);
  return now.name === ref.name ? now.name : `${now.name} (${ref.name})`;
}

/** The old provinces that formed a 2025 unit (or `[id]` for an old id that is not a unit). */
export function provincesMergedInto(unitId: string): ProvinceRef[] {
  const unit = unitById.get(unitId);
  return unit ? unit.mergedFrom.map(ref) : [ref(unitId)];
}

function normalizeDate(date: string): string {
  const m = /^@?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) throw new Error(`province-resolver: date "${date}" is not ISO (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}
