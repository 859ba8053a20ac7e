import type { Bridge } from './bridge';

declare global {
  interface Window {
    /** Present in the desktop app only; browser mode talks HTTP. */
    papershelf?: Bridge;
  }
}
export {};
