// The bundled rule pack: valid, big enough, references that resolve, and every AI component type
// covered for the STRIDE letters the component table gives it (families: ai-core-families.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundledIndex, unresolvedRefs } from '../../../shared/catalogs';
import { AI_TYPES, STRIDE, type AiType, type StrideLetter } from '../../../shared/model';
import { bundledRulePacks, bundledRules, ruleAiTypes, validateRulePack } from '../../../shared/rules';
import aiCore from '../../../catalogs/rules/ai-core.json';

const rules = bundledRules();
const allRefs = rules.flatMap((r) => [...r.refs, ...r.mitigations.flatMap((m) => m.refs)]);

describe('the ai-core pack', () => {
  it('validates and loads', () => {
    expect(validateRulePack(aiCore).ok).toBe(true);
    expect(bundledRulePacks().map((p) => p.id)).toEqual(['ai-core']);
    expect(bundledRules()).toBe(rules);
  });

  it('has at least 80 rules with unique ids', () => {
    expect(rules.length).toBeGreaterThanOrEqual(80);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('every rule has at least one ATLAS or OWASP reference or is a classic STRIDE-per-element rule', () => {
    const specific = (r: (typeof rules)[number]) => r.refs.some((ref) => /^(atlas|owasp-[a-z0-9-]+):/.test(ref));
    expect(rules.filter((r) => !specific(r) && r.family !== 'generic').map((r) => r.id)).toEqual([]);
    expect(rules.filter(specific).length).toBeGreaterThan(rules.length * 0.85);
  });

  it('refs use the known namespaces and published id shapes', () => {
    const shapes = [
      /^atlas:AML\.(T\d{4}(\.\d{3})?|M\d{4})$/,
      /^owasp-llm-2025:LLM(0[1-9]|10)$/,
      /^owasp-ml-2023:ML(0[1-9]|10)$/,
      /^owasp-asi-2026:ASI(0[1-9]|10)$/,
      /^owasp-agentic-threats:T([1-9]|1[0-5])$/,
      /^stride-ai:[STRIDE](-[a-z-]+)?$/,
      /^nist-ai-100-2:[a-z-]+$/,
      /^nist-ai-rmf:(GOVERN|MAP|MEASURE|MANAGE)(-\d+(\.\d+)?)?$/,
      /^eu-ai-act:(Art-\d+(\.\d+)?|Annex-[IVX]+)$/,
    ];
    expect(allRefs.filter((ref) => !shapes.some((s) => s.test(ref)))).toEqual([]);
    // Mitigations point at ATLAS mitigations, never at techniques.
    const mitigationRefs = rules.flatMap((r) => r.mitigations.flatMap((m) => m.refs));
    expect(mitigationRefs.filter((ref) => !/^atlas:AML\.M\d{4}$/.test(ref))).toEqual([]);
  });

  // The team's reference folder sits beside the repository in CI; the bundled catalog (generated
  // from the same file, and checked against it where present) covers the case without it.
  const officialAtlas = new URL('../../../../shared/reference/atlas/ATLAS.yaml', import.meta.url);
  it.runIf(existsSync(officialAtlas))('every ATLAS id exists in the official ATLAS 5.6.0 data', () => {
    const atlas = parse(readFileSync(officialAtlas, 'utf8')) as {
      matrices: { techniques: { id: string }[]; mitigations: { id: string }[] }[];
    };
    const known = new Set([...atlas.matrices[0]!.techniques, ...atlas.matrices[0]!.mitigations].map((x) => `atlas:${x.id}`));
    expect(allRefs.filter((ref) => ref.startsWith('atlas:') && !known.has(ref))).toEqual([]);
  });

  it('every ref resolves in the bundled catalogs', () => {
    expect(unresolvedRefs(bundledIndex(), allRefs)).toEqual([]);
  });

  it('node rules say which AI types they apply to; flow rules test endpoints or flow properties', () => {
    expect(rules.filter((r) => r.target === 'node' && ruleAiTypes(r) === null).map((r) => r.id)).toEqual([]);
    expect(rules.filter((r) => r.target === 'flow').length).toBeGreaterThanOrEqual(10);
  });
});

// The component table of shared/reference/catalogs.md, by AI type. Types the table has no row for
// take the row they belong to: labelling like the training dataset it produces, experiment tracking
// and CI/CD like the training pipeline, a model hub like the registry minus I (a public hub's weights
// are not ours to lose), users/operators from their row, generic types classic STRIDE per element.
const APPLICABLE: Record<AiType, readonly StrideLetter[]> = {
  'data-source': ['S', 'T'],
  'raw-dataset': ['T', 'I', 'R'],
  'labeling-service': ['T', 'I', 'R'],
  'feature-store': ['T', 'I', 'D'],
  'training-pipeline': ['T', 'E', 'I', 'R'],
  'experiment-tracking': ['T', 'E', 'I', 'R'],
  'cicd-pipeline': ['T', 'E', 'I', 'R'],
  'model-registry': ['S', 'T', 'I', 'E'],
  'model-hub': ['S', 'T', 'E'],
  'inference-api': ['S', 'T', 'I', 'D', 'E'],
  llm: ['T', 'I', 'D', 'E'],
  'prompt-store': ['I', 'T'],
  'embedding-model': ['T', 'I'],
  'vector-db': ['T', 'I', 'E'],
  'rag-retriever': ['T', 'S', 'I'],
  agent: ['S', 'T', 'R', 'I', 'D', 'E'],
  'agent-memory': ['T', 'I', 'R'],
  'tool-server': ['S', 'T', 'I', 'E'],
  guardrail: ['T', 'E', 'D'],
  'output-consumer': ['T', 'E', 'I'],
  monitoring: ['R', 'T', 'I', 'D'],
  actor: ['S', 'R'],
  operator: ['S', 'R'],
  'generic-process': ['S', 'T', 'R', 'I', 'D', 'E'],
  'generic-store': ['T', 'R', 'I', 'D'],
  'generic-external': ['S', 'R'],
};

describe('coverage of the component table', () => {
  it('encodes every AI type', () => {
    expect(Object.keys(APPLICABLE).sort()).toEqual([...AI_TYPES].sort());
  });

  it('every AI type has a node rule for each STRIDE letter that applies to it', () => {
    const missing: string[] = [];
    for (const aiType of AI_TYPES) {
      for (const letter of APPLICABLE[aiType]) {
        const covered = rules.some((r) => r.stride.includes(letter) && (ruleAiTypes(r) ?? []).includes(aiType));
        if (!covered) missing.push(`${aiType} ${letter}`);
      }
    }
    expect(missing).toEqual([]);
    expect(STRIDE.length).toBe(6);
  });
});
