// The register's view state: filters, heat-map cell, sort, checked rows and the threat open in the
// detail pane. Kept per editor (not per mount) so filters survive a trip to the diagram and back.
import type { Rating, StrideLetter, ThreatStatus } from '../../shared/model';
import {
  bandCounts,
  filterRegister,
  heatMap,
  registerRows,
  sortRegister,
  statusCounts,
  type RegisterFilter,
  type RegisterRow,
  type RegisterSortKey,
  type RiskBand,
  type RiskKind,
  type SortDirection,
} from '../../shared/risk';
import type { EditorState } from '../editor/editor.svelte';

export interface HeatCell {
  readonly kind: RiskKind;
  readonly likelihood: Rating;
  readonly impact: Rating;
}

/** Sort direction a column starts with: risk and ratings read worst first. */
const DESCENDING_FIRST: ReadonlySet<RegisterSortKey> = new Set(['likelihood', 'impact', 'inherent', 'residual']);

export class RegisterState {
  elementId = $state('');
  stride = $state<StrideLetter | ''>('');
  status = $state<ThreatStatus | ''>('');
  /** `inherent:high`, `residual:unrated`, or '' for any. */
  band = $state('');
  namespace = $state('');
  text = $state('');
  cell = $state.raw<HeatCell | null>(null);
  sortKey = $state<RegisterSortKey>('inherent');
  sortDir = $state<SortDirection>('desc');
  checked = $state.raw<ReadonlySet<string>>(new Set());
  detailId = $state<string | null>(null);

  constructor(private readonly editor: EditorState) {}

  rows: readonly RegisterRow[] = $derived.by(() => registerRows(this.editor.doc));

  filter: RegisterFilter = $derived.by(() => {
    const [kind, band] = this.band.split(':') as [RiskKind, RiskBand | 'unrated'];
    return {
      elementId: this.elementId || undefined,
      stride: this.stride || undefined,
      status: this.status || undefined,
      band: this.band ? { kind, band } : undefined,
      namespace: this.namespace || undefined,
      cell: this.cell ?? undefined,
      text: this.text,
    };
  });

  visible: readonly RegisterRow[] = $derived.by(() => sortRegister(filterRegister(this.rows, this.filter), this.sortKey, this.sortDir));
  filtering = $derived.by(() => Boolean(this.elementId || this.stride || this.status || this.band || this.namespace || this.cell || this.text.trim()));

  inherentMap = $derived.by(() => heatMap(this.editor.doc, 'inherent'));
  residualMap = $derived.by(() => heatMap(this.editor.doc, 'residual'));
  inherentBands = $derived.by(() => bandCounts(this.editor.doc, 'inherent'));
  residualBands = $derived.by(() => bandCounts(this.editor.doc, 'residual'));
  statuses = $derived.by(() => statusCounts(this.editor.doc));

  /** Elements that have threats, for the element filter, by name. */
  elementOptions = $derived.by(() => {
    const seen = new Map<string, string>();
    for (const row of this.rows) for (const e of row.elements) seen.set(e.id, e.name);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  });
  namespaceOptions = $derived.by(() => [...new Set(this.rows.flatMap((r) => r.namespaces))].sort());

  /** Checked rows still shown: bulk changes act only on what the user can see. */
  checkedRows: readonly RegisterRow[] = $derived.by(() => this.visible.filter((r) => this.checked.has(r.threat.id)));
  detail: RegisterRow | null = $derived.by(() => this.rows.find((r) => r.threat.id === this.detailId) ?? null);

  toggleCell = (cell: HeatCell) => {
    const same = this.cell && this.cell.kind === cell.kind && this.cell.likelihood === cell.likelihood && this.cell.impact === cell.impact;
    this.cell = same ? null : cell;
  };

  sortBy = (key: RegisterSortKey) => {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = key;
      this.sortDir = DESCENDING_FIRST.has(key) ? 'desc' : 'asc';
    }
  };

  setChecked = (ids: readonly string[], on: boolean) => {
    const next = new Set(this.checked);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    this.checked = next;
  };

  clearFilters = () => {
    this.elementId = '';
    this.stride = '';
    this.status = '';
    this.band = '';
    this.namespace = '';
    this.text = '';
    this.cell = null;
  };
}

const states = new WeakMap<EditorState, RegisterState>();

export function registerStateFor(editor: EditorState): RegisterState {
  let state = states.get(editor);
  if (!state) {
    state = new RegisterState(editor);
    states.set(editor, state);
  }
  return state;
}
