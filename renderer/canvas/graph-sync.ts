// Applies a Diagram to a JointJS graph, keeping in the graph only what is near the viewport.
//
// The document stays the truth (DESIGN.md "Editing and undo"): every record is indexed here by
// where it is drawn (a uniform grid), and the graph holds cells for the records in the window —
// the viewport plus a margin — plus the endpoints of flows in it and the selection. Panning
// moves the window: cells entering it are built, cells well outside it are dropped. Building a
// JointJS cell costs far more than indexing a record, so opening a 2000-node model costs what
// its visible part costs.
//
// Records are immutable, so an unchanged record is the same object: a document change costs one
// identity scan of the records plus work for the window; a selection change costs work for the
// window only.
import type { dia } from '@joint/core';
import type { Boundary, DfdNode, Diagram, Flow } from '../../shared/model';
import { crossingIndex, pointsBounds, rectOf, type Rect } from '../../shared/geometry';
import { boundaryCell, flowCell, labelWidthBetween, nodeCell } from './cell-attributes';
import { intersects, SpatialIndex } from './spatial-index';

type Entry =
  | { readonly kind: 'boundary'; readonly record: Boundary; gen: number }
  | { readonly kind: 'node'; readonly record: DfdNode; gen: number }
  | { readonly kind: 'flow'; readonly record: Flow; gen: number };

/** What a mounted cell was last built from; equal again means there is nothing to do. */
interface Applied {
  readonly record: object;
  readonly selected: boolean;
  readonly extra: string;
}

/** Boundaries behind flows behind nodes, so links find their end cells already in the graph. */
const ORDER = { boundary: 0, node: 1, flow: 2 } as const;
const NOTHING: ReadonlySet<string> = new Set();
const EMPTY_RECT: Rect = { x: 0, y: 0, width: 0, height: 0 };

export interface SyncWindow {
  /** Records touching this area are put into the graph. */
  readonly add: Rect;
  /** Cells already in the graph stay while they touch this (larger) area, so panning back and forth does not rebuild them. */
  readonly keep: Rect;
}

export class GraphSync {
  diagram: Diagram | null = null;
  private readonly entries = new Map<string, Entry>();
  private readonly index = new SpatialIndex();
  private readonly mounted = new Map<string, Applied>();
  private gen = 0;
  private selection: ReadonlySet<string> = NOTHING;
  private badges: ReadonlyMap<string, number> = new Map();
  /** Boundaries crossed by flows in the window, for the current diagram; filled as flows enter the window. */
  private readonly crossings = new Map<string, readonly string[]>();
  private window: SyncWindow | null = null;

  constructor(private readonly graph: dia.Graph) {}

  /** How many records have a cell in the graph. */
  get mountedCount(): number {
    return this.mounted.size;
  }

  /** Moves the window; takes effect with the next `apply` or `refresh`. */
  setWindow(window: SyncWindow): void {
    this.window = window;
  }

  apply(diagram: Diagram, selection: ReadonlySet<string>, badges: ReadonlyMap<string, number> = this.badges, force: ReadonlySet<string> = NOTHING): void {
    const opening = diagram.id !== this.diagram?.id;
    if (diagram !== this.diagram) {
      this.reindex(diagram, opening);
      this.crossings.clear();
      this.diagram = diagram;
    }
    this.selection = selection;
    this.badges = badges;
    if (opening) {
      this.mounted.clear();
      const ids = this.wantedIds();
      this.findCrossings(ids);
      const wanted = [...ids].map((id) => this.entries.get(id)!);
      wanted.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
      this.graph.resetCells(wanted.map((e) => this.build(e)));
      return;
    }
    this.reconcile(force);
  }

  /** Brings the graph in line with the current window (after a pan or zoom). */
  refresh(): void {
    if (this.diagram) this.reconcile(NOTHING);
  }

  /** Re-applies the last diagram to cells a gesture moved, when the gesture's command failed. */
  revert(ids: Iterable<string>): void {
    if (this.diagram) this.reconcile(new Set(ids));
  }

  isDiagramCell(id: string): boolean {
    return this.entries.has(id);
  }

  /** Where the document draws a record (a flow: around its end nodes and vertices). */
  boundsOf(id: string): Rect | undefined {
    return this.index.rectOf(id);
  }

  /** Updates the index for records that are new, changed, moved with a changed end node, or gone. */
  private reindex(diagram: Diagram, fresh: boolean): void {
    if (fresh) {
      this.entries.clear();
      this.index.clear();
    }
    const gen = ++this.gen;
    const changedNodes = new Set<string>();
    for (const record of diagram.boundaries) {
      const entry = this.entries.get(record.id);
      if (entry?.record === record) entry.gen = gen;
      else {
        this.entries.set(record.id, { kind: 'boundary', record, gen });
        this.index.set(record.id, record.shape === 'box' ? rectOf(record) : (pointsBounds(record.points) ?? EMPTY_RECT));
      }
    }
    for (const record of diagram.nodes) {
      const entry = this.entries.get(record.id);
      if (entry?.record === record) entry.gen = gen;
      else {
        this.entries.set(record.id, { kind: 'node', record, gen });
        this.index.set(record.id, rectOf(record));
        changedNodes.add(record.id);
      }
    }
    for (const record of diagram.flows) {
      const entry = this.entries.get(record.id);
      if (entry?.record === record && !changedNodes.has(record.source) && !changedNodes.has(record.target)) {
        entry.gen = gen;
        continue;
      }
      const rect = this.flowRect(record);
      // A flow whose end node is missing cannot be drawn; validation keeps documents free of them.
      if (rect) {
        this.entries.set(record.id, { kind: 'flow', record, gen });
        this.index.set(record.id, rect);
      }
    }
    for (const [id, entry] of this.entries) {
      if (entry.gen === gen) continue;
      this.entries.delete(id);
      this.index.delete(id);
    }
  }

