// Title and description templates: `{name}` and friends, filled in one pass with plain text.
// The placeholder pattern is fixed here; nothing is built from rule text, and inserted names are
// never scanned again, so a node called "{target}" stays "{target}".
export const NODE_PLACEHOLDERS = ['name', 'type'] as const;
export const FLOW_PLACEHOLDERS = ['name', 'source', 'target'] as const;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

export type TemplatePart = { readonly text: string } | { readonly slot: string };

export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: template.slice(last, at) });
    parts.push({ slot: match[1]! });
    last = at + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** Placeholder names used in a template, in order of appearance. */
export function templatePlaceholders(template: string): string[] {
  return parseTemplate(template).flatMap((p) => ('slot' in p ? [p.slot] : []));
}

/** Compiles a template; unknown placeholders are left as written. */
export function compileTemplate(template: string): (values: Readonly<Record<string, string>>) => string {
  const parts = parseTemplate(template);
  if (parts.every((p) => 'text' in p)) return () => template;
  return (values) => {
    let out = '';
    for (const p of parts) out += 'text' in p ? p.text : Object.hasOwn(values, p.slot) ? values[p.slot] : `{${p.slot}}`;
    return out;
  };
}
