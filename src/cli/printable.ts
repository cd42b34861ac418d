/**
 * Text as printed to a terminal: control characters (C0, DEL, C1) and the Unicode bidi
 * controls escaped (`\n`, `\r`, `\t`, `\x1b`, `\u202e`), so a file name cannot forge or
 * erase lines (`\r…ingest: 10/10 files`) or reorder what follows it. Vietnamese and other
 * printable text is left as it is.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
