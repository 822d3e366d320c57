// The model library: every threat model the user keeps in this browser profile / app install.
// Each write touches the document and its list metadata in ONE read-write transaction, so the
// list can never disagree with the documents, and a failed write leaves the old version intact.
import {
  createModel,
  newId,
  parseModelFile,
  type ModelDocument,
  type Problem,
} from '../../shared/model';
import { documentJson, checkWhenIdle, type ModelMeta, type StoredDocument, type ThreatloomDb } from './db';

export type ModelSort = 'updated' | 'title';

export interface ListOptions {
  /** Case-insensitive substring of the title; blank means everything. */
  readonly search?: string;
  /** `updated` (default): last edited first. `title`: A→Z, ignoring case and accents. */
  readonly sort?: ModelSort;
}

export interface ImportResult {
  readonly doc: ModelDocument;
  /** The library id the file carried when it was stored as a copy under a fresh id, else null. */
  readonly copiedFrom: string | null;
}

/** The list metadata of a document, computed from it so the two cannot drift. */
export function modelMetaOf(doc: ModelDocument): ModelMeta {
  let elementCount = 0;
  let flowCount = 0;
  for (const diagram of doc.diagrams) {
    elementCount += diagram.nodes.length + diagram.flows.length + diagram.boundaries.length;
    flowCount += diagram.flows.length;
  }
  return {
    id: doc.id,
    title: doc.title,
    updatedAt: doc.updatedAt,
    createdAt: doc.createdAt,
    elementCount,
    flowCount,
    threatCount: doc.threats.length,
    diagramCount: doc.diagrams.length,
  };
}

const titleCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export class ModelLibrary {
  constructor(private readonly db: ThreatloomDb) {}

  async listModels(options: ListOptions = {}): Promise<ModelMeta[]> {
    // The metadata table is small (one short row per model), so filtering in memory is simpler
    // than an index on a lower-cased title and just as fast at any realistic library size.
    const rows = await this.db.models.orderBy('updatedAt').reverse().toArray();
    const needle = options.search?.trim().toLocaleLowerCase() ?? '';
    const found = needle ? rows.filter((m) => m.title.toLocaleLowerCase().includes(needle)) : rows;
    if (options.sort === 'title') {
      // Array.prototype.sort is stable, so equal titles stay newest first.
      found.sort((a, b) => titleCollator.compare(a.title, b.title));
    }
    return found;
  }

  /**
   * The stored document, read like a model file: parsed, upgraded in memory if an older
   * Threatloom wrote it (the upgrade reaches the database with the next save) and validated.
   * Rejects with a message naming the model and the first problems if the stored copy cannot be
   * used, e.g. a newer version wrote it or it was damaged.
   */
  async loadModel(id: string): Promise<ModelDocument | undefined> {
    const row = await this.db.documents.get(id);
    return row && this.readStored(row);
  }

  async getMeta(id: string): Promise<ModelMeta | undefined> {
    return this.db.models.get(id);
  }

  /**
   * Stores the document exactly as given (its `updatedAt` included: stamping edit times is the
   * editor's job, so a save/load round trip returns an equal document).
   */
  async saveModel(doc: ModelDocument): Promise<void> {
    // Serialized before the transaction opens: a document that cannot be written fails here, and
    // the transaction is held only for the two puts.
    const json = documentJson(doc);
    await this.db.transaction('rw', this.db.models, this.db.documents, async () => {
      await this.write(doc, json);
    });
  }

  async createModel(title: string): Promise<ModelDocument> {
    const doc = createModel(title);
    await this.saveModel(doc);
    return doc;
  }

  async renameModel(id: string, title: string, now: string = new Date().toISOString()): Promise<ModelDocument> {
    return this.db.transaction('rw', this.db.models, this.db.documents, async () => {
      const doc = await this.mustLoad(id);
      const renamed: ModelDocument = { ...doc, title, updatedAt: now };
      await this.write(renamed);
      return renamed;
    });
  }

  async duplicateModel(id: string, now: string = new Date().toISOString()): Promise<ModelDocument> {
    return this.db.transaction('rw', this.db.models, this.db.documents, async () => {
      const doc = await this.mustLoad(id);
      const copy: ModelDocument = { ...doc, id: newId(), title: `${doc.title} (copy)`, createdAt: now, updatedAt: now };
      await this.write(copy);
      return copy;
    });
  }

  async deleteModel(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.models, this.db.documents, async () => {
      await this.db.documents.delete(id);
      await this.db.models.delete(id);
    });
  }

  /**
   * Adds a document read from a file. If its id is already in the library it is stored as a new
   * copy under a fresh id instead of replacing the stored model: opening a file must never change
   * anything already stored (the file may be older than the library's version, or a colleague's
   * fork of it), and the user can delete whichever copy they do not want.
   */
  async importModel(doc: ModelDocument): Promise<ImportResult> {
    return this.db.transaction('rw', this.db.models, this.db.documents, async () => {
      // Checked inside the transaction so a concurrent save cannot slip in between check and write.
      const taken = (await this.db.documents.where(':id').equals(doc.id).count()) > 0;
      const stored: ModelDocument = taken ? { ...doc, id: newId() } : doc;
      await this.write(stored);
      return { doc: stored, copiedFrom: taken ? doc.id : null };
    });
  }

  private async mustLoad(id: string): Promise<ModelDocument> {
    const row = await this.db.documents.get(id);
    if (!row) throw new Error(`No model with id ${id} in the library.`);
    return this.readStored(row);
  }

  /** Must run inside a rw transaction over both tables: if either write fails the transaction
   * aborts and neither row changes. */
  private async write(doc: ModelDocument, json: string = documentJson(doc)): Promise<void> {
    // Both requests are queued at once (a transaction runs them in order): awaiting the first
    // before issuing the second would add a round trip to every save.
    await Promise.all([this.db.models.put(modelMetaOf(doc)), this.db.documents.put({ id: doc.id, json })]);
  }

  private async readStored(row: StoredDocument): Promise<ModelDocument> {
    const text: unknown = row.json;
    // Stored text is not a file the user picked: no size limit (it got here through the app).
    const parsed = typeof text === 'string' ? parseModelFile(text, 'stored model', { maxBytes: Infinity }) : null;
    if (parsed?.ok && parsed.doc.id === row.id) {
      checkWhenIdle(parsed.doc);
      return parsed.doc;
    }
    const problems: Problem[] = !parsed
      ? [{ path: '', message: 'the row holds no model text' }]
      : parsed.ok
        ? [{ path: 'id', message: `is ${parsed.doc.id}, but the model is stored under ${row.id}` }]
        : parsed.problems;
    const title = (await this.db.models.get(row.id))?.title;
    throw new Error(`Model “${title ?? row.id}” cannot be opened: ${describe(problems)}.`);
  }
}

/** The first few problems as `path: reason`, for an error message. */
function describe(problems: readonly Problem[], max = 3): string {
  const shown = problems.slice(0, max).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const rest = problems.length - shown.length;
  return `${shown.join('; ') || 'unknown problem'}${rest > 0 ? ` (and ${rest} more)` : ''}`;
}
