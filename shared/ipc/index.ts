// The public entry of shared/ipc: the contract between the desktop shell and the renderer.
export * from './channels';
export * from './contract';
export * from './schemas';
