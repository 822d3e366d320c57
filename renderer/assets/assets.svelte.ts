// State of the asset inventory and of the element panels' asset section. Everything is derived
// from the document; every change is a command through the editor's one history.
import { createAsset, type Asset, type AssetKind, type ModelDocument, type Rating } from '../../shared/model';
import { addAsset, attachAsset, deleteAssets, detachAsset, setAssetElements, updateAsset, type AssetChanges } from '../../shared/editing';
import type { EditorState } from '../editor/editor.svelte';

export const ASSET_KIND_LABELS: Readonly<Record<AssetKind, string>> = {
  'training-data': 'Training data',
  'model-weights': 'Model weights',
  'feature-store': 'Feature store',
  'inference-api': 'Inference API',
  prompts: 'Prompts',
  embeddings: 'Embeddings',
  credentials: 'Credentials',
  pii: 'Personal data (PII)',
  'intellectual-property': 'Intellectual property',
  infrastructure: 'Infrastructure',
  custom: 'Other (custom)',
};

export const RATING_LABELS: Readonly<Record<Rating, string>> = { 1: '1 – very low', 2: '2 – low', 3: '3 – moderate', 4: '4 – high', 5: '5 – critical' };
export const CIA = [
  { key: 'confidentiality', short: 'C', label: 'Confidentiality' },
  { key: 'integrity', short: 'I', label: 'Integrity' },
  { key: 'availability', short: 'A', label: 'Availability' },
] as const;

/** A node or flow that can hold an asset, labelled so it can be told apart across diagrams. */
export interface ElementOption {
  readonly id: string;
  readonly label: string;
  readonly diagram: string;
}

export function elementOptions(doc: ModelDocument): ElementOption[] {
  return doc.diagrams.flatMap((d) => {
    const names = new Map(d.nodes.map((n) => [n.id, n.name || 'Unnamed']));
    return [
      ...d.nodes.map((n) => ({ id: n.id, label: n.name || 'Unnamed element', diagram: d.name })),
      ...d.flows.map((f) => ({
        id: f.id,
        label: `${f.name || 'Data flow'} (${names.get(f.source) ?? '?'} → ${names.get(f.target) ?? '?'})`,
        diagram: d.name,
      })),
    ];
  });
}

export class AssetsState {
  constructor(private readonly editor: EditorState) {}

  assets: readonly Asset[] = $derived.by(() => this.editor.doc.assets);
  elements: readonly ElementOption[] = $derived.by(() => elementOptions(this.editor.doc));
  private byId = $derived(new Map(this.elements.map((e) => [e.id, e])));

  element = (id: string): ElementOption | undefined => this.byId.get(id);

  /** Assets the element holds or processes. */
  heldBy = (elementId: string): Asset[] => this.assets.filter((a) => a.elementIds.includes(elementId));

  add = (name: string, kind: AssetKind): boolean => this.editor.dispatch(addAsset(createAsset({ name: name.trim(), kind })));
  update = (id: string, changes: AssetChanges): boolean => this.editor.dispatch(updateAsset(id, changes));
  type = (id: string, field: keyof AssetChanges, changes: AssetChanges): boolean =>
    this.editor.edit(`asset:${field}:${id}`, updateAsset(id, changes));
  setElements = (id: string, elementIds: readonly string[]): boolean => this.editor.dispatch(setAssetElements(id, elementIds));
  attach = (id: string, elementId: string): boolean => this.editor.dispatch(attachAsset(id, elementId));
  detach = (id: string, elementId: string): boolean => this.editor.dispatch(detachAsset(id, elementId));
  remove = (id: string): boolean => this.editor.dispatch(deleteAssets([id]));
  showInventory = () => {
    this.editor.view = 'assets';
  };
}
