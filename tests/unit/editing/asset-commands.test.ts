import { describe, expect, it } from 'vitest';
import { addAsset, attachAsset, deleteAssets, detachAsset, emptyHistory, execute, setAssetElements, updateAsset } from '../../../shared/editing';
import { createAsset } from '../../../shared/model';
import { expectNoOp, fixture, roundTrip } from './fixtures';

const AID = '66666666-6666-4666-8666-666666666666';

describe('asset commands', () => {
  it('creates assets rated 3/3/3 of kind custom unless told', () => {
    expect(createAsset({ name: 'Weights', id: AID })).toEqual({
      id: AID, name: 'Weights', kind: 'custom', description: '', confidentiality: 3, integrity: 3, availability: 3, elementIds: [],
    });
  });

  it('adds, rates and deletes assets, each undoable exactly', () => {
    const { doc, ids } = fixture();
    const added = roundTrip(doc, addAsset(createAsset({ id: AID, name: 'Model weights', kind: 'model-weights', elementIds: [ids.llm, ids.llm] })));
    expect(added.assets.at(-1)).toMatchObject({ name: 'Model weights', elementIds: [ids.llm] });
    const rated = roundTrip(added, updateAsset(AID, { confidentiality: 5, integrity: 4 }));
    expect(rated.assets.at(-1)).toMatchObject({ confidentiality: 5, integrity: 4, availability: 3 });
    expect(updateAsset(AID, { availability: 2 }).label).toBe('Rate asset');
    expectNoOp(rated, updateAsset(AID, { confidentiality: 5 }));
    const gone = roundTrip(rated, deleteAssets([AID, 'asset-1']));
    expect(gone.assets).toEqual([]);
  });

  it('refuses bad ratings, kinds, names and unknown records with a clear message', () => {
    const { doc, ids } = fixture();
    const run = (command: Parameters<typeof execute>[2]) => () => execute(doc, emptyHistory, command);
    expect(run(updateAsset('asset-1', { confidentiality: 6 as never }))).toThrow('Cannot change asset “Embeddings”: confidentiality must be a rating from 1 to 5, not 6.');
    expect(run(updateAsset('asset-1', { integrity: 2.5 as never }))).toThrow(/integrity must be a rating/);
    expect(run(updateAsset('asset-1', { kind: 'gold' as never }))).toThrow(/"gold" is not an asset kind/);
    expect(run(addAsset(createAsset({ name: '  ' })))).toThrow(/needs a name/);
    expect(run(addAsset(createAsset({ name: 'x', id: 'asset-1' })))).toThrow(/already used/);
    expect(run(addAsset(createAsset({ name: 'x', elementIds: [ids.box] })))).toThrow(/only by nodes and data flows/);
    expect(run(deleteAssets(['nope']))).toThrow(/Asset not found/);
  });

  it('sets, attaches and detaches the elements that hold an asset, across diagrams', () => {
    const { doc, ids } = fixture();
    const set = roundTrip(doc, setAssetElements('asset-1', [ids.userToLlm, ids.agent]));
    expect(set.assets[0]!.elementIds).toEqual([ids.userToLlm, ids.agent]);
    expect(() => execute(doc, emptyHistory, setAssetElements('asset-1', ['ghost']))).toThrow(/not found: ghost/);
    const attached = roundTrip(set, attachAsset('asset-1', ids.user));
    expect(attached.assets[0]!.elementIds).toEqual([ids.userToLlm, ids.agent, ids.user]);
    expectNoOp(attached, attachAsset('asset-1', ids.user));
    const detached = roundTrip(attached, detachAsset('asset-1', ids.agent));
    expect(detached.assets[0]!.elementIds).toEqual([ids.userToLlm, ids.user]);
    expectNoOp(detached, detachAsset('asset-1', ids.agent));
    expect(() => execute(doc, emptyHistory, attachAsset('asset-1', ids.line))).toThrow(/only by nodes and data flows/);
  });
});
