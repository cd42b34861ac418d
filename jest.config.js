/** jest + ts-jest in native ESM mode (pdfjs-dist and p-queue are ESM-only). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // no type diagnostics per file: `npm test` type-checks the whole project once first (pretest)
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testTimeout: 120000,
  // Lists the tests skipped for lack of a tool (`[needs …]` in their names) at the end of the run.
  reporters: ['default', '<rootDir>/test/skip-reporter.js'],
};
