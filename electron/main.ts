// Entry point of the desktop app's main process (bundled to dist-electron/main.cjs).
import { startThreatloom } from './shell';

startThreatloom();