  private flowRect(flow: Flow): Rect | null {
    const source = this.entries.get(flow.source);
    const target = this.entries.get(flow.target);
    if (source?.kind !== 'node' || target?.kind !== 'node') return null;
    const a = rectOf(source.record);
    const b = rectOf(target.record);
    const corners = [{ x: a.x, y: a.y }, { x: a.x + a.width, y: a.y + a.height }, { x: b.x, y: b.y }, { x: b.x + b.width, y: b.y + b.height }];
    return pointsBounds([...corners, ...flow.vertices]);
  }

  /** The window's records, the cells kept by hysteresis, the selection, and the ends of those flows. */
  private wantedIds(): Set<string> {
    const wanted = this.window ? this.index.query(this.window.add) : new Set(this.entries.keys());
    if (this.window) {
      for (const id of this.mounted.keys()) {
        const rect = this.index.rectOf(id);
        if (rect && intersects(rect, this.window.keep)) wanted.add(id);
      }
    }
    for (const id of this.selection) if (this.entries.has(id)) wanted.add(id);
    // Adding to a Set while iterating it visits the additions too; they are nodes, so harmless.
    for (const id of wanted) {
      const entry = this.entries.get(id);
      if (entry?.kind !== 'flow') continue;
      wanted.add(entry.record.source);
      wanted.add(entry.record.target);
    }
    return wanted;
  }

  private reconcile(force: ReadonlySet<string>): void {
    const wanted = this.wantedIds();
    this.findCrossings(wanted);
    const gone: dia.Cell[] = [];
    for (const id of this.mounted.keys()) {
      if (wanted.has(id)) continue;
      this.mounted.delete(id);
      const cell = this.graph.getCell(id);
      if (cell) gone.push(cell);
    }
    // Links first: removing an element would otherwise take its links with it behind our back.
    gone.sort((a, b) => Number(a.isElement()) - Number(b.isElement()));
    if (gone.length) this.graph.removeCells(gone);

    const added: Entry[] = [];
    for (const id of wanted) {
      const entry = this.entries.get(id)!;
      const prev = this.mounted.get(id);
      const cell = prev && this.graph.getCell(id);
      if (!cell) {
        added.push(entry);
        continue;
      }
      const selected = this.selection.has(id);
      if (prev.record === entry.record && prev.selected === selected && prev.extra === this.extraOf(entry) && !force.has(id)) continue;
      patchCell(cell, this.build(entry));
    }
    if (added.length) {
      added.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
      this.graph.addCells(added.map((e) => this.build(e)));
    }
  }

  /**
   * Crossings of the wanted flows not known yet. A flow's crossings depend only on its end nodes
   * and the boundaries, so the shared rule runs on just those: the cost follows the window, not
   * the diagram (every flow of a 2000-node diagram would cost a scan of nodes × boxes per edit).
   */
  private findCrossings(wanted: ReadonlySet<string>): void {
    const flows: Flow[] = [];
    const ends = new Map<string, DfdNode>();
    for (const id of wanted) {
      const entry = this.entries.get(id);
      if (entry?.kind !== 'flow' || this.crossings.has(id)) continue;
      flows.push(entry.record);
      for (const end of [entry.record.source, entry.record.target]) {
        const node = this.entries.get(end);
        if (node?.kind === 'node') ends.set(end, node.record);
      }
    }
    if (flows.length === 0 || !this.diagram) return;
    const part: Diagram = { ...this.diagram, nodes: [...ends.values()], flows };
    for (const [id, crossed] of crossingIndex(part)) this.crossings.set(id, crossed);
  }

  /** What a cell shows beyond its own record: threat badges, and for flows crossings and label room. */
  private extraOf(entry: Entry): string {
    const open = this.badges.get(entry.record.id) ?? 0;
    if (entry.kind === 'boundary') return '';
    if (entry.kind === 'node') return String(open);
    return `${open}\u0000${this.labelWidth(entry.record)}\u0000${this.crossingNames(entry.record).join('\u0000')}`;
  }

  private crossingNames(flow: Flow): string[] {
    return (this.crossings.get(flow.id) ?? []).map((id) => {
      const entry = this.entries.get(id);
      return entry?.kind === 'boundary' ? entry.record.name || 'boundary' : id;
    });
  }

  private labelWidth(flow: Flow): number {
    const node = (id: string) => {
      const entry = this.entries.get(id);
      return entry?.kind === 'node' ? entry.record : undefined;
    };
    return labelWidthBetween(node(flow.source), node(flow.target));
  }

  /** The cell JSON for an entry, recording what it was built from. */
  private build(entry: Entry): dia.Cell.JSON {
    const id = entry.record.id;
    const selected = this.selection.has(id);
    const open = this.badges.get(id) ?? 0;
    this.mounted.set(id, { record: entry.record, selected, extra: this.extraOf(entry) });
    switch (entry.kind) {
      case 'boundary':
        return boundaryCell(entry.record, selected);
      case 'node':
        return nodeCell(entry.record, selected, open);
      case 'flow':
        return flowCell(entry.record, selected, this.crossingNames(entry.record), open, this.labelWidth(entry.record));
    }
  }
}

function patchCell(cell: dia.Cell, json: dia.Cell.JSON): void {
  if (cell.isElement()) {
    const el = cell as dia.Element;
    el.position(json.position!.x, json.position!.y);
    el.resize(json.size!.width, json.size!.height);
  } else {
    cell.set({ source: json.source, target: json.target, vertices: json.vertices, labels: json.labels });
  }
  cell.attr(json.attrs ?? {});
}
