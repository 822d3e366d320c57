// The editor's state: the document, its one undo history, the selection and the active
// diagram. Every change goes through dispatch(), which records patches for undo and
// schedules an autosave. Views read from here and never change the document themselves.
import { getContext, setContext } from 'svelte';
import type { Diagram, DiagramElement, ModelDocument, Point } from '../../shared/model';
import { createBoxBoundary, createLineBoundary, createNode } from '../../shared/model';
import {
  addBoundary,
  addNode,
  canRedo,
  canUndo,
  copyElements,
  deleteElements,
  emptyHistory,
  execute,
  pasteElements,
  redo,
  redoLabel,
  undo,
  undoLabel,
  type Clipboard,
  type Command,
  type History,
} from '../../shared/editing';
import type { PaletteItem } from './palette.svelte';
import { freePosition, type Rect } from '../../shared/geometry';

export const EDITOR_VIEWS = [
  { id: 'diagram', label: 'Diagram' },
  { id: 'register', label: 'Threats' },
  { id: 'mitigations', label: 'Mitigations' },
  { id: 'assets', label: 'Assets' },
  { id: 'attack-trees', label: 'Attack trees' },
  { id: 'review', label: 'Four questions' },
  { id: 'compliance', label: 'Compliance' },
] as const;
export type EditorView = (typeof EDITOR_VIEWS)[number]['id'];

/** Shared by every open editor so copy in one model and paste in another works. */
let clipboard = $state.raw<Clipboard | null>(null);
const PASTE_OFFSET = 30;

export class EditorState {
  doc = $state.raw<ModelDocument>(null!);
  history = $state.raw<History>(emptyHistory);
  selection = $state.raw<ReadonlySet<string>>(new Set());
  activeDiagramId = $state('');
  /** Which view of the model fills the editor: the diagram, or one of the model-wide views. */
  view = $state<EditorView>('diagram');
  notice = $state<string | null>(null);

  diagram: Diagram = $derived(this.doc.diagrams.find((d) => d.id === this.activeDiagramId) ?? this.doc.diagrams[0]!);
  canUndo = $derived(canUndo(this.history));
  canRedo = $derived(canRedo(this.history));
  undoLabel = $derived(undoLabel(this.history));
  redoLabel = $derived(redoLabel(this.history));
  selected: DiagramElement[] = $derived(selectedElements(this.diagram, this.selection));
  hasClipboard = $derived(clipboard !== null);

  constructor(
    doc: ModelDocument,
    private readonly onChange: (doc: ModelDocument) => void,
  ) {
    this.doc = doc;
    this.activeDiagramId = doc.diagrams[0]?.id ?? '';
  }

  /** Runs a command; returns false (and shows why) when the command is refused. */
  dispatch = (command: Command): boolean => {
    try {
      const result = execute(this.doc, this.history, command);
      if (!result.changed) return true;
      this.commit(result.doc, result.history);
      return true;
    } catch (error) {
      this.notice = error instanceof Error ? error.message : String(error);
      return false;
    }
  };

  /**
   * For edits made keystroke by keystroke (typing a name): consecutive commands with the same
   * key replace each other in the history, so one undo removes the whole edit. Commands here
   * must set absolute values, so re-running the last one from the base gives the same result.
   */
  edit = (key: string, command: Command): boolean => {
    const c = this.coalescing;
    const fromBase = c && c.key === key && c.after === this.doc;
    try {
      const result = fromBase ? execute(c.baseDoc, c.baseHistory, command) : execute(this.doc, this.history, command);
      if (!fromBase) this.coalescing = { key, baseDoc: this.doc, baseHistory: this.history, after: result.doc };
      else c.after = result.doc;
      if (result.doc !== this.doc) this.commit(result.doc, result.history);
      if (this.coalescing) this.coalescing.after = this.doc;
      return true;
    } catch (error) {
      this.notice = error instanceof Error ? error.message : String(error);
      return false;
    }
  };
  private coalescing: { key: string; baseDoc: ModelDocument; baseHistory: History; after: ModelDocument } | null = null;

  undo = () => this.travel(undo(this.doc, this.history));
  redo = () => this.travel(redo(this.doc, this.history));

  select = (ids: readonly string[], mode: 'replace' | 'toggle' | 'add' = 'replace') => {
    const next = new Set(mode === 'replace' ? [] : this.selection);
    for (const id of ids) {
      if (mode === 'toggle' && next.has(id)) next.delete(id);
      else next.add(id);
    }
    this.selection = next;
  };

