import type { Table, TableCell } from '../../schemas/table.js';
import { cellAt } from '../../schemas/table.js';

/**
 * What the columns and rows of a table say: which columns are row numbers (`STT`), codes, the
 * unit column (`ĐVT`), time columns or labels (the stub), which rows are group rows, and each
 * data row's and column's labels (GUIDELINES "Tables").
 */

/** `note`: a column that describes the row's item (`Quy cách`, `Tiêu chuẩn kỹ thuật`, `Xuất xứ`, `Ghi chú`): never facts, not part of the label. */
export type ColumnRole = 'number' | 'code' | 'unit' | 'time' | 'label' | 'note' | 'data';

export interface TableLabels {
  roles: ColumnRole[];
  /** The header path of each column (top level first), unit brackets kept. */
  columnLabel: string[];
  /** For each row at or below the header: its label path (group first), '' when none. */
  rowLabel: Map<number, string>;
  /** Each data row's unit from the unit column, if any. */
  rowUnit: Map<number, string>;
  /** Rows that only name a group (their one label spans the data columns). */
  groupRows: Set<number>;
  /** Rows that are totals (`Tổng cộng`, `Tổng số`, `Toàn tỉnh`, `Cả nước`). */
  totalRows: Set<number>;
  /** Rows below the header that repeat it (the header printed again where the table goes on over a page). */
  repeatedHeader: Set<number>;
  /**
   * What the rows are aspects of, when the header of the label column says it (`Nội dung thử
   * nghiệm` → `thử nghiệm`: rows `Quy mô`, `Thời gian` are the trial's scale and time), '' otherwise.
   */
  stubSubject: string;
}

