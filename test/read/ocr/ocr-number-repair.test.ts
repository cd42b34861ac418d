import { repairNumbers, repairedConfidence } from '../../../src/read/ocr/ocr-number-repair.js';

describe('repairNumbers', () => {
  const repaired: [string, string, string, string][] = [
    // [line, repaired line, kind, text repaired]
    ['doanh thu 1.6O0.000 triệu đồng', 'doanh thu 1.600.000 triệu đồng', 'letter-digit', '1.6O0.000'],
    ['trong năm 2O21 đạt', 'trong năm 2021 đạt', 'letter-digit', '2O21'],
    ['có l00 doanh nghiệp', 'có 100 doanh nghiệp', 'letter-digit', 'l00'],
    ['ngày 31/12/202O của Bộ', 'ngày 31/12/2020 của Bộ', 'letter-digit', '202O'],
    ['đạt 1. 600.000 thuê bao', 'đạt 1.600.000 thuê bao', 'split-group', '1. 600.000'],
    ['đạt 1.600. 000 đồng', 'đạt 1.600.000 đồng', 'split-group', '1.600. 000'],
    ['lên 1 .600.000 lượt', 'lên 1.600.000 lượt', 'split-group', '1 .600.000'],
    ['tổng 1,600.000 đồng', 'tổng 1.600.000 đồng', 'separator', '1,600.000'],
  ];
  it.each(repaired)('repairs %j as %j', (line, text, kind, from) => {
    const result = repairNumbers(line);
    expect(result.text).toBe(text);
    expect(result.repairs).toHaveLength(1);
    expect(result.repairs[0].kind).toBe(kind);
    expect(result.repairs[0].from).toBe(from);
    expect(line.slice(result.repairs[0].start, result.repairs[0].end)).toBe(from);
  });

  const untouched: [string, string][] = [
    ['I. KẾT QUẢ THỰC HIỆN', 'a Roman heading is letters, not a number'],
    ['II. Nhiệm vụ', 'a Roman heading is letters, not a number'],
    ['1. 600.000 đồng hỗ trợ', 'at the start of a line `1.` is a list number'],
    ['năm 2020. 100 doanh nghiệp', 'a year ending a sentence is not a thousands group'],
    ['tỷ lệ đạt 12,5%', 'a comma decimal is correct as it is'],
    ['tăng 1.600,000 đồng', 'a comma before the last group could be a decimal'],
    ['COVID-19 và 5G', 'codes with letters stay'],
    ['lO0 và 2O', 'too few real digits to be sure'],
    ['Số: 21/BC-STTTl', 'letters inside a word are not digits'],
    ['khoảng 1.600.000 người', 'a well-formed number needs nothing'],
  ];
  it.each(untouched)('leaves %j alone (%s)', (line) => {
    expect(repairNumbers(line)).toEqual({ text: line, repairs: [] });
  });

  it('reports several repairs on one line in order, with spans in the original line', () => {
    const line = 'từ 2O19 đến 2O21 tăng 1. 600.000';
    const result = repairNumbers(line);
    expect(result.text).toBe('từ 2019 đến 2021 tăng 1.600.000');
    expect(result.repairs.map((r) => line.slice(r.start, r.end))).toEqual(['2O19', '2O21', '1. 600.000']);
  });

  it('lowers confidence with every repair', () => {
    expect(repairedConfidence(0.9, 0)).toBe(0.9);
    expect(repairedConfidence(0.9, 1)).toBeLessThan(0.9);
    expect(repairedConfidence(0.9, 2)).toBeLessThan(repairedConfidence(0.9, 1));
  });
});
