// The bundled templates are generated: regenerating them from shared/templates must reproduce
// catalogs/templates/ byte for byte. When this fails after a deliberate change (a builder, a rule,
// the engine's wording), run `node scripts/generate-templates.mjs` and review the diff.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateFiles } from '../../../shared/templates';

const DIR = new URL('../../../catalogs/templates/', import.meta.url);

describe('catalogs/templates', () => {
  const files = templateFiles();

  it('holds exactly the generated files (and the README that says so)', () => {
    expect(readdirSync(DIR).filter((name) => name !== 'README.md').sort()).toEqual(files.map((f) => f.name).sort());
  });

  it.each(files.map((f) => [f.name, f] as const))('%s is what the generator writes', (name, file) => {
    expect(readFileSync(new URL(name, DIR), 'utf8') === file.text, `${name} differs: run node scripts/generate-templates.mjs`).toBe(true);
  });

  it('generates the same bytes twice (ids and dates do not depend on the run)', () => {
    expect(templateFiles()).toEqual(files);
  });
});
