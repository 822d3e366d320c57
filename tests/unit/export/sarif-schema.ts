// A zod mirror of the parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that our
// log uses: required properties, enums and formats exactly as the spec states them, and strict
// objects where we must not invent properties. Written from the spec; no network at test time.
import { z } from 'zod';

const message = z.object({ text: z.string().min(1) }).strict();
const propertyBag = z.record(z.string(), z.unknown());
const multiformatMessage = z.object({ text: z.string().min(1), markdown: z.string().optional() }).strict();

// §3.33.7: logicalLocation.kind values the spec lists (others are allowed but should be these).
const LOGICAL_KINDS = ['function', 'member', 'module', 'namespace', 'parameter', 'resource', 'returnType', 'type', 'variable', 'object', 'array', 'property', 'value', 'element', 'text', 'attribute', 'comment', 'declaration', 'dtd', 'processingInstruction'] as const;

const logicalLocation = z
  .object({ name: z.string().min(1).optional(), fullyQualifiedName: z.string().optional(), kind: z.enum(LOGICAL_KINDS).optional(), index: z.number().int().min(-1).optional() })
  .strict();

const location = z.object({ logicalLocations: z.array(logicalLocation).min(1).optional(), message: message.optional() }).strict();

const reportingDescriptor = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    shortDescription: multiformatMessage.optional(),
    fullDescription: multiformatMessage.optional(),
    helpUri: z.string().url().optional(),
    properties: propertyBag.optional(),
  })
  .strict();

const suppression = z
  .object({ kind: z.enum(['inSource', 'external']), status: z.enum(['accepted', 'underReview', 'rejected']).optional(), justification: z.string().optional() })
  .strict();

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;

export const result = z
  .object({
    ruleId: z.string().min(1).optional(),
    ruleIndex: z.number().int().min(-1).optional(),
    kind: z.enum(['notApplicable', 'pass', 'fail', 'review', 'open', 'informational']).optional(),
    level: z.enum(['none', 'note', 'warning', 'error']).optional(),
    message,
    locations: z.array(location).optional(),
    guid: z.string().regex(GUID).optional(),
    partialFingerprints: z.record(z.string(), z.string()).optional(),
    suppressions: z.array(suppression).optional(),
    properties: propertyBag.optional(),
  })
  .strict()
  // §3.27.10: a result whose kind is not "fail" has level "none".
  .refine((r) => r.kind === undefined || r.kind === 'fail' || r.level === 'none', { message: 'a result that is not a failure must have level "none"' });

const run = z
  .object({
    tool: z.object({ driver: z.object({ name: z.string().min(1), version: z.string().optional(), informationUri: z.string().url().optional(), rules: z.array(reportingDescriptor).optional() }).strict() }).strict(),
    automationDetails: z.object({ id: z.string().optional() }).strict().optional(),
    results: z.array(result).optional(),
    properties: propertyBag.optional(),
  })
  .strict();

export const sarifLogSchema = z
  .object({ $schema: z.string().url().optional(), version: z.literal('2.1.0'), runs: z.array(run).nullable() })
  .strict()
  // §3.27.6: ruleIndex, when present, points at the rule with the same id.
  .refine((log) => (log.runs ?? []).every((r) => (r.results ?? []).every((x) => x.ruleIndex === undefined || r.tool.driver.rules?.[x.ruleIndex]?.id === x.ruleId)), {
    message: 'ruleIndex must point at the rule whose id is ruleId',
  });
