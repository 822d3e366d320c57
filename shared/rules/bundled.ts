// The rule packs shipped with the app (catalogs/rules/), validated once on first use.
import aiCore from '../../catalogs/rules/ai-core.json';
import { validateRulePack } from './schema';
import type { Rule, RulePack } from './types';

let packs: readonly RulePack[] | null = null;
let rules: readonly Rule[] | null = null;

/** The bundled, read-only rule packs. Throws if a bundled pack is invalid (a test guards this). */
export function bundledRulePacks(): readonly RulePack[] {
  if (packs === null) {
    const result = validateRulePack(aiCore);
    if (!result.ok) throw new Error(`bundled rule pack ai-core is invalid: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    packs = Object.freeze([result.pack]);
  }
  return packs;
}

/** Every bundled rule, in pack order. The same array on every call, so compiled rules are cached. */
export function bundledRules(): readonly Rule[] {
  rules ??= Object.freeze(bundledRulePacks().flatMap((p) => p.rules));
  return rules;
}
