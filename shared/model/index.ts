// The public entry of shared/model: other layers import only from here.
export * from './types';
export * from './component-types';
export * from './factory';
export * from './ids';
export * from './version';
export { MAX_PROBLEMS, capProblems, formatPath, toProblems, zodMessages, type Problem } from './problems';
export * from './schema';
export * from './canonical';
export * from './migrations';
export * from './parse-file';
export * from './lifecycle';
export * from './remap-ids';
export * from './labels';
