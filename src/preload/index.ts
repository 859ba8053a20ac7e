/** Preload (sandboxed, single CommonJS file): expose the contract bridge and nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, type Bridge } from './bridge';

const bridge = createBridge(ipcRenderer) satisfies Bridge;
contextBridge.exposeInMainWorld('papershelf', bridge);
