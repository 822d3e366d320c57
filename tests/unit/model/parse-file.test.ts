import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BYTES,
  formatBytes,
  formatProblems,
  parseModelFile,
  serializeDocument,
  utf8ByteLength,
  type Problem,
} from '../../../shared/model';
import { RAG_CHATBOT, fixtureText, ragChatbot } from './golden';

function problemsOf(text: string, options?: { maxBytes?: number }): Problem[] {
  const result = parseModelFile(text, 'model.json', options);
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.fileName).toBe('model.json');
  return result.problems;
}

describe('parseModelFile', () => {
  it('opens a valid file', () => {
    const result = parseModelFile(fixtureText(RAG_CHATBOT), RAG_CHATBOT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.title).toBe('Customer support RAG chatbot');
    expect(result.notes).toEqual([]);
    expect(serializeDocument(result.doc)).toBe(fixtureText(RAG_CHATBOT));
  });

  it('accepts a leading byte-order mark', () => {
    expect(parseModelFile(`\uFEFF${fixtureText(RAG_CHATBOT)}`, 'bom.json').ok).toBe(true);
  });

  it('refuses invalid JSON with the parser message and the line and column', () => {
    const [problem] = problemsOf('{\n  "a": 1,\n}');
    expect(problem?.path).toBe('');
    expect(problem?.message).toMatch(/^not valid JSON: /);
    expect(problem?.message).toMatch(/line 3,? column 1/);
  });

  it('says where a truncated file ends', () => {
    const [problem] = problemsOf('{\n  "format": "threatloom-model",');
    expect(problem?.message).toMatch(/^not valid JSON: .*line 2/);
  });

  it('refuses an empty file', () => {
    expect(problemsOf('')[0]?.message).toMatch(/^not valid JSON/);
  });

  it('refuses a file over the size limit, stating size and limit', () => {
    expect(problemsOf('x'.repeat(2048), { maxBytes: 1024 })).toEqual([
      { path: '', message: 'the file is 2.0 KB; the limit is 1.0 KB' },
    ]);
  });

  it('measures the limit in UTF-8 bytes, not characters', () => {
    // 600 characters but 1200 bytes.
    expect(problemsOf(`"${'é'.repeat(599)}"`, { maxBytes: 1000 })[0]?.message).toBe('the file is 1.2 KB; the limit is 1000 bytes');
  });

  it('has a 20 MB default limit', () => {
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
    const huge = `{"pad":"${'x'.repeat(DEFAULT_MAX_BYTES)}"}`;
    expect(problemsOf(huge)[0]?.message).toBe('the file is 20.0 MB; the limit is 20.0 MB');
  });

  it.each([['[]'], ['"hello"'], ['null'], ['42']])('refuses JSON that is not an object: %s', (text) => {
    expect(problemsOf(text)[0]?.message).toMatch(/^not a Threatloom model/);
  });

  it('refuses another format', () => {
    expect(problemsOf(JSON.stringify({ format: 'threat-dragon', version: '2.2' }))).toEqual([
      { path: 'format', message: 'not a Threatloom model: the file has format "threat-dragon", expected "threatloom-model"' },
    ]);
    expect(problemsOf(JSON.stringify({ summary: {}, detail: {} }))[0]?.message).toMatch(/has no "format" field/);
  });

  it('refuses a file from a newer Threatloom', () => {
    const text = JSON.stringify({ ...ragChatbot(), schemaVersion: 99 });
    expect(problemsOf(text)).toEqual([
      { path: 'schemaVersion', message: 'made by a newer Threatloom (schemaVersion 99); this version reads up to 3 — update Threatloom' },
    ]);
  });

  it('reports validation problems with their paths', () => {
    const doc = ragChatbot();
    doc.diagrams[0].nodes[3].name = 'x'.repeat(501);
    doc.diagrams[0].flows[0].target = doc.diagrams[0].flows[0].source;
    const problems = problemsOf(JSON.stringify(doc));
    expect(problems.map((p) => p.path)).toEqual(['diagrams[0].nodes[3].name']);
  });
});

describe('formatProblems', () => {
  const problems: Problem[] = [
    { path: '', message: 'not valid JSON: Unexpected end of JSON input' },
    ...Array.from({ length: 7 }, (_, i) => ({ path: `threats[${i}].title`, message: 'required' })),
  ];

  it('names the file and lists the first problems as path: reason', () => {
    expect(formatProblems('model.json', problems.slice(0, 3))).toBe(
      'Could not open “model.json”: not valid JSON: Unexpected end of JSON input; threats[0].title: required; threats[1].title: required.',
    );
  });

  it('says how many more there were', () => {
    const text = formatProblems('model.json', problems, 2);
    expect(text).toBe('Could not open “model.json”: not valid JSON: Unexpected end of JSON input; threats[0].title: required (and 6 more problems).');
    expect(formatProblems('m.json', problems.slice(0, 2), 1)).toMatch(/\(and 1 more problem\)\.$/);
    expect(text).not.toContain('\n');
  });

  it('shows five by default', () => {
    expect(formatProblems('model.json', problems)).toMatch(/threats\[3\]\.title: required \(and 3 more problems\)\.$/);
  });
});

describe('utf8ByteLength', () => {
  it.each([[''], ['abc'], ['é'], ['€'], ['😀'], ['a😀é€\n'], ['\uD800'], ['\uDC00x'], ['x\uD83D']])('matches Buffer for %j', (text) => {
    expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('formats sizes', () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(3 * 1024 * 1024)]).toEqual(['512 bytes', '1.5 KB', '3.0 MB']);
  });
});
