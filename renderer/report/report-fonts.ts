// The report font, served from our own bundle (Vite copies the TrueType files from the
// dejavu-fonts-ttf package into the build): fetched once, on the first export, never at start-up.
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import type { ReportFonts } from '../../shared/report';

let loading: Promise<ReportFonts> | null = null;

async function fetchFont(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The report font could not be loaded (${response.status} ${response.statusText}).`);
  return new Uint8Array(await response.arrayBuffer());
}

export function loadReportFonts(): Promise<ReportFonts> {
  loading ??= Promise.all([fetchFont(regularUrl), fetchFont(boldUrl)]).then(([regular, bold]) => ({ regular, bold }));
  // A failed load may succeed on the next try (it is our own origin, but be forgiving).
  loading.catch(() => (loading = null));
  return loading;
}