const NUMBER_HEADER = /^(?:stt|tt|số\s*tt|số\s+thứ\s+tự|thứ\s+tự|no\.?)$/iu;
const CODE_HEADER = /^(?:mã(?:\s+số)?|mã\s+\p{L}+|ký\s+hiệu|code)$/iu;
const UNIT_HEADER = /^(?:đvt|đơn\s+vị(?:\s+tính)?|đơn\s+vị\s+đo)$/iu;
/** A header that names the rows' items: `Tên vật liệu`, `Tên đơn vị`, `Nội dung`, `Hạng mục`, `Danh mục`, `Chỉ tiêu`. */
const LABEL_HEADER = /^(?:tên(?:\s|$)|nội\s+dung|hạng\s+mục|danh\s+mục|chỉ\s+tiêu|nhóm|loại)/iu;
/** A header of a column that describes the item rather than measuring it. */
const NOTE_HEADER = /^(?:ghi\s+chú|quy\s+cách|tiêu\s+chuẩn(?:\s+kỹ\s+thuật)?|xuất\s+xứ|nhà\s+sản\s+xuất|vận\s+chuyển|nguồn(?:\s+số\s+liệu)?)$/iu;
/** A header of a column of the rows' years. */
const YEAR_HEADER = /^(?:năm|niên\s+độ|kỳ(?:\s+báo\s+cáo)?)$/iu;
const TIME_HEADER = /^(?:thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai))?|thời\s+hạn(?:\s+hoàn\s+thành)?|ngày(?:\s+\p{L}+)*|tiến\s+độ)$/iu;
/** A row number as written: `1`, `01`, `I`, `1.1`, `5.1.`, `a`, `a)`. */
export const ROW_NUMBER = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?|[a-zđ][.)]?)$/u;
/** A cell that leads with a figure (after glyphs of a symbol font left in the private use area, `\uF0B3` for ≥). */
export const LEADS_WITH_FIGURE = /^[\p{Co}\s]*[~≈<>≤≥+\-–−]?\s*\(?\d/u;
const TOTAL_ROW = /^(?:tổng(?:\s+(?:cộng|số|chung))?|cộng|toàn\s+(?:tỉnh|thành\s+phố|huyện|quốc|ngành|vùng)|cả\s+nước|chung)\b/iu;
const EMPTY = /^[-–—x.…\s]*$/iu;
/** A label column's header that names the rows as items of something: `Nội dung thử nghiệm`, `Hạng mục đầu tư`, `Thông tin dự án`. */
const STUB_OF = /^(?:nội\s+dung|hạng\s+mục|thông\s+tin|tiêu\s+chí|yếu\s+tố|đặc\s+điểm)\s+(?:(?:của|về)\s+)?(\p{L}.*)$/iu;
/** A row label short enough to be an attribute (`Quy mô`, `Thời gian`, `Đối tượng`) rather than an indicator named in full. */
const ATTRIBUTE_WORDS = 3;

export function isEmptyCell(text: string): boolean {
  return EMPTY.test(text);
}

function clean(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A cell that only numbers its column (`<4>`, `(4)`, `[4]`). */
const COLUMN_NUMBER = /^[<([]\s*\d{1,2}\s*[>)\]]$/u;
/** A list mark before a row label (`- Cát xây`, `+ Cửa đi`, `• …`). */
const BULLET = /^[-–+•*]\s+/u;

/** The header text above each column, top level first, repeated merged cells said once; a row that numbers the columns says nothing. */
function columnLabels(table: Table): string[] {
  const labels: string[] = [];
  const numbering = new Set<number>();
  for (let row = 0; row < table.headerRows; row++) {
    const texts = table.cells.filter((c) => c.row === row && c.text.trim() !== '').map((c) => c.text.trim());
    if (texts.length >= 3 && texts.every((t) => COLUMN_NUMBER.test(t) || /^\d{1,2}$/u.test(t))) numbering.add(row);
  }
  for (let col = 0; col < table.cols; col++) {
    const parts: string[] = [];
    for (let row = 0; row < table.headerRows; row++) {
      if (numbering.has(row)) continue;
      const cell = cellAt(table, row, col);
      const text = cell ? clean(cell.text) : '';
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    labels.push(parts.join(' — '));
  }
  return labels;
}

function dataCells(table: Table, col: number): TableCell[] {
  return table.cells.filter((c) => c.col === col && c.row >= table.headerRows && !isEmptyCell(c.text));
}

/**
 * The role of a column. Label columns stand together on the left: the first may hold a few
 * figures among its labels (`Quy mô` rows of a transposed table), the next ones none at all;
 * after the first data, time, unit or code column every column is data.
 */
function roleOf(table: Table, col: number, label: string, seenData: boolean, firstLabel: boolean): ColumnRole {
  const bare = label.replace(/\([^)]*\)/gu, '').trim();
  if (NUMBER_HEADER.test(bare)) return 'number';
  if (CODE_HEADER.test(bare)) return 'code';
  if (UNIT_HEADER.test(bare) && (!/^đơn\s+vị$/iu.test(bare) || holdsUnits(dataCells(table, col)))) return 'unit';
  if (TIME_HEADER.test(bare)) return 'time';
  if (NOTE_HEADER.test(bare)) return 'note';
  const cells = dataCells(table, col);
  // a column headed as the rows' names is the label, whatever figures the names hold (`Cửa đi 2 cánh`)
  if (!seenData && LABEL_HEADER.test(bare) && cells.some((c) => !LEADS_WITH_FIGURE.test(c.text.trim()))) return 'label';
  if (cells.length === 0) return seenData ? 'data' : 'label';
  // a column of years headed `Năm` (`2021`, `2022` …) names the rows, by their time
  if (!seenData && YEAR_HEADER.test(bare) && cells.every((c) => /^(?:19|20)\d{2}$/u.test(c.text.trim()) || TOTAL_ROW.test(clean(c.text)))) return 'label';
  // the first column holding nothing but row numbers, without a header that says so
  if (!seenData && col === 0 && cells.every((c) => ROW_NUMBER.test(c.text.trim()))) return 'number';
  const figures = cells.filter((c) => LEADS_WITH_FIGURE.test(c.text.trim())).length;
  // beside the labels, a column of running text with figures in its sentences is data (`Cáp quang đã kéo đến 12 thôn. …`)
  if (!seenData && !firstLabel && cells.every((c) => isRunningText(c.text))) return 'data';
  if (!seenData && (firstLabel ? figures * 2 < cells.length : figures === 0)) return 'label';
  return 'data';
}

/** Running text with a figure in it: sentences of at least `RUNNING_WORDS` words, not a label. */
const RUNNING_WORDS = 8;
export function isRunningText(text: string): boolean {
  const t = clean(text);
  return /\d/u.test(t) && (t.match(/\p{L}+/gu) ?? []).length >= RUNNING_WORDS && /[.;:]/u.test(t);
}

/**
 * `Đơn vị` heads a unit column or a column of units of administration (`Xã Tân Hòa`, `Sở Y tế`):
 * units are a word or two, not a name whose every word is capitalised.
 */
function holdsUnits(cells: TableCell[]): boolean {
  const units = cells.filter((c) => {
    const words = clean(c.text).split(' ');
    return words.length <= 2 && !(words.length === 2 && words.every((w) => /^\p{Lu}/u.test(w)));
  });
  return units.length * 2 >= cells.length;
}

/** Read a table's columns and rows. */
export function readLabels(table: Table): TableLabels {
  const columnLabel = columnLabels(table);
  const roles: ColumnRole[] = [];
  let seenData = false;
  for (let col = 0; col < table.cols; col++) {
    const role = roleOf(table, col, columnLabel[col], seenData, !roles.includes('label'));
    if (role === 'data' || role === 'time' || role === 'unit' || role === 'code') seenData = true;
    roles.push(role);
  }
  const labelCols = roles.map((r, i) => (r === 'label' ? i : -1)).filter((i) => i >= 0);
  const unitCol = roles.indexOf('unit');
  const dataCols = roles.map((r, i) => (r === 'data' ? i : -1)).filter((i) => i >= 0);
  const rowLabel = new Map<number, string>();
  const rowUnit = new Map<number, string>();
  const groupRows = new Set<number>();
  const totalRows = new Set<number>();
  let group = '';
  let previous = '';
  const repeatedHeader = repeatedHeaderRows(table);
  for (let row = table.headerRows; row < table.rows; row++) {
    if (repeatedHeader.has(row)) continue;
    const own = table.cells.filter((c) => c.row === row && !isEmptyCell(c.text));
    // a group row: one label reaching across the data columns, no figures of its own
    const spanning = own.find((c) => c.colSpan > 1 && dataCols.some((d) => c.col <= d && d < c.col + c.colSpan));
    if (spanning && own.every((c) => c === spanning || roles[c.col] !== 'data')) {
      group = clean(spanning.text);
      groupRows.add(row);
      previous = '';
      continue;
    }
    const parts: string[] = [];
    for (const col of labelCols) {
      const at = cellAt(table, row, col);
      // a header cell printed again and merged down over the rows under it names no row
      const cell = at && !repeatedHeader.has(at.row) ? at : undefined;
      const text = cell ? clean(cell.text).replace(BULLET, '') : '';
      if (text && !isEmptyCell(text) && parts[parts.length - 1] !== text) parts.push(text);
    }
    let label = parts.join(' — ');
    // a row with no label of its own goes on from the row above (a cell broken over a page)
    if (!label) label = previous;
    previous = label;
    if (TOTAL_ROW.test(label)) totalRows.add(row);
    rowLabel.set(row, group && label !== group ? (label ? `${group} — ${label}` : group) : label);
    if (unitCol >= 0) {
      const unit = cellAt(table, row, unitCol);
      if (unit && !isEmptyCell(unit.text)) rowUnit.set(row, clean(unit.text).toLocaleLowerCase('vi'));
    }
  }
  return { roles, columnLabel, rowLabel, rowUnit, groupRows, totalRows, repeatedHeader, stubSubject: stubSubject(columnLabel[labelCols[0]] ?? '') };
}

/** Rows under the header that say what its first row says, cell for cell (at least two cells, all of the row's cells). */
function repeatedHeaderRows(table: Table): Set<number> {
  const out = new Set<number>();
  if (table.headerRows === 0) return out;
  const head = new Map(table.cells.filter((c) => c.row === 0 && c.text.trim() !== '').map((c) => [c.col, clean(c.text)]));
  for (let row = table.headerRows; row < table.rows; row++) {
    const own = table.cells.filter((c) => c.row === row && c.text.trim() !== '');
    const same = own.filter((c) => head.get(c.col) === clean(c.text)).length;
    if (same >= 2 && same * 2 > own.length) out.add(row);
  }
  return out;
}

/** The subject a label column's header names (`Nội dung thử nghiệm` → `thử nghiệm`), '' when it names none. */
export function stubSubject(header: string): string {
  const m = STUB_OF.exec(clean(header.replace(/\([^)]*\)/gu, ' ')));
  return m ? m[1].trim() : '';
}

/**
 * A row label with the stub's subject: a short label names an attribute of it (`Quy mô` under
 * `Nội dung thử nghiệm` is `Quy mô thử nghiệm`); a longer one, or one that already says it, is kept.
 */
export function withStubSubject(label: string, subject: string): string {
  if (!subject || !label) return label;
  const last = label.split(' — ').pop() ?? '';
  if (last.split(/\s+/u).length > ATTRIBUTE_WORDS) return label;
  if (label.toLocaleLowerCase('vi').includes(subject.toLocaleLowerCase('vi'))) return label;
  return `${label} ${subject}`;
}
