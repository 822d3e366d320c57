import { describe, expect, it } from 'vitest';
import { addDiagram, deleteDiagram, emptyHistory, execute, moveDiagram, renameDiagram, updateModel } from '../../../shared/editing';
import { createDiagram, createModel } from '../../../shared/model/factory';
import { expectNoOp, fixture, roundTrip } from './fixtures';

describe('diagram commands', () => {
  it('adds a diagram at the end', () => {
    const { doc } = fixture();
    const diagram = createDiagram('Training');
    const after = roundTrip(doc, addDiagram(diagram));
    expect(after.diagrams.at(-1)).toStrictEqual(diagram);
    expect(() => execute(after, emptyHistory, addDiagram(diagram))).toThrow(/already used/);
  });

  it('renames a diagram', () => {
    const { doc, ids } = fixture();
    expect(roundTrip(doc, renameDiagram(ids.other, 'Agents')).diagrams[1]!.name).toBe('Agents');
    expectNoOp(doc, renameDiagram(ids.other, 'Other'));
    expect(() => execute(doc, emptyHistory, renameDiagram('nope', 'x'))).toThrow(/Diagram not found/);
  });

  it('deletes a diagram and strips its element ids from threats and assets', () => {
    const { doc, diagram, ids } = fixture();
    const after = roundTrip(doc, deleteDiagram(diagram.id));
    expect(after.diagrams.map((d) => d.id)).toEqual([ids.other]);
    expect(after.threats).toHaveLength(3);
    expect(after.threats[0]!.elementIds).toEqual([]);
    expect(after.threats[2]).toBe(doc.threats[2]);
    expect(after.assets[0]!.elementIds).toEqual([doc.assets[0]!.elementIds[2]]);
  });

  it('refuses to delete the last diagram', () => {
    const model = createModel('Solo');
    expect(() => execute(model, emptyHistory, deleteDiagram(model.diagrams[0]!.id))).toThrow(/last diagram/);
  });

  it('moves a diagram, clamping the index', () => {
    const { doc, diagram, ids } = fixture();
    const three = execute(doc, emptyHistory, addDiagram(createDiagram('Third'))).doc;
    const order = (d: typeof doc) => d.diagrams.map((x) => x.name);
    expect(order(roundTrip(three, moveDiagram(diagram.id, 2)))).toEqual(['Other', 'Third', 'Main']);
    expect(order(roundTrip(three, moveDiagram(three.diagrams[2]!.id, -5)))).toEqual(['Third', 'Main', 'Other']);
    expect(order(roundTrip(three, moveDiagram(diagram.id, 99)))).toEqual(['Other', 'Third', 'Main']);
    expectNoOp(three, moveDiagram(ids.other, 1));
    expect(() => moveDiagram(ids.other, 0.5)).toThrow(/integer/);
  });
});

describe('updateModel', () => {
  it('edits details and scope', () => {
    const { doc } = fixture();
    const rename = updateModel({ title: 'RAG assistant' });
    expect(rename.label).toBe('Rename model');
    expect(roundTrip(doc, rename).title).toBe('RAG assistant');
    const scope = { ...doc.scope, assumptions: 'Provider is trusted' };
    expect(updateModel({ scope }).label).toBe('Edit scope');
    expect(roundTrip(doc, updateModel({ scope })).scope).toStrictEqual(scope);
    const details = roundTrip(doc, updateModel({ owner: 'Ann', reviewers: ['Bo', 'Cy'], version: '2.0', description: 'x' }));
    expect(details).toMatchObject({ owner: 'Ann', reviewers: ['Bo', 'Cy'], version: '2.0', description: 'x' });
  });

  it('is a no-op for equal values and refuses non-editable fields', () => {
    const { doc } = fixture();
    expectNoOp(doc, updateModel({ title: doc.title, scope: { ...doc.scope }, reviewers: [...doc.reviewers] }));
    expect(() => updateModel({ id: 'x' } as never)).toThrow(/Not editable/);
  });
});
