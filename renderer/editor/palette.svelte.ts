// State of the building-block palette: the search query and the groups it leaves visible.
// Also the drag-and-drop payload contract between the palette and the canvas.
import { AI_TYPES, type AiType } from '../../shared/model';
import { PALETTE_GROUPS, searchComponentTypes, type PaletteGroup } from '../../shared/model';

export type PaletteItem =
  | { readonly kind: 'node'; readonly aiType: AiType }
  | { readonly kind: 'boundary'; readonly shape: 'box' | 'line' };

/** MIME type of the drag payload a palette item carries (JSON of a `PaletteItem`). */
export const PALETTE_DRAG_TYPE = 'application/x-threatloom-block';

export interface PaletteEntry {
  readonly item: PaletteItem;
  readonly label: string;
  readonly summary: string;
  readonly testId: string;
}

export interface PaletteSection {
  readonly id: PaletteGroup;
  readonly label: string;
  readonly entries: readonly PaletteEntry[];
}

const BOUNDARIES: readonly (PaletteEntry & { readonly keywords: string })[] = [
  {
    item: { kind: 'boundary', shape: 'box' },
    label: 'Trust boundary (box)',
    summary: 'An area whose elements share one trust level, e.g. a network zone or tenant.',
    testId: 'palette-item-boundary-box',
    keywords: 'generic zone perimeter network area enclose',
  },
  {
    item: { kind: 'boundary', shape: 'line' },
    label: 'Trust boundary (line)',
    summary: 'A line that flows cross when they pass between trust levels.',
    testId: 'palette-item-boundary-line',
    keywords: 'generic zone perimeter network cross',
  },
];

function matchesAll(haystack: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = haystack.toLowerCase();
  return words.every((w) => text.includes(w));
}

/** The visible palette sections for a query, in palette order; empty groups are left out. */
export function paletteSections(query: string): readonly PaletteSection[] {
  const types = searchComponentTypes(query);
  const boundaries = BOUNDARIES.filter((b) => matchesAll(`${b.label} ${b.summary} ${b.keywords}`, query));
  return PALETTE_GROUPS.map((group) => {
    const entries: PaletteEntry[] = types
      .filter((t) => t.group === group.id)
      .map((t) => ({
        item: { kind: 'node', aiType: t.aiType },
        label: t.label,
        summary: t.summary,
        testId: `palette-item-${t.aiType}`,
      }));
    if (group.id === 'generic') {
      entries.push(...boundaries.map(({ item, label, summary, testId }) => ({ item, label, summary, testId })));
    }
    return { id: group.id, label: group.label, entries };
  }).filter((section) => section.entries.length > 0);
}

export class PaletteState {
  query = $state('');
  readonly sections = $derived(paletteSections(this.query));
  readonly isEmpty = $derived(this.sections.length === 0);

  clear(): void {
    this.query = '';
  }
}

export function writeDragPayload(data: DataTransfer | null, item: PaletteItem): void {
  if (!data) return;
  data.setData(PALETTE_DRAG_TYPE, JSON.stringify(item));
  data.effectAllowed = 'copy';
}

/** The palette item a drop carries, or null when the drop is something else or malformed. */
export function readDragPayload(data: DataTransfer | null): PaletteItem | null {
  const raw = data?.getData(PALETTE_DRAG_TYPE);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    if (v.kind === 'node' && typeof v.aiType === 'string' && isAiType(v.aiType)) return { kind: 'node', aiType: v.aiType };
    if (v.kind === 'boundary' && (v.shape === 'box' || v.shape === 'line')) return { kind: 'boundary', shape: v.shape };
    return null;
  } catch {
    return null;
  }
}

const AI_TYPE_SET: ReadonlySet<string> = new Set(AI_TYPES);
function isAiType(value: string): value is AiType {
  return AI_TYPE_SET.has(value);
}
