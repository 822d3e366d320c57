// The "New from template" dialog's state: which template is being created and what went wrong.
// A template becomes a model in three steps: load and check its file (shared/templates), store it
// in the library as a new model, open it.
import { loadTemplate, TEMPLATES, type TemplateSummary } from '../../shared/templates';
import type { Services } from '../app/services';

export class TemplatePickerState {
  readonly templates: readonly TemplateSummary[] = TEMPLATES;
  /** The id of the template being created, while it is. */
  creating = $state<string | null>(null);
  error = $state<string | null>(null);

  constructor(
    private readonly services: Services,
    private readonly open: (id: string) => void,
  ) {}

  create = async (id: string): Promise<void> => {
    if (this.creating) return;
    this.creating = id;
    this.error = null;
    try {
      const doc = await loadTemplate(id);
      const stored = await this.services.library.importModel(doc);
      this.open(stored.doc.id);
    } catch (error) {
      const title = this.templates.find((t) => t.id === id)?.title ?? id;
      this.error = `Could not create a model from “${title}”: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.creating = null;
    }
  };
}
