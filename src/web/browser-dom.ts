/// <reference lib="dom" />
/**
 * The few DOM helpers the web app uses. Document text reaches the page only through
 * `textContent` and form values — never as markup.
 */

/** The element with this id; a missing one is a bug of the page, said with its id. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no element #${id}`);
  return node as T;
}

/** A new element with a class and text (as text, never markup). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string | null, text?: string | number | null): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A value field of the page (input, select or textarea). */
export type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function fieldById(id: string): FieldElement {
  return byId<FieldElement>(id);
}
