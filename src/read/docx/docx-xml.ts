import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

/** WordprocessingML main namespace and the others the DOCX reader looks at. */
export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
} as const;

const ELEMENT_NODE = 1;

/** Parse an XML part; throws an Error with the parser's message on malformed XML. */
export function parseXml(xml: string, part: string): Element {
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  });
  let root: Element | null;
  try {
    root = parser.parseFromString(xml, 'text/xml').documentElement;
  } catch (err) {
    errors.push(err instanceof Error ? err.message : String(err));
    root = null;
  }
  if (!root || errors.length > 0) throw new Error(`${part}: malformed XML (${errors[0] ?? 'no root element'})`);
  return root;
}

/** Child elements of a node, in order. */
export function children(node: Node): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) out.push(c as Element);
  }
  return out;
}

/** Whether an element is `w:<name>`. */
export function isW(el: Element, name: string): boolean {
  return el.localName === name && el.namespaceURI === NS.w;
}

/** The first `w:<name>` child, if any. */
export function wChild(el: Element | undefined, name: string): Element | undefined {
  if (!el) return undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE && isW(c as Element, name)) return c as Element;
  }
  return undefined;
}

/** All `w:<name>` children. */
export function wChildren(el: Element | undefined, name: string): Element[] {
  return el ? children(el).filter((c) => isW(c, name)) : [];
}

/** A `w:`-namespaced attribute (also accepted without namespace, as some writers emit). */
export function wAttr(el: Element | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const v = el.getAttributeNS(NS.w, name) ?? el.getAttribute(`w:${name}`);
  return v === null || v === '' ? (el.getAttribute(name) ?? undefined) || undefined : v;
}

/** `w:val` of the `w:<name>` child. */
export function wVal(el: Element | undefined, name: string): string | undefined {
  return wAttr(wChild(el, name), 'val');
}

/** An integer `w:val` of the `w:<name>` child. */
export function wInt(el: Element | undefined, name: string): number | undefined {
  const v = wVal(el, name);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A toggle property (`w:b`, `w:i`): undefined when absent, else true unless `w:val` is
 * `0`/`false`/`off`.
 */
export function wToggle(el: Element | undefined, name: string): boolean | undefined {
  const c = wChild(el, name);
  if (!c) return undefined;
  const v = wAttr(c, 'val');
  return !(v === '0' || v === 'false' || v === 'off');
}
