// The asset inventory: what is worth protecting, how much (C/I/A 1–5), and which diagram
// elements hold or process it. Elements are nodes and flows of any diagram; boundaries hold
// nothing. Deleting an element strips it from assets elsewhere (delete-commands.ts).
import { ASSET_KINDS, type Asset, type Uuid } from '../model/types';
import type { Problem } from '../model/problems';
import { assignChanges, fresh, indexById, plain, type DocDraft } from './draft-helpers';
import type { Command } from './history';
import { labelFor, type LabelRule } from './labels';

export type AssetChanges = Partial<Omit<Asset, 'id' | 'elementIds'>>;

const ASSET_LABELS: readonly LabelRule[] = [
  ['Rename asset', ['name']],
  ['Change asset kind', ['kind']],
  ['Edit asset description', ['description']],
  ['Rate asset', ['confidentiality', 'integrity', 'availability']],
];

const RATED = ['confidentiality', 'integrity', 'availability'] as const;
const MAX_NAME = 500;

export function assetProblems(asset: Omit<Asset, 'elementIds'>): Problem[] {
  const problems: Problem[] = [];
  if (!asset.name.trim()) problems.push({ path: 'name', message: 'an asset needs a name' });
  if (asset.name.length > MAX_NAME) problems.push({ path: 'name', message: `the name is longer than ${MAX_NAME} characters` });
  if (!ASSET_KINDS.includes(asset.kind)) problems.push({ path: 'kind', message: `"${String(asset.kind)}" is not an asset kind` });
  for (const aspect of RATED) {
    const value: unknown = asset[aspect];
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 5) {
      problems.push({ path: aspect, message: `${aspect} must be a rating from 1 to 5, not ${String(value)}` });
    }
  }
  return problems;
}

function refuse(what: string, problems: readonly Problem[]): never {
  throw new Error(`${what}: ${problems.map((p) => p.message).join('; ')}.`);
}

function assetIndex(draft: DocDraft, id: Uuid): number {
  const index = indexById(draft.assets, id);
  if (index < 0) throw new Error(`Asset not found: ${id}`);
  return index;
}

/** The ids, each once, after checking every one names a node or flow of some diagram. */
function elementIdsIn(draft: DocDraft, ids: readonly Uuid[]): Uuid[] {
  const known = new Set<Uuid>();
  for (const d of plain(draft.diagrams)) {
    for (const n of d.nodes) known.add(n.id);
    for (const f of d.flows) known.add(f.id);
  }
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`Assets can be held only by nodes and data flows of the model; not found: ${unknown.join(', ')}`);
  return [...new Set(ids)];
}

export function addAsset(asset: Asset): Command {
  return {
    label: `Add asset “${asset.name.trim()}”`,
    recipe: (draft) => {
      const problems = assetProblems(asset);
      if (problems.length) refuse(`Cannot add asset “${asset.name.trim()}”`, problems);
      if (indexById(draft.assets, asset.id) >= 0) throw new Error(`Id already used by an asset: ${asset.id}`);
      draft.assets.push(fresh({ ...asset, elementIds: elementIdsIn(draft, asset.elementIds) }));
    },
  };
}

export function updateAsset(id: Uuid, changes: AssetChanges): Command {
  return {
    label: labelFor(changes, ASSET_LABELS, 'Edit asset'),
    recipe: (draft) => {
      const index = assetIndex(draft, id);
      const before = plain(draft.assets)[index]!;
      const defined = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && k !== 'elementIds'));
      const problems = assetProblems({ ...before, ...defined, id });
      if (problems.length) refuse(`Cannot change asset “${before.name}”`, problems);
      assignChanges(draft.assets[index]!, defined);
    },
  };
}

export function deleteAssets(ids: readonly Uuid[]): Command {
  const gone = new Set(ids);
  return {
    label: gone.size === 1 ? 'Delete asset' : `Delete ${gone.size} assets`,
    recipe: (draft) => {
      for (const id of gone) assetIndex(draft, id);
      draft.assets = plain(draft.assets).filter((a) => !gone.has(a.id)) as typeof draft.assets;
    },
  };
}

/** Sets which elements hold or process the asset (the inventory's multi-select). */
export function setAssetElements(assetId: Uuid, elementIds: readonly Uuid[]): Command {
  return {
    label: 'Change elements holding asset',
    recipe: (draft) => {
      const index = assetIndex(draft, assetId);
      assignChanges(draft.assets[index]!, { elementIds: elementIdsIn(draft, elementIds) });
    },
  };
}

/** One element starts holding the asset (an element's panel); a no-op when it already does. */
export function attachAsset(assetId: Uuid, elementId: Uuid): Command {
  return {
    label: 'Attach asset',
    recipe: (draft) => {
      const index = assetIndex(draft, assetId);
      const current = plain(draft.assets)[index]!.elementIds;
      if (!current.includes(elementId)) draft.assets[index]!.elementIds.push(...elementIdsIn(draft, [elementId]));
    },
  };
}

export function detachAsset(assetId: Uuid, elementId: Uuid): Command {
  return {
    label: 'Detach asset',
    recipe: (draft) => {
      const index = assetIndex(draft, assetId);
      const current = plain(draft.assets)[index]!.elementIds;
      if (current.includes(elementId)) draft.assets[index]!.elementIds = current.filter((id) => id !== elementId);
    },
  };
}
