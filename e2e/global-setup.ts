/** Runs once before the e2e specs: say plainly which hosts the specs will cover. */
import { electronBinary, NO_ELECTRON_REASON } from './electron';

export default function globalSetup(): void {
  const bin = electronBinary();
  console.log(bin ? `[e2e] Electron binary found (${bin}): desktop-app specs will run.` : `[e2e] ${NO_ELECTRON_REASON}`);
}
