// Export to Threat Dragon v2 or Open Threat Model 0.2.0: build the file (the exporters load on
// first use), save it where the user chooses, then say what the target format could not hold.
import type { ImportNote } from '../../shared/interop';
import type { ModelDocument } from '../../shared/model';
import { whileBusy, type Services } from '../app/services';

export const EXPORT_TARGETS = {
  'threat-dragon': { label: 'Threat Dragon v2', menuLabel: 'Threat Dragon v2 (.json)…', suffix: '.threat-dragon.json' },
  otm: { label: 'Open Threat Model 0.2.0', menuLabel: 'Open Threat Model 0.2.0 (.otm.json)…', suffix: '.otm.json' },
} as const;
export type ExportTarget = keyof typeof EXPORT_TARGETS;

export interface ExportOutcome {
  readonly target: ExportTarget;
  readonly fileName: string;
  readonly lost: readonly ImportNote[];
}

/** A file name from the model title: letters, digits and a few safe marks only. */
export function exportFileName(title: string, target: ExportTarget): string {
  const base = title.replace(/[^\p{L}\p{N} _.-]+/gu, '_').trim().slice(0, 120) || 'threat-model';
  return `${base}${EXPORT_TARGETS[target].suffix}`;
}

export async function buildExport(doc: ModelDocument, target: ExportTarget): Promise<{ text: string; lost: readonly ImportNote[] }> {
  const interop = await import('../../shared/interop');
  const { model, lost } = target === 'otm' ? interop.exportOtmWithReport(doc) : interop.exportThreatDragonV2WithReport(doc);
  return { text: `${JSON.stringify(model, null, 2)}\n`, lost };
}

export class ExportFlow {
  running = $state<ExportTarget | null>(null);
  outcome = $state.raw<ExportOutcome | null>(null);
  error = $state<string | null>(null);
  readonly #services: Services;
  readonly #doc: () => ModelDocument;

  constructor(services: Services, doc: () => ModelDocument) {
    this.#services = services;
    this.#doc = doc;
  }

  run = async (target: ExportTarget): Promise<void> => {
    if (this.running) return;
    this.running = target;
    this.error = null;
    const doc = this.#doc();
    try {
      // Busy from the first byte built to the last written: closing the window waits for it.
      await whileBusy(this.#services, async () => {
        const { text, lost } = await buildExport(doc, target);
        const fileName = exportFileName(doc.title, target);
        const saved = await this.#services.files.saveExportFile(fileName, text, 'application/json');
        if (saved) this.outcome = { target, fileName: saved.name, lost };
      });
    } catch (error) {
      this.error = `Could not export to ${EXPORT_TARGETS[target].label}: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.running = null;
    }
  };

  dismiss = () => {
    this.outcome = null;
    this.error = null;
  };
}
