import { z } from 'zod';
import { parseOptionalRow, parseRow, parseRows } from '../../src/store/row-parser.js';
import { jsonText } from '../../schemas/json-text.js';

const Row = z.object({ id: z.number().int(), tags: jsonText(z.array(z.string())) });

describe('database rows', () => {
  it('are parsed into their shape, JSON text columns included', () => {
    expect(parseRows(Row, [{ id: 1, tags: '["a"]' }], 'thing')).toEqual([{ id: 1, tags: ['a'] }]);
    expect(parseOptionalRow(Row, undefined, 'thing')).toBeUndefined();
  });

  it('that do not fit their schema, or are missing where one must be, throw naming the query and the problem', () => {
    expect(() => parseRow(Row, { id: 'x', tags: '[]' }, 'thing')).toThrow(/a stored thing row does not fit its schema \(id: /);
    expect(() => parseRow(Row, { id: 1, tags: '{oops' }, 'thing')).toThrow(/tags: not JSON/);
    expect(() => parseRow(Row, undefined, 'thing')).toThrow(/no stored thing row/);
  });
});
