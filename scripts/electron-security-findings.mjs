// The verdict logic of `npm run check:electron`, kept free of I/O and of electronegativity itself
// so tests can drive it with hand-made findings: which findings the reviewed allow-list covers,
// which fail, which allow-list entries went stale, and the report printed at the end.

/**
 * One electronegativity finding, reduced to what the verdict and the report need.
 * @typedef {object} Finding
 * @property {string} check        e.g. PRELOAD_JS_CHECK
 * @property {string} file         path relative to the scanned root, "N/A" for whole-app findings
 * @property {number} line
 * @property {number} column
 * @property {string} description
 * @property {string} sample       the flagged code (or CSP), "" when the check gives none
 * @property {string} severity
 * @property {string} confidence
 * @property {boolean} manualReview
 */

/**
 * One reviewed finding. `sample` pins the exact code that was reviewed: when that code changes,
 * the finding no longer matches and must be reviewed again.
 * @typedef {object} AllowEntry
 * @property {string} check
 * @property {string} file
 * @property {string} sample
 * @property {string} reason  why it is safe here, in a sentence
 */

/**
 * @typedef {object} Verdict
 * @property {{ finding: Finding, entry: AllowEntry }[]} allowed
 * @property {Finding[]} failing      findings no entry covers
 * @property {AllowEntry[]} stale     entries that cover no finding (would hide a regression later)
 */

/** @typedef {{ file: string, message: string }} ScanError */
/** @typedef {{ file: string, line: number, text: string }} InlineSuppression */

const ENTRY_KEYS = ['check', 'file', 'sample', 'reason'];
const MIN_REASON_LENGTH = 20;

/** Whitespace-insensitive form of a code sample (the tool trims lines; CSPs may wrap). */
export const normalizeSample = (/** @type {string} */ sample) => sample.replace(/\s+/g, ' ').trim();

/**
 * Turns one of electronegativity's issue objects into a Finding.
 * @param {any} issue
 * @returns {Finding}
 */
export function toFinding(issue) {
  return {
    check: String(issue?.id ?? 'UNKNOWN_CHECK'),
    file: String(issue?.file ?? 'N/A'),
    line: Number(issue?.location?.line ?? 0),
    column: Number(issue?.location?.column ?? 0),
    description: String(issue?.description ?? ''),
    sample: normalizeSample(String(issue?.sample ?? '')),
    severity: String(issue?.severity?.name ?? 'UNKNOWN'),
    confidence: String(issue?.confidence?.name ?? 'UNKNOWN'),
    manualReview: issue?.manualReview === true,
  };
}

/**
 * Validates the allow-list file's content: `{ "allowed": [ { check, file, sample, reason } ] }`.
 * @param {unknown} value  the parsed JSON
 * @param {string} source  the file name, for messages
 * @returns {AllowEntry[]}
 */
export function parseAllowList(value, source) {
  const list = value && typeof value === 'object' && !Array.isArray(value) ? /** @type {any} */ (value).allowed : undefined;
  if (!Array.isArray(list)) throw new Error(`${source}: expected an object with an "allowed" array`);
  const seen = new Set();
  return list.map((raw, index) => {
    const where = `${source}: allowed[${index}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${where}: expected an object`);
    for (const key of Object.keys(raw)) {
      if (!ENTRY_KEYS.includes(key)) throw new Error(`${where}: unknown field "${key}" (expected ${ENTRY_KEYS.join(', ')})`);
    }
    for (const key of ENTRY_KEYS) {
      if (typeof raw[key] !== 'string' || !raw[key].trim()) throw new Error(`${where}: "${key}" must be a non-empty string`);
    }
    if (raw.reason.trim().length < MIN_REASON_LENGTH) {
      throw new Error(`${where}: "reason" must say in a sentence why the finding is safe here`);
    }
    /** @type {AllowEntry} */
    const entry = { check: raw.check.trim(), file: raw.file.trim(), sample: normalizeSample(raw.sample), reason: raw.reason.trim() };
    const key = `${entry.check}\n${entry.file}\n${entry.sample}`;
    if (seen.has(key)) throw new Error(`${where}: duplicate of an earlier entry for ${entry.check} in ${entry.file}`);
    seen.add(key);
    return entry;
  });
}

