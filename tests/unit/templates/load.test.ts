// Making a model from a bundled template: the file is checked like any opened file, gets ids of
// its own and today's dates.
import { describe, expect, it } from 'vitest';
import { serializeDocument, type ModelDocument } from '../../../shared/model';
import {
  TEMPLATE_BUILDERS,
  TEMPLATE_DATE,
  TEMPLATE_SOURCE_IDS,
  TEMPLATES,
  instantiateTemplate,
  loadTemplate,
  shiftDates,
} from '../../../shared/templates';

const NOW = '2026-01-15T10:20:30.000Z';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

describe('TEMPLATES', () => {
  it('lists every built template in picker order, each with a bundled file', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(TEMPLATE_BUILDERS.map((b) => b().info.id));
    expect([...TEMPLATE_SOURCE_IDS].sort()).toEqual(TEMPLATES.map((t) => t.id).sort());
  });

  it('counts what the picker shows from the documents themselves', async () => {
    for (const t of TEMPLATES) {
      const doc = await loadTemplate(t.id, NOW);
      const d = doc.diagrams[0]!;
      expect([t.counts.nodes, t.counts.flows, t.counts.boundaries, t.counts.threats], t.id).toEqual([d.nodes.length, d.flows.length, d.boundaries.length, doc.threats.length]);
      expect(t.counts.openThreats).toBe(doc.threats.filter((x) => x.status === 'open').length);
    }
  });
});

describe('loadTemplate', () => {
  it('gives a model with ids of its own, created and updated now', async () => {
    const file = TEMPLATE_BUILDERS[3]!().doc;
    const a = await loadTemplate('rag-chatbot', NOW);
    const b = await loadTemplate('rag-chatbot', NOW);
    expect(a.title).toBe(file.title);
    expect([a.createdAt, a.updatedAt]).toEqual([NOW, NOW]);
    const fileIds = new Set(serializeDocument(file).match(UUID));
    const aIds = serializeDocument(a).match(UUID) ?? [];
    expect(aIds.filter((id) => fileIds.has(id))).toEqual([]);
    const bIds = new Set(serializeDocument(b).match(UUID));
    expect(aIds.filter((id) => bIds.has(id))).toEqual([]);
    expect(a.threats).toHaveLength(file.threats.length);
  });

  it('moves the recorded review to today, keeping its spacing', async () => {
    const file = TEMPLATE_BUILDERS[3]!().doc;
    const doc = await loadTemplate('rag-chatbot', NOW);
    const accepted = doc.threats.find((t) => t.status === 'accepted')!;
    expect(accepted.acceptance!.date).toBe('2026-01-15');
    const original = file.threats.find((t) => t.title === accepted.title)!.acceptance!;
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    expect(days(accepted.acceptance!.date, accepted.acceptance!.reviewBy)).toBe(days(original.date, original.reviewBy));
    for (const d of doc.dismissals) expect(d.date).toBe('2026-01-15T09:00:00.000Z');
    for (const r of doc.strideReviews) expect(r.date.slice(0, 10)).toBe('2026-01-15');
    const planned = doc.mitigations.filter((m) => m.dueDate);
    expect(planned.length).toBeGreaterThan(0);
    for (const m of planned) expect(m.dueDate > '2026-01-15').toBe(true);
  });

  it('rejects an unknown template', async () => {
    await expect(loadTemplate('no-such-template')).rejects.toThrow('There is no template “no-such-template”.');
  });
});

describe('instantiateTemplate', () => {
  const good = () => JSON.parse(serializeDocument(TEMPLATE_BUILDERS[0]!().doc)) as Record<string, unknown>;

  it('refuses a broken file with the path of the problem', () => {
    expect(() => instantiateTemplate('text', { id: 'x' }, NOW)).toThrow('Template “x” is not a model document.');
    expect(() => instantiateTemplate({ ...good(), title: 42 }, { id: 'x' }, NOW)).toThrow(/template x.*title/);
    expect(() => instantiateTemplate({ ...good(), schemaVersion: 99 }, { id: 'x' }, NOW)).toThrow(/newer Threatloom/);
  });

  it('upgrades an older file through the migrations', () => {
    const v2 = { ...good(), schemaVersion: 2 } as Record<string, unknown>;
    const doc = instantiateTemplate(v2, { id: 'x' }, NOW);
    expect(doc.schemaVersion).toBe(3);
  });
});

describe('shiftDates', () => {
  const doc: ModelDocument = TEMPLATE_BUILDERS[0]!().doc;

  it('moves every review date by whole days and leaves empty ones empty', () => {
    const moved = shiftDates(doc, 10);
    const accepted = moved.threats.find((t) => t.acceptance)!;
    expect(accepted.acceptance!.date).toBe('2025-03-13');
    expect(moved.dismissals[0]!.date).toBe('2025-03-13T09:00:00.000Z');
    const m = doc.mitigations.findIndex((x) => x.dueDate === '');
    expect(moved.mitigations[m]!.dueDate).toBe('');
    expect(shiftDates(doc, 0)).toBe(doc);
    expect(TEMPLATE_DATE).toBe('2025-03-03');
  });
});
