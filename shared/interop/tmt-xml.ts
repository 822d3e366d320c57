// Reading the DataContract XML of a .tm7 safely: no DOCTYPE (so no entity can ever be defined,
// let alone expanded), entity processing off in the parser, bounded nesting, the large template
// copy (KnowledgeBase) left unparsed, and plain accessors over the parsed tree.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXml, isObj, list, obj, type Obj } from './text';

/** .tm7 files nest about 12 deep; anything far deeper is not a TMT model. */
const MAX_DEPTH = 64;

export type XmlRead = { root: Obj } | { error: string };

export function readXml(text: string): XmlRead {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return { error: 'the XML declares a DOCTYPE or entities; .tm7 files never do, and such declarations can expand to gigabytes, so the file was refused' };
  }
  // The template copy is most of a .tm7 and is never read: cut it before the well-formedness check
  // and the parse, which then cost a fraction. A file cut short inside it fails the check anyway.
  text = withoutSection(withoutSection(text, 'KnowledgeBase'), 'Profile');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: `the XML is broken at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: MAX_DEPTH,
    // Path strings for callbacks we do not use cost more than the parse itself.
    jPath: false,
  });
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: /nested/i.test(message) ? `the XML nests elements more than ${MAX_DEPTH} levels deep; .tm7 files nest about 12` : `the XML cannot be read: ${message.slice(0, 300)}` };
  }
  const root = obj(parsed)['ThreatModel'];
  return isObj(root) ? { root } : { error: 'the XML has no <ThreatModel> root element' };
}

/** `text` without the first `<tag …>` … last `</tag>` (or a self-closing `<tag/>`), if both are there. */
function withoutSection(text: string, tag: string): string {
  const open = new RegExp(`<${tag}[\\s/>]`).exec(text);
  if (!open) return text;
  const start = open.index;
  const openEnd = text.indexOf('>', start);
  if (openEnd > 0 && text[openEnd - 1] === '/') return text.slice(0, start) + text.slice(openEnd + 1);
  const close = `</${tag}>`;
  const end = text.lastIndexOf(close);
  return end > start ? text.slice(0, start) + text.slice(end + close.length) : text;
}

/** Text content of an element (`<a>x</a>`, `<a i:type="…">x</a>`), decoded; '' for nil or missing. */
export function text(node: unknown): string {
  if (typeof node === 'string') return decodeXml(node);
  if (typeof node === 'number') return String(node);
  if (isObj(node) && typeof node['#text'] === 'string') return decodeXml(node['#text']);
  return '';
}

/** The child element `name` of `node`. */
export function child(node: unknown, name: string): unknown {
  return obj(node)[name];
}

/** Children of a DataContract dictionary (`<a:KeyValueOf…>` entries), whatever the entry type is called. */
export function entries(node: unknown): Obj[] {
  const o = obj(node);
  return Object.keys(o)
    .filter((k) => k.startsWith('KeyValueOf'))
    .flatMap((k) => list(o[k]).map(obj));
}

/** The `i:type` of an element, without its namespace prefix. */
export function xsiType(node: unknown): string {
  const t = obj(node)['@_type'];
  return typeof t === 'string' ? t.replace(/^.*:/, '') : '';
}

export interface TmtProperty {
  readonly name: string;
  readonly value: string;
}

/**
 * An element's typed attributes: `{ header, values }` where header is the first header attribute
 * (the stencil's display name) and values are display name → selected value.
 */
export function properties(node: unknown): { header: string; values: TmtProperty[] } {
  let header = '';
  const values: TmtProperty[] = [];
  for (const attribute of list(child(child(node, 'Properties'), 'anyType'))) {
    const kind = xsiType(attribute);
    const name = text(child(attribute, 'DisplayName'));
    if (kind === 'HeaderDisplayAttribute') {
      if (header === '') header = name;
      continue;
    }
    const raw = child(attribute, 'Value');
    let value = text(raw);
    if (kind.endsWith('ListDisplayAttribute')) {
      const options = list(child(raw, 'string')).map(text);
      const index = Number.parseInt(text(child(attribute, 'SelectedIndex')), 10);
      value = options[Number.isFinite(index) ? index : 0] ?? '';
    }
    values.push({ name, value });
  }
  return { header, values };
}
