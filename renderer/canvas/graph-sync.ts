// Applies a Diagram to a JointJS graph by diffing against what was applied last time.
// Records are immutable, so an unchanged record is the same object and costs nothing.
import type { dia } from '@joint/core';
import type { Diagram } from '../../shared/model';
import { crossingIndex } from '../../shared/geometry';
import { boundaryCell, flowCell, labelWidthBetween, nodeCell } from './cell-attributes';

interface Applied {
  readonly record: object;
  readonly selected: boolean;
  readonly extra: string;
}

export class GraphSync {
  private applied = new Map<string, Applied>();
  private diagramId: string | null = null;
  diagram: Diagram | null = null;

  constructor(private readonly graph: dia.Graph) {}

  private badges: ReadonlyMap<string, number> = new Map();
  private crossings: ReturnType<typeof crossingIndex> = new Map();
  private crossingsOf: Diagram | null = null;

  apply(diagram: Diagram, selection: ReadonlySet<string>, badges: ReadonlyMap<string, number> = this.badges, force: ReadonlySet<string> = new Set()): void {
    this.badges = badges;
    const names = new Map(diagram.boundaries.map((b) => [b.id, b.name || 'boundary']));
    // Selection-only updates keep the same diagram object: reuse its crossings.
    if (this.crossingsOf !== diagram) {
      this.crossings = crossingIndex(diagram);
      this.crossingsOf = diagram;
    }
    const crossings = this.crossings;
    const wanted: { id: string; record: object; selected: boolean; extra: string; json: () => dia.Cell.JSON }[] = [];
    for (const b of diagram.boundaries) {
      const selected = selection.has(b.id);
      wanted.push({ id: b.id, record: b, selected, extra: '', json: () => boundaryCell(b, selected) });
    }
    for (const n of diagram.nodes) {
      const selected = selection.has(n.id);
      const open = badges.get(n.id) ?? 0;
      wanted.push({ id: n.id, record: n, selected, extra: String(open), json: () => nodeCell(n, selected, open) });
    }
    const nodesById = new Map(diagram.nodes.map((n) => [n.id, n]));
    for (const f of diagram.flows) {
      const selected = selection.has(f.id);
      const crosses = (crossings.get(f.id) ?? []).map((id) => names.get(id) ?? id);
      const open = badges.get(f.id) ?? 0;
      const width = labelWidthBetween(nodesById.get(f.source), nodesById.get(f.target));
      wanted.push({
        id: f.id,
        record: f,
        selected,
        extra: `${open}\u0000${width}\u0000${crosses.join('\u0000')}`,
        json: () => flowCell(f, selected, crosses, open, width),
      });
    }

    if (diagram.id !== this.diagramId) {
      this.graph.resetCells(wanted.map((w) => w.json()));
      this.applied = new Map(wanted.map((w) => [w.id, { record: w.record, selected: w.selected, extra: w.extra }]));
      this.diagramId = diagram.id;
      this.diagram = diagram;
      return;
    }

    const keep = new Set(wanted.map((w) => w.id));
    const removed = [...this.applied.keys()].filter((id) => !keep.has(id));
    if (removed.length) this.graph.removeCells(removed.map((id) => this.graph.getCell(id)).filter(Boolean));
    const added: dia.Cell.JSON[] = [];
    for (const w of wanted) {
      const prev = this.applied.get(w.id);
      if (!prev) added.push(w.json());
      else if (prev.record !== w.record || prev.selected !== w.selected || prev.extra !== w.extra || force.has(w.id)) {
        this.patchCell(w.json());
      } else continue;
      this.applied.set(w.id, { record: w.record, selected: w.selected, extra: w.extra });
    }
    for (const id of removed) this.applied.delete(id);
    if (added.length) this.graph.addCells(added);
    this.diagram = diagram;
  }

  /** Re-applies the last diagram to cells a gesture moved, when the gesture's command failed. */
  revert(ids: Iterable<string>): void {
    if (!this.diagram) return;
    const selection = new Set([...this.applied].filter(([, a]) => a.selected).map(([id]) => id));
    this.apply(this.diagram, selection, this.badges, new Set(ids));
  }

  isDiagramCell(id: string): boolean {
    return this.applied.has(id);
  }

  private patchCell(json: dia.Cell.JSON): void {
    const cell = this.graph.getCell(json.id as string);
    if (!cell) return;
    if (cell.isElement()) {
      const el = cell as dia.Element;
      el.position(json.position!.x, json.position!.y);
      el.resize(json.size!.width, json.size!.height);
    } else {
      cell.set({ source: json.source, target: json.target, vertices: json.vertices, labels: json.labels });
    }
    cell.attr(json.attrs ?? {});
  }
}