  selectAll = () => {
    const d = this.diagram;
    this.select([...d.nodes, ...d.flows, ...d.boundaries].map((e) => e.id));
  };

  /** Shows an element on the canvas: its diagram, the diagram view, and it alone selected. */
  reveal = (elementId: string) => {
    const diagram = this.doc.diagrams.find((d) => [d.nodes, d.flows, d.boundaries].some((list) => list.some((r) => r.id === elementId)));
    if (!diagram) return;
    this.setActiveDiagram(diagram.id);
    this.view = 'diagram';
    this.select([elementId]);
  };

  setActiveDiagram = (id: string) => {
    if (id === this.activeDiagramId) return;
    this.activeDiagramId = id;
    this.selection = new Set();
  };

  /**
   * Adds a palette item centred on `at` (where it was dropped). Given the visible area (a click
   * on the palette), it goes to the nearest free spot in view instead.
   */
  add = (item: PaletteItem, at: Point, visible?: Rect) => {
    const topLeft = (width: number, height: number) => {
      const wanted = { x: Math.round((at.x - width / 2) / 10) * 10, y: Math.round((at.y - height / 2) / 10) * 10 };
      return visible && item.kind === 'node' ? freePosition(this.diagram, wanted, { width, height }, visible) : wanted;
    };
    if (item.kind === 'node') {
      const probe = createNode(item.aiType, { x: 0, y: 0 });
      const node = { ...probe, position: topLeft(probe.size.width, probe.size.height) };
      if (this.dispatch(addNode(this.diagram.id, node))) this.select([node.id]);
    } else {
      const boundary = item.shape === 'box' ? createBoxBoundary(topLeft(360, 240)) : createLineBoundary(topLeft(0, 240));
      if (this.dispatch(addBoundary(this.diagram.id, boundary))) this.select([boundary.id]);
    }
  };

  deleteSelection = () => {
    if (this.selection.size) this.dispatch(deleteElements(this.diagram.id, [...this.selection]));
  };

  copy = () => {
    if (this.selection.size) clipboard = copyElements(this.diagram, [...this.selection]);
  };

  cut = () => {
    this.copy();
    this.deleteSelection();
  };

  paste = () => {
    if (!clipboard) return;
    const { command, newIds } = pasteElements(this.diagram.id, clipboard, { x: PASTE_OFFSET, y: PASTE_OFFSET });
    if (this.dispatch(command)) {
      // Paste again offsets again, like desktop drawing tools.
      clipboard = copyElements(this.diagram, newIds);
      this.select(newIds);
    }
  };

  duplicate = () => {
    if (!this.selection.size) return;
    const { command, newIds } = pasteElements(this.diagram.id, copyElements(this.diagram, [...this.selection]), {
      x: PASTE_OFFSET,
      y: PASTE_OFFSET,
    });
    if (this.dispatch(command)) this.select(newIds);
  };

  private travel(step: { doc: ModelDocument; history: History } | null) {
    if (!step) return;
    this.commit(step.doc, step.history);
  }

  private commit(doc: ModelDocument, history: History) {
    this.doc = doc;
    this.history = history;
    if (!doc.diagrams.some((d) => d.id === this.activeDiagramId)) this.activeDiagramId = doc.diagrams[0]!.id;
    const present = new Set(this.diagram.nodes.map((n) => n.id));
    for (const f of this.diagram.flows) present.add(f.id);
    for (const b of this.diagram.boundaries) present.add(b.id);
    if ([...this.selection].some((id) => !present.has(id))) this.selection = new Set([...this.selection].filter((id) => present.has(id)));
    this.onChange(doc);
  }
}

function selectedElements(diagram: Diagram, selection: ReadonlySet<string>): DiagramElement[] {
  const out: DiagramElement[] = [];
  for (const record of diagram.nodes) if (selection.has(record.id)) out.push({ type: 'node', record });
  for (const record of diagram.flows) if (selection.has(record.id)) out.push({ type: 'flow', record });
  for (const record of diagram.boundaries) if (selection.has(record.id)) out.push({ type: 'boundary', record });
  return out;
}

const KEY = Symbol('editor');
export const setEditor = (editor: EditorState) => setContext(KEY, editor);
export function getEditor(): EditorState {
  const editor = getContext<EditorState | undefined>(KEY);
  if (!editor) throw new Error('getEditor() used outside an <Editor>');
  return editor;
}
