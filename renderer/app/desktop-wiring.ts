// Connects the app to the desktop shell: native menu clicks, and files the OS asks us to open
// (double-click, command line, a second launch, Open Recent). Main queues open requests until
// we say we listen, so `ready` is sent only after both subscriptions are in place.
import type { MenuAction } from '../../shared/ipc';
import type { OpenedFile } from '../platform/platform';
import type { DesktopServices } from './services';

export interface DesktopWiring {
  dispatch(action: MenuAction): void;
  /** Opens or imports a file the OS handed us, the same way as one picked with Import…. */
  openFile(file: OpenedFile): void | Promise<void>;
  /** A requested file could not be read (gone, too large, unreadable). */
  report(message: string): void;
}

export function connectDesktop(desktop: DesktopServices, wiring: DesktopWiring): () => void {
  const offMenu = desktop.menu.onAction(wiring.dispatch);
  const offOpen = desktop.files.onOpenRequest(wiring.openFile, wiring.report);
  void desktop.host.ready().catch(() => undefined);
  return () => {
    offMenu();
    offOpen();
  };
}
