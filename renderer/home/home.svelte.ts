// The library screen's state: the list of stored models and the actions on them.
import type { ModelMeta } from '../storage/db';
import type { ModelSort } from '../storage/library';
import type { Services } from '../app/services';
import { openModelFile } from '../app/open-model-file';

export class HomeState {
  models = $state.raw<ModelMeta[]>([]);
  search = $state('');
  sort = $state<ModelSort>('updated');
  loading = $state(true);
  error = $state<string | null>(null);

  constructor(
    private readonly services: Services,
    private readonly open: (id: string) => void,
    /** Tells the user something that must outlive this screen (it unmounts when a model opens). */
    private readonly inform: (message: string) => void,
  ) {}

  refresh = async () => {
    this.models = await this.services.library.listModels({ search: this.search, sort: this.sort });
    this.loading = false;
  };

  create = async (title: string) => {
    const doc = await this.services.library.createModel(title.trim() || 'Untitled threat model');
    this.open(doc.id);
  };

  rename = async (id: string, title: string) => {
    if (!title.trim()) return;
    await this.services.library.renameModel(id, title.trim());
    await this.refresh();
  };

  duplicate = async (id: string) => {
    await this.services.library.duplicateModel(id);
    await this.refresh();
  };

  remove = async (id: string) => {
    await this.services.library.deleteModel(id);
    await this.refresh();
  };

  openFile = async () => {
    this.error = null;
    const result = await openModelFile(this.services);
    if (!result) return;
    if (!result.ok) {
      this.error = result.message;
      return;
    }
    if (result.notes.length) this.inform(result.notes.join(' '));
    this.open(result.id);
  };
}
