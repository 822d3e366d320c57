// State of the Export dialog: the PDF options, the generated PDF (kept for the preview and reused
// by Save when nothing changed), progress while a long export runs, and the other formats.
// Building happens in shared/ (pure); this class only feeds it, yields to the UI, and saves.
import type { CatalogIndex } from '../../shared/catalogs';
import {
  exportFileName,
  exportJson,
  navigatorLayer,
  reportToMarkdown,
  sarifLog,
  sceneToSvg,
  threatRegisterCsv,
} from '../../shared/export';
import type { Diagram, ModelDocument } from '../../shared/model';
import {
  buildReportStructure,
  buildScene,
  renderReportPdf,
  reportOptionProblems,
  type PaperSize,
  type RenderProgress,
  type ReportOptions,
} from '../../shared/report';
import type { PlatformFiles } from '../platform/platform';
import { loadReportFonts } from './report-fonts';
import { svgToPng } from './svg-to-png';

export type OtherFormat = 'json' | 'csv' | 'sarif' | 'navigator' | 'markdown' | 'svg' | 'png';

export interface GeneratedPdf {
  readonly key: string;
  readonly doc: ModelDocument;
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly replaced: number;
}

const MAX_LOGO_BYTES = 1024 * 1024;
/** Longest stretch of work between two yields to the event loop, so the dialog stays responsive. */
const SLICE_MS = 30;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ExportDialogState {
  paper = $state<PaperSize>('a4');
  classification = $state('');
  includeMitigated = $state(true);
  includeOutOfScope = $state(true);
  includeDiagrams = $state(true);
  includeAttackTrees = $state(true);
  includeAppendix = $state(true);
  logo = $state<string | null>(null);
  logoName = $state('');
  /** What is being produced right now ("PDF report", "CSV"…), or null. */
  busy = $state<string | null>(null);
  progress = $state.raw<RenderProgress | null>(null);
  message = $state<string | null>(null);
  error = $state<string | null>(null);
  pdf = $state.raw<GeneratedPdf | null>(null);
  /** The report date: fixed when the dialog opens, so regenerating gives the same file. */
  readonly creationDate: string;

  constructor(
    private readonly getDoc: () => ModelDocument,
    private readonly getDiagram: () => Diagram,
    private readonly index: CatalogIndex,
    private readonly files: PlatformFiles,
    now: Date = new Date(),
  ) {
    this.creationDate = now.toISOString();
  }

  get options(): ReportOptions {
    return {
      creationDate: this.creationDate,
      paper: this.paper,
      classification: this.classification.trim(),
      includeMitigated: this.includeMitigated,
      includeOutOfScope: this.includeOutOfScope,
      includeDiagrams: this.includeDiagrams,
      includeAttackTrees: this.includeAttackTrees,
      includeAppendix: this.includeAppendix,
      logo: this.logo,
    };
  }

  get problems(): string[] {
    return reportOptionProblems(this.options);
  }

  /** Whether the preview shows other options or an older model than the current ones. */
  get stale(): boolean {
    return this.pdf === null || this.pdf.key !== JSON.stringify(this.options) || this.pdf.doc !== this.getDoc();
  }

  private async run<T>(what: string, work: () => Promise<T>): Promise<T | null> {
    if (this.busy) return null;
    this.busy = what;
    this.error = null;
    this.message = null;
    try {
      return await work();
    } catch (error) {
      this.error = `Could not export the ${what}: ${error instanceof Error ? error.message : String(error)}`;
      return null;
    } finally {
      this.busy = null;
      this.progress = null;
    }
  }

  /** Builds the PDF for the current options (or returns the one already built for them). */
  generate = (): Promise<GeneratedPdf | null> =>
    this.stale ? this.run('PDF report', () => this.build()) : Promise.resolve(this.pdf);

  private async build(): Promise<GeneratedPdf> {
    const options = this.options;
    const doc = this.getDoc();
    const fonts = await loadReportFonts();
    await nextTask();
    const structure = buildReportStructure(doc, this.index, options);
    let last = performance.now();
    const rendered = await renderReportPdf(structure, fonts, {
      onProgress: async (progress) => {
        if (performance.now() - last < SLICE_MS) return;
        this.progress = progress;
        await nextTask();
        last = performance.now();
      },
    });
    this.pdf = { key: JSON.stringify(options), doc, bytes: rendered.bytes, pages: rendered.pageCount, replaced: rendered.replacedCharacters };
    return this.pdf;
  }

  savePdf = async (): Promise<void> => {
    const pdf = await this.generate();
    if (!pdf) return;
    await this.save('PDF report', exportFileName(this.getDoc().title, 'pdf'), pdf.bytes, 'application/pdf');
  };

  /** Reads a PNG or JPEG chosen for the cover; refuses anything else with the reason. */
  setLogo = async (file: File | null): Promise<void> => {
    this.error = null;
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) {
      this.error = `“${file.name}” is not a PNG or JPEG image; the cover logo must be one of those.`;
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      this.error = `“${file.name}” is ${Math.round(file.size / 1024)} KB; use a logo under 1 MB.`;
      return;
    }
    this.logo = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
      reader.readAsDataURL(file);
    });
    this.logoName = file.name;
  };

  clearLogo = (): void => {
    this.logo = null;
    this.logoName = '';
  };

  exportOther = async (format: OtherFormat): Promise<void> => {
    const doc = this.getDoc();
    const title = doc.title;
    const date = this.creationDate.slice(0, 10);
    const diagram = this.getDiagram();
    const scene = () => buildScene(diagram, { includeOutOfScope: this.includeOutOfScope });
    const diagramTitle = `${title} — ${diagram.name}`;
    const fileBase = `${title} - ${diagram.name}`;
    const jobs: Record<OtherFormat, () => Promise<[string, string | Uint8Array, string]>> = {
      json: async () => [exportFileName(title, 'threatloom.json'), exportJson(doc), 'application/json'],
      csv: async () => [exportFileName(`${title} threats`, 'csv'), threatRegisterCsv(doc, this.index), 'text/csv'],
      sarif: async () => [exportFileName(title, 'sarif'), `${JSON.stringify(sarifLog(doc, { index: this.index }), null, 2)}\n`, 'application/sarif+json'],
      navigator: async () => [exportFileName(`${title} ATLAS layer`, 'json'), `${JSON.stringify(navigatorLayer(doc, this.index, date), null, 2)}\n`, 'application/json'],
      markdown: async () => [exportFileName(title, 'md'), reportToMarkdown(buildReportStructure(doc, this.index, this.options)), 'text/markdown'],
      svg: async () => [exportFileName(fileBase, 'svg'), sceneToSvg(scene(), diagramTitle), 'image/svg+xml'],
      png: async () => {
        const s = scene();
        return [exportFileName(fileBase, 'png'), await svgToPng(sceneToSvg(s, diagramTitle), s.bounds.width, s.bounds.height), 'image/png'];
      },
    };
    const label = FORMAT_LABELS[format];
    await this.run(label, async () => {
      await nextTask();
      const [name, data, mime] = await jobs[format]();
      await this.save(label, name, data, mime);
    });
  };

  private async save(what: string, name: string, data: string | Uint8Array, mime: string): Promise<void> {
    try {
      const saved = await this.files.saveExportFile(name, data, mime);
      if (saved) this.message = `Saved the ${what} as ${saved.name}.`;
    } catch (error) {
      this.error = `Could not save the ${what}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

export const FORMAT_LABELS: Readonly<Record<OtherFormat, string>> = {
  json: 'model (JSON)',
  csv: 'threat register (CSV)',
  sarif: 'SARIF log',
  navigator: 'ATLAS Navigator layer',
  markdown: 'Markdown report',
  svg: 'diagram (SVG)',
  png: 'diagram (PNG)',
};
