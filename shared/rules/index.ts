// The public entry of shared/rules: the declarative rule language, rule-pack validation, the
// evaluator that turns a model document into explained threat suggestions, and panel helpers.
export * from './types';
export { validateRulePack, parseRulePack, RULE_LIMITS, RULE_REF_PATTERN, type RulePackResult } from './schema';
export { compileRules, predicateAiTypes, ruleAiTypes, type CompiledRuleSet } from './compile';
export { evaluateRules, createRuleEngine, type EvaluateOptions, type RuleEngine } from './engine';
export { buildDiagramFacts, type DiagramFacts, type FlowView } from './facts';
export { groupByStride, isRecorded, suggestionsFor, threatFromSuggestion, withoutRecorded, type AcceptedSuggestion } from './helpers';
export { FLOW_PLACEHOLDERS, NODE_PLACEHOLDERS, templatePlaceholders } from './template';
export { bundledRulePacks, bundledRules } from './bundled';