/** @param {AllowEntry} entry @param {Finding} finding */
const covers = (entry, finding) =>
  entry.check === finding.check && entry.file === finding.file && entry.sample === normalizeSample(finding.sample);

/**
 * Sorts findings into allowed and failing, and finds allow-list entries that matched nothing.
 * @param {readonly Finding[]} findings
 * @param {readonly AllowEntry[]} entries
 * @returns {Verdict}
 */
export function judgeFindings(findings, entries) {
  /** @type {Verdict} */
  const verdict = { allowed: [], failing: [], stale: [] };
  const used = new Set();
  for (const finding of findings) {
    const entry = entries.find((candidate) => covers(candidate, finding));
    if (entry) {
      verdict.allowed.push({ finding, entry });
      used.add(entry);
    } else {
      verdict.failing.push(finding);
    }
  }
  verdict.stale = entries.filter((entry) => !used.has(entry));
  return verdict;
}

/**
 * `eng-disable` comments make electronegativity drop findings before we see them; the reviewed
 * allow-list must stay the only way to accept one, so such comments fail the check.
 * @param {readonly { file: string, text: string }[]} files
 * @returns {InlineSuppression[]}
 */
export function findInlineSuppressions(files) {
  /** @type {InlineSuppression[]} */
  const found = [];
  for (const { file, text } of files) {
    text.split('\n').forEach((line, index) => {
      if (/eng-disable/i.test(line)) found.push({ file, line: index + 1, text: line.trim() });
    });
  }
  return found;
}

/** @param {Finding} finding */
export const formatFinding = (finding) =>
  `${finding.check}  ${finding.file}:${finding.line}:${finding.column}  ${finding.description}` +
  `${finding.manualReview ? ' (review required)' : ''} [${finding.severity}/${finding.confidence}]` +
  (finding.sample ? `\n    code: ${finding.sample.length > 160 ? `${finding.sample.slice(0, 157)}...` : finding.sample}` : '');

/**
 * The whole report: what fails and why, then one summary line.
 * @param {object} input
 * @param {number} input.checks         checks electronegativity ran
 * @param {number} input.files          files it scanned
 * @param {Verdict} input.verdict
 * @param {readonly ScanError[]} input.errors                   files it could not parse
 * @param {readonly InlineSuppression[]} input.suppressions
 * @param {readonly string[]} input.networkAttempts             URLs it tried to fetch
 * @param {string} input.allowListFile
 * @returns {{ ok: boolean, lines: string[] }}
 */
export function buildReport({ checks, files, verdict, errors, suppressions, networkAttempts, allowListFile }) {
  const lines = [];
  const section = (/** @type {string} */ title, /** @type {string[]} */ items) => {
    if (items.length) lines.push(title, ...items.map((item) => `  ${item.replace(/\n/g, '\n  ')}`));
  };
  section(`Findings not in the reviewed allow-list (${allowListFile}): fix them, or review and add an entry:`, verdict.failing.map(formatFinding));
  section(
    `Stale allow-list entries in ${allowListFile} (they match no finding any more: remove them, or re-review the changed code):`,
    verdict.stale.map((entry) => `${entry.check}  ${entry.file}  code: ${entry.sample}`),
  );
  section('Files electronegativity could not parse (their checks did not run):', errors.map((error) => `${error.file}: ${error.message}`));
  section(
    `Inline eng-disable comments (use ${allowListFile} instead, where each exception carries a reason):`,
    suppressions.map((s) => `${s.file}:${s.line}  ${s.text}`),
  );
  section('electronegativity tried to reach the network (CI has none; exclude the check that did):', [...networkAttempts]);
  const failing = verdict.failing.length + verdict.stale.length + errors.length + suppressions.length + networkAttempts.length;
  const findings = verdict.failing.length + verdict.allowed.length;
  lines.push(
    `electronegativity: ${checks} checks run on ${files} files, ${findings} findings, ${verdict.allowed.length} allowed, ${failing} failing`,
  );
  return { ok: failing === 0, lines };
}
