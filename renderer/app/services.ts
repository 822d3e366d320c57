// The app's host services, created once and handed to views through context. Inside the desktop
// app (the preload exposed its bridge) files go through native dialogs and the menu is native;
// in a plain browser, through the File System Access API or downloads.
import { getContext, setContext } from 'svelte';
import type { ThreatloomBridge } from '../../shared/ipc';
import { defaultDatabase } from '../storage/db';
import { ModelLibrary } from '../storage/library';
import { BrowserFiles } from '../platform/browser-files';
import { DesktopFiles } from '../platform/desktop-files';
import { DesktopHost, findDesktopBridge } from '../platform/desktop-host';
import { DesktopMenu } from '../platform/desktop-menu';
import type { PlatformFiles } from '../platform/platform';

/** What only the desktop shell offers: busy tracking and the close handshake, open requests, the native menu. */
export interface DesktopServices {
  readonly host: DesktopHost;
  readonly files: DesktopFiles;
  readonly menu: DesktopMenu;
}

export interface Services {
  readonly library: ModelLibrary;
  readonly files: PlatformFiles;
  /** Null in a plain browser. */
  readonly desktop: DesktopServices | null;
}

export interface ServiceOptions {
  /** The preload's bridge; default: looked up on `globalThis` (absent in a browser). */
  readonly bridge?: ThreatloomBridge | null;
  readonly library?: ModelLibrary;
}

export function createServices(options: ServiceOptions = {}): Services {
  const library = options.library ?? new ModelLibrary(defaultDatabase());
  const bridge = options.bridge === undefined ? findDesktopBridge() : options.bridge;
  if (!bridge) return { library, files: new BrowserFiles(), desktop: null };
  const host = new DesktopHost(bridge);
  const files = new DesktopFiles(host);
  return { library, files, desktop: { host, files, menu: new DesktopMenu(host) } };
}

/**
 * Runs a save or export so that closing the desktop window waits for it (a no-op wrapper in the
 * browser, where nothing can wait for us).
 */
export function whileBusy<T>(services: Services, work: () => Promise<T>): Promise<T> {
  return services.desktop ? services.desktop.host.whileBusy(work) : work();
}

const KEY = Symbol('services');
export const setServices = (services: Services) => setContext(KEY, services);
export function getServices(): Services {
  const services = getContext<Services | undefined>(KEY);
  if (!services) throw new Error('getServices() used outside <App>');
  return services;
}
