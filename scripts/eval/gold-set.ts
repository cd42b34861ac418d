import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One line of `../shared/gold/*.gold.jsonl` (GUIDELINES.md). */
export const GoldFact = z.object({
  doc: z.string(),
  quote: z.string(),
  value: z.number(),
  unit: z.string(),
  base_value: z.number(),
  base_unit: z.string(),
  of: z.number().nullable().optional(),
  value_max: z.number().nullable().optional(),
  kind: z.string(),
  aspect: z.string(),
  direction: z.string().nullable().optional(),
  approx: z.string(),
  metric: z.string(),
  period: z.string(),
  section: z.string(),
  optional: z.boolean().optional(),
  also: z.string().optional(),
  note: z.string().optional(),
});
export type GoldFact = z.infer<typeof GoldFact>;

/** Gold facts by document key, in file (document) order. */
export function loadGold(dir: string): Map<string, GoldFact[]> {
  const out = new Map<string, GoldFact[]>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.gold.jsonl')).sort()) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l.trim());
    const facts = lines.map((l, i) => {
      const parsed = GoldFact.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${name}:${i + 1}: not a gold fact — ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
    out.set(name.replace(/\.gold\.jsonl$/, ''), facts);
  }
  return out;
}
