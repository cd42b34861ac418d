/** A month or day number in two digits, as ISO dates and periods write it (`8` → `08`). */
export function pad2(n: number | string): string {
  return String(n).padStart(2, '0');
}
