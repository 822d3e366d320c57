// Report options: defaults, and checks that name what is wrong with a bad value.
import { PAPER_SIZES, type ReportOptions } from './types';

export const MAX_CLASSIFICATION_LENGTH = 60;
/** A cover logo larger than this is refused: it would bloat every exported report. */
export const MAX_LOGO_DATA_URL_LENGTH = 2_000_000;
const LOGO_PATTERN = /^data:image\/(png|jpeg|jpg);base64,[A-Za-z0-9+/]+={0,2}$/;

/** Everything but the date, which the caller must give (a clock read here would break golden tests). */
export const DEFAULT_REPORT_OPTIONS: Omit<ReportOptions, 'creationDate'> = {
  paper: 'a4',
  classification: '',
  includeMitigated: true,
  includeOutOfScope: true,
  includeDiagrams: true,
  includeAttackTrees: true,
  includeAppendix: true,
  logo: null,
};

export function reportOptions(creationDate: string, overrides: Partial<Omit<ReportOptions, 'creationDate'>> = {}): ReportOptions {
  return { ...DEFAULT_REPORT_OPTIONS, ...overrides, creationDate };
}

/** What is wrong with the options, one message per problem; empty when they can be used. */
export function reportOptionProblems(options: ReportOptions): string[] {
  const problems: string[] = [];
  if (typeof options.creationDate !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(options.creationDate) || Number.isNaN(Date.parse(options.creationDate))) {
    problems.push(`The report date "${String(options.creationDate)}" is not an ISO date (YYYY-MM-DD or a full timestamp).`);
  }
  if (!PAPER_SIZES.includes(options.paper)) problems.push(`The paper size must be ${PAPER_SIZES.join(' or ')}, not "${String(options.paper)}".`);
  if (typeof options.classification !== 'string') problems.push('The classification label must be text.');
  else if (options.classification.length > MAX_CLASSIFICATION_LENGTH) {
    problems.push(`The classification label is ${options.classification.length} characters long; at most ${MAX_CLASSIFICATION_LENGTH} fit in a page header.`);
  }
  if (options.logo !== null) {
    if (typeof options.logo !== 'string' || !LOGO_PATTERN.test(options.logo)) problems.push('The logo must be a PNG or JPEG image (a base64 data: URL).');
    else if (options.logo.length > MAX_LOGO_DATA_URL_LENGTH) problems.push(`The logo is too large (${Math.round(options.logo.length / 1024)} KB encoded); use an image under 1.4 MB.`);
  }
  return problems;
}

/** The logo's image format for the PDF writer, from its data URL. */
export function logoFormat(logo: string): 'PNG' | 'JPEG' {
  return /^data:image\/png/.test(logo) ? 'PNG' : 'JPEG';
}
