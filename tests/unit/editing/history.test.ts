import { describe, expect, it } from 'vitest';
import {
  HISTORY_LIMIT,
  canRedo,
  canUndo,
  emptyHistory,
  execute,
  redo,
  redoLabel,
  undo,
  undoLabel,
  updateModel,
  updateNode,
  type Command,
} from '../../../shared/editing';
import type { ModelDocument } from '../../../shared/model/types';
import { CREATED, LATER, fixture } from './fixtures';

describe('execute', () => {
  it('stamps updatedAt in the same entry and undo restores it', () => {
    const { doc } = fixture();
    const done = execute(doc, emptyHistory, updateModel({ title: 'New' }), LATER);
    expect(done.doc.title).toBe('New');
    expect(done.doc.updatedAt).toBe(LATER);
    expect(done.history.past).toHaveLength(1);
    const undone = undo(done.doc, done.history)!;
    expect(undone.doc.updatedAt).toBe(CREATED);
    expect(undone.doc).toStrictEqual(doc);
  });

  it('defaults the stamp to the current time', () => {
    const { doc } = fixture();
    const before = Date.now();
    const done = execute(doc, emptyHistory, updateModel({ title: 'New' }));
    expect(Date.parse(done.doc.updatedAt)).toBeGreaterThanOrEqual(before);
  });

  it('leaves document and history untouched for a no-op command', () => {
    const { doc } = fixture();
    const first = execute(doc, emptyHistory, updateModel({ title: 'A' }), LATER);
    const noop = execute(first.doc, first.history, updateModel({ title: 'A' }), '2030-01-01T00:00:00.000Z');
    expect(noop.changed).toBe(false);
    expect(noop.doc).toBe(first.doc);
    expect(noop.history).toBe(first.history);
    const empty: Command = { label: 'Nothing', recipe: () => {} };
    expect(execute(doc, emptyHistory, empty).history).toBe(emptyHistory);
  });

  it('keeps redo entries when a no-op runs after an undo', () => {
    const { doc } = fixture();
    const done = execute(doc, emptyHistory, updateModel({ title: 'A' }), LATER);
    const undone = undo(done.doc, done.history)!;
    const noop = execute(undone.doc, undone.history, updateModel({ title: doc.title }), LATER);
    expect(canRedo(noop.history)).toBe(true);
  });

  it('propagates a recipe error and changes nothing', () => {
    const { doc } = fixture();
    const failing: Command = {
      label: 'Fail',
      recipe: (draft) => {
        draft.title = 'half-done';
        throw new Error('refused');
      },
    };
    expect(() => execute(doc, emptyHistory, failing)).toThrow('refused');
    expect(doc.title).toBe('Chatbot');
  });
});

describe('undo and redo', () => {
  it('returns null with nothing to undo or redo', () => {
    const { doc } = fixture();
    expect(undo(doc, emptyHistory)).toBeNull();
    expect(redo(doc, emptyHistory)).toBeNull();
    expect(canUndo(emptyHistory)).toBe(false);
    expect(canRedo(emptyHistory)).toBe(false);
    expect(undoLabel(emptyHistory)).toBeNull();
    expect(redoLabel(emptyHistory)).toBeNull();
  });

  it('walks back and forth through several steps exactly', () => {
    const { doc, diagram, ids } = fixture();
    const commands = [
      updateModel({ title: 'One' }),
      updateNode(diagram.id, ids.llm, { name: 'GPT' }),
      updateNode(diagram.id, ids.llm, { position: { x: 5, y: 5 } }),
    ];
    const states: ModelDocument[] = [doc];
    let history = emptyHistory;
    for (const [i, command] of commands.entries()) {
      const r = execute(states[i]!, history, command, `2024-02-0${i + 1}T00:00:00.000Z`);
      states.push(r.doc);
      history = r.history;
    }
    expect(undoLabel(history)).toBe('Move node');

    let current = states[3]!;
    for (let i = 2; i >= 0; i--) {
      const r = undo(current, history)!;
      expect(r.doc).toStrictEqual(states[i]);
      expect(r.label).toBe(commands[i]!.label);
      current = r.doc;
      history = r.history;
    }
    expect(canUndo(history)).toBe(false);
    expect(redoLabel(history)).toBe('Rename model');
    for (let i = 1; i <= 3; i++) {
      const r = redo(current, history)!;
      expect(r.doc).toStrictEqual(states[i]);
      current = r.doc;
      history = r.history;
    }
    expect(canRedo(history)).toBe(false);
  });

  it('clears the redo stack when a new action follows an undo', () => {
    const { doc } = fixture();
    const a = execute(doc, emptyHistory, updateModel({ title: 'A' }), LATER);
    const b = execute(a.doc, a.history, updateModel({ owner: 'Ann' }), LATER);
    const undone = undo(b.doc, b.history)!;
    expect(redoLabel(undone.history)).toBe('Edit model details');
    const c = execute(undone.doc, undone.history, updateModel({ version: '2.0' }), LATER);
    expect(c.history.future).toEqual([]);
    expect(canRedo(c.history)).toBe(false);
    expect(c.history.past.map((e) => e.label)).toEqual(['Rename model', 'Edit model details']);
  });
});

describe('history cap', () => {
  it(`keeps only the last ${HISTORY_LIMIT} steps`, () => {
    let { doc } = fixture();
    let history = emptyHistory;
    const extra = 12;
    const states: ModelDocument[] = [];
    for (let i = 0; i < HISTORY_LIMIT + extra; i++) {
      states.push(doc);
      ({ doc, history } = execute(doc, history, { label: `Step ${i}`, recipe: (d) => void (d.version = `v${i}`) }, LATER));
    }
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]!.label).toBe(`Step ${extra}`);
    expect(undoLabel(history)).toBe(`Step ${HISTORY_LIMIT + extra - 1}`);

    let steps = 0;
    for (let r = undo(doc, history); r; r = undo(doc, history)) {
      ({ doc, history } = r);
      steps++;
    }
    expect(steps).toBe(HISTORY_LIMIT);
    expect(doc).toStrictEqual(states[extra]);
    expect(history.future).toHaveLength(HISTORY_LIMIT);

    // Redoing everything stays within the cap too.
    for (let r = redo(doc, history); r; r = redo(doc, history)) ({ doc, history } = r);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(doc.version).toBe(`v${HISTORY_LIMIT + extra - 1}`);
  });
});
