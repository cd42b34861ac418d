/**
 * The letters of Vietnamese text — and of the Latin names and loanwords it quotes — as the body of a
 * regex character class: Latin letters with their accented forms (not `×` and `÷`), and the combining
 * marks of decomposed text. For Vietnamese it says what `\p{L}\p{M}` says, but a pattern with the `i`
 * flag compiles it far faster: `\p{L}` under `iu` makes V8 close every script's letters under case
 * folding, a cost each process pays again on first use (issue 13: a cold `solieu ingest`).
 */
export const LATIN_LETTERS = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF\\u0300-\\u036F';
