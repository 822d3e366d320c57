// The smoke scripts' report: one line per check, every failure collected, one verdict at the end
// (exit 1 when anything failed), so a run shows all that is wrong rather than the first thing.

/** @param {string} name  prefixes the verdict line, e.g. "smoke" */
export function checklist(name) {
  /** @type {string[]} */
  const failures = [];
  return {
    /** Records one check. */
    check(/** @type {unknown} */ ok, /** @type {string} */ what) {
      console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
      if (!ok) failures.push(what);
    },
    /** Records an error that stopped the run early. */
    broke(/** @type {unknown} */ error) {
      failures.push(error instanceof Error ? error.message : String(error));
      console.error(error);
    },
    /** Prints the verdict and exits 1 if anything failed. */
    finish(/** @type {string} */ passed, /** @type {string} */ failedHint = '') {
      if (failures.length) {
        console.error(`${name}: ${failures.length} check(s) failed${failedHint}`);
        process.exit(1);
      }
      console.log(`${name}: ${passed}`);
    },
  };
}
