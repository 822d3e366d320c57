// JSON text of an immutable document that reuses the text of every part unchanged since an
// earlier call. An edit (a mutative patch) shares all untouched objects with the previous
// version, so after dragging one node of a 2000-node model only that node, the arrays and
// objects on its path, and the root are written again; the rest is joined from cached text.
// The result is exactly `JSON.stringify(value)` for JSON data — tested against it.

/** Text per object already written. Keys are document parts, which are never changed in place. */
const textOf = new WeakMap<object, string>();

/**
 * Objects shallower than this are assembled field by field (root, diagrams and their lists,
 * threats); deeper ones — a node, a flow, a threat's field — are small and written whole by
 * `JSON.stringify`, which is faster than walking them in JS.
 */
const ASSEMBLED_DEPTH = 3;

export function incrementalJson(value: unknown): string {
  const text = partText(value, 0);
  if (text === undefined) throw new TypeError('The value has no JSON text.');
  return text;
}

/** Text of one value, or undefined where JSON.stringify omits it (undefined, functions, symbols). */
function partText(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const cached = textOf.get(value);
  if (cached !== undefined) return cached;
  const text = !isAssembled(value, depth)
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? arrayText(value, depth)
      : objectText(value as Record<string, unknown>, depth);
  textOf.set(value, text);
  return text;
}

/** Whether a part's text is joined from its children's (else JSON.stringify writes it whole). */
function isAssembled(value: object, depth: number): boolean {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (!Array.isArray(value)) return depth < ASSEMBLED_DEPTH;
  return depth <= ASSEMBLED_DEPTH && value.some((item) => item !== null && typeof item === 'object');
}

function arrayText(items: readonly unknown[], depth: number): string {
  const parts = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) parts[i] = partText(items[i], depth + 1) ?? 'null';
  return `[${parts.join(',')}]`;
}

function objectText(record: Record<string, unknown>, depth: number): string {
  const parts: string[] = [];
  for (const key of Object.keys(record)) {
    const text = partText(record[key], depth + 1);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** Runs `work` when the page is idle; `timeLeft()` says how many ms this idle period has left. */
export type IdleScheduler = (work: (timeLeft: () => number) => void) => void;

/**
 * Writes the text of `value`'s small parts a few at a time while the page is idle, so the first
 * autosave after opening a big model only assembles it. Never holds the page for more than an
 * idle period (a 2000-node model whole would be a ~70 ms task a drag could stumble on).
 */
export function warmJsonText(value: unknown, idle: IdleScheduler): void {
  const pending = smallParts(value, 0);
  const step = (timeLeft: () => number) => {
    do {
      const next = pending.next();
      if (next.done) return;
      partText(next.value.part, next.value.depth);
    } while (timeLeft() > 1);
    idle(step);
  };
  idle(step);
}

/** The parts `partText` writes whole with JSON.stringify, in document order. */
function* smallParts(value: unknown, depth: number): Generator<{ part: object; depth: number }> {
  if (value === null || typeof value !== 'object' || textOf.has(value)) return;
  if (!isAssembled(value, depth)) {
    yield { part: value, depth };
    return;
  }
  for (const child of Array.isArray(value) ? value : Object.values(value)) yield* smallParts(child, depth + 1);
}
