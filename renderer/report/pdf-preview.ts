// Renders the first pages of a generated PDF to canvases with pdf.js, so the preview shows the
// real file. The worker is bundled by Vite from pdfjs-dist and served from our own origin (the
// app's CSP allows no other); WebAssembly decoders are off, as the CSP forbids compiling them.
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';

let worker: Worker | null = null;

function ensureWorker(): void {
  if (worker) return;
  worker = new PdfWorker();
  GlobalWorkerOptions.workerPort = worker;
}

export interface PreviewPage {
  readonly width: number;
  readonly height: number;
}

/**
 * Draws pages 1…`count` of `bytes` into the given canvases, each `cssWidth` pixels wide (sharp on
 * high-density screens). Returns the total page count.
 */
export async function renderPreview(bytes: Uint8Array, canvases: readonly HTMLCanvasElement[], cssWidth: number): Promise<number> {
  ensureWorker();
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const task = getDocument({ data: bytes.slice(), useWasm: false, useSystemFonts: false, enableXfa: false });
  const pdf = await task.promise;
  try {
    const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
    for (let i = 0; i < canvases.length && i < pdf.numPages; i++) {
      const page = await pdf.getPage(i + 1);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
      const canvas = canvases[i]!;
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${Math.round(viewport.height / ratio)}px`;
      await page.render({ canvas, viewport }).promise;
    }
    return pdf.numPages;
  } finally {
    await task.destroy();
  }
}
