// The editor's part of the shell: Save and Save As (and what the user is told afterwards), and
// which panels show. A file changed on disk by someone else is never overwritten: the message
// offers Save As… instead.
import { serializeDocument, type ModelDocument } from '../../shared/model';
import { FileChangedOnDiskError } from '../platform/desktop-files';
import { whileBusy, type Services } from './services';

/** `<title>.threatloom`: the model file's own extension (the dialogs also accept `.json`). */
export function modelFileName(title: string): string {
  return `${title.replace(/[^\p{L}\p{N} _.-]+/gu, '_').trim().slice(0, 120) || 'threat-model'}.threatloom`;
}

export interface FileMessage {
  readonly text: string;
  /** A follow-up the user can take from the message, e.g. Save As… after a conflict. */
  readonly action?: { readonly label: string; readonly run: () => void };
}

export class EditorFiles {
  message = $state.raw<FileMessage | null>(null);
  readonly #services: Services;
  readonly #doc: () => ModelDocument;

  constructor(services: Services, doc: () => ModelDocument) {
    this.#services = services;
    this.#doc = doc;
  }

  save = (): Promise<void> => this.#write();

  /** Asks where to save even if this model was saved to (or opened from) a file before. */
  saveAs = (): Promise<void> => {
    this.#services.files.forgetFile(this.#doc().id);
    return this.#write();
  };

  dismiss = () => {
    this.message = null;
  };

  async #write(): Promise<void> {
    const doc = this.#doc();
    try {
      const saved = await whileBusy(this.#services, () => this.#services.files.saveModelFile(modelFileName(doc.title), serializeDocument(doc), doc.id));
      if (saved) this.message = { text: `Saved to ${saved.name}` };
    } catch (error) {
      if (error instanceof FileChangedOnDiskError) {
        this.message = { text: error.message, action: { label: 'Save As…', run: () => void this.saveAs() } };
      } else {
        this.message = { text: `Could not save the file: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
  }
}

/** Which editor panels show; the desktop View menu toggles them. */
export class PanelState {
  palette = $state(true);
  properties = $state(true);
  threats = $state(true);

  toggle = (panel: 'palette' | 'properties' | 'threats') => {
    this[panel] = !this[panel];
  };
}
