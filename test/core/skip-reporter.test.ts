import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain-JS jest reporter without type declarations
import SkipReporter from '../skip-reporter.js';

interface FakeTest {
  fullName: string;
  status: string;
}

function report(tests: FakeTest[], testNamePattern?: string): string {
  const chunks: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((c: string) => {
    chunks.push(c);
    return true;
  }) as typeof process.stderr.write;
  try {
    new SkipReporter({ testNamePattern }).onRunComplete(new Set(), { testResults: [{ testResults: tests }] });
  } finally {
    process.stderr.write = write;
  }
  return chunks.join('');
}

describe('the skip reporter', () => {
  it('lists the tests skipped for lack of a tool, by what they need, and counts the spec skips', () => {
    const out = report([
      { fullName: 'native engine on a real page [needs the tesseract command: apt-get install tesseract-ocr] reads a page', status: 'pending' },
      { fullName: 'ingest reads a real scan with the native engine [needs the tesseract command: apt-get install tesseract-ocr]', status: 'pending' },
      { fullName: 'number parser: "1tr2" — skipped: known miss', status: 'pending' },
      { fullName: 'passes', status: 'passed' },
    ]);
    expect(out).toBe(
      '\nSKIPPED because this machine lacks what they need (they did not run; install it to run them):\n' +
        '  2 tests: needs the tesseract command: apt-get install tesseract-ocr\n' +
        'Also skipped: 1 spec case skipped on purpose, each with its reason in its name.\n',
    );
  });

  it('says nothing when -t filters the run or nothing was skipped', () => {
    expect(report([{ fullName: 'x [needs y]', status: 'pending' }], 'only this')).toBe('');
    expect(report([{ fullName: 'passes', status: 'passed' }])).toBe('');
  });

  it('is one of the reporters of npm test', () => {
    expect(readFileSync(join(process.cwd(), 'jest.config.js'), 'utf8')).toContain("reporters: ['default', '<rootDir>/test/skip-reporter.js']");
  });

  it('every test skipped by what the machine has names what it needs ([needs …]), so the reporter lists it', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
      );
    const silent: string[] = [];
    for (const file of files(join(process.cwd(), 'test'))) {
      const text = readFileSync(file, 'utf8');
      // A skip chosen at run time from what exists here: `(cond ? it : it.skip)` or `cond ? describe.skip : describe`.
      const conditional = /\?\s*(it|test|describe)(\.skip)?\s*:\s*(it|test|describe)(\.skip)?\b/.test(text) || /\?\s*(test|it)\s*:\s*\(/.test(text);
      // Spec tables skip cases on purpose, the reason in the case (`s.skip ? it.skip : it`): not a missing tool.
      const specSkip = /\bs(pec)?\.skip \? it\.skip/.test(text);
      if (conditional && !specSkip && !/NEEDS_[A-Z]+|needs\(/.test(text)) silent.push(file);
    }
    expect(silent).toEqual([]);
  });
});
