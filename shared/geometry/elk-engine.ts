// One ELK instance for every automatic layout (attack trees, imports without coordinates),
// loaded on first use: elkjs is about a megabyte of JavaScript that opening the app never needs.
import type { ELK as ElkApi } from 'elkjs/lib/elk-api';

let engine: Promise<ElkApi> | undefined;

/** The shared ELK engine; the first call loads elkjs. A failed load is retried on the next call. */
export function elkEngine(): Promise<ElkApi> {
  engine ??= import('elkjs/lib/elk.bundled.js').then(
    ({ default: ELK }) => new ELK(),
    (error: unknown) => {
      engine = undefined;
      throw error;
    },
  );
  return engine;
}
