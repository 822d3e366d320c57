// The app's host services, created once and handed to views through context.
import { getContext, setContext } from 'svelte';
import { defaultDatabase } from '../storage/db';
import { ModelLibrary } from '../storage/library';
import { BrowserFiles } from '../platform/browser-files';
import type { PlatformFiles } from '../platform/platform';

export interface Services {
  readonly library: ModelLibrary;
  readonly files: PlatformFiles;
}

export function createServices(): Services {
  return { library: new ModelLibrary(defaultDatabase()), files: new BrowserFiles() };
}

const KEY = Symbol('services');
export const setServices = (services: Services) => setContext(KEY, services);
export function getServices(): Services {
  const services = getContext<Services | undefined>(KEY);
  if (!services) throw new Error('getServices() used outside <App>');
  return services;
}
