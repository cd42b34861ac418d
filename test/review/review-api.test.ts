import { getFact, postDecision } from '../../src/review/review-api.js';
import { factId, reviewDb } from './review-fixture.js';

interface Body {
  fact: { value: number; unit: string; base_value: number; base_unit: string; version: number };
}

describe('a correction of the unit or the value keeps the base columns in step', () => {
  it("a new unit is read by the extractor's unit reader: tỷ đồng → triệu đồng changes the base value, keeps VND", async () => {
    const { db } = await reviewDb();
    const id = await factId(db, '1.150,5 tỷ đồng');
    const reply = await postDecision(db, id, { expectedVersion: 1, action: 'correct', fields: { unit: 'triệu đồng' } }, 'Kiểm thử');
    expect(reply.status).toBe(200);
    expect(((await getFact(db, id)).body as Body).fact).toMatchObject({ value: 1150.5, unit: 'triệu đồng', base_value: 1150500000, base_unit: 'VND' });
  });

  it('a count given a new noun takes it as its base unit', async () => {
    const { db } = await reviewDb();
    const id = await factId(db, '42 trạm');
    expect((await postDecision(db, id, { expectedVersion: 1, action: 'correct', fields: { unit: 'nghìn thuê bao' } }, 'Kiểm thử')).status).toBe(200);
    expect(((await getFact(db, id)).body as Body).fact).toMatchObject({ unit: 'nghìn thuê bao', base_value: 42000, base_unit: 'thuê bao' });
  });

  it('a new value in the same unit scales the base value', async () => {
    const { db } = await reviewDb();
    const id = await factId(db, '1.150,5 tỷ đồng');
    expect((await postDecision(db, id, { expectedVersion: 1, action: 'correct', fields: { value: 1200 } }, 'Kiểm thử')).status).toBe(200);
    expect(((await getFact(db, id)).body as Body).fact).toMatchObject({ value: 1200, unit: 'tỷ đồng', base_value: 1.2e12, base_unit: 'VND' });
  });

  it('base columns the reviewer set are kept as set', async () => {
    const { db } = await reviewDb();
    const id = await factId(db, '42 trạm');
    const fields = { unit: 'trạm BTS', base_unit: 'trạm', base_value: 42 };
    expect((await postDecision(db, id, { expectedVersion: 1, action: 'correct', fields }, 'Kiểm thử')).status).toBe(200);
    expect(((await getFact(db, id)).body as Body).fact).toMatchObject(fields);
  });
});
