// Runs an import off the main thread: parsing a few MB of XML or YAML and laying out the diagram
// must never freeze the window, and Cancel must be able to stop it (the worker is terminated).
import { FORMAT_LABELS, importFile } from '../../shared/interop';
import type { ImportRequest, ImportResponse } from './run-import';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportResponse): void;
};

scope.onmessage = (event) => {
  const { text, fileName } = event.data;
  importFile(text, fileName).then(
    (result) => scope.postMessage({ result, formatLabel: FORMAT_LABELS[result.ok ? result.summary.format : result.format] }),
    // importFile promises never to throw; should it ever, say so rather than leave the UI waiting.
    (error: unknown) =>
      scope.postMessage({
        result: { ok: false, format: 'unknown', problems: [{ path: '', message: `the import failed: ${error instanceof Error ? error.message : String(error)}` }] },
        formatLabel: FORMAT_LABELS.unknown,
      }),
  );
};
