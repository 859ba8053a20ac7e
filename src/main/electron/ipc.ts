/**
 * Electron IPC transport: one `ipcMain.handle` per contract channel, every one behind the gate,
 * and each call's sender checked to be our own page's main frame (as VS Code's validateEvent).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import type { EventBus } from '../core/events';
import type { Dispatch } from '../ipc/gate';
import { isAppUrl } from './windowOptions';

export const EVENT_CHANNEL = 'papershelf:event';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false; // main frame only
  return isAppUrl(frame.url, appUrl);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch, appUrl: string): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      if (!isTrustedSender(event, appUrl)) {
        return { ok: false, error: { type: 'forbidden', message: 'Call refused: not from the Papershelf window' } };
      }
      return dispatch(channel, args);
    });
  }
  return () => CHANNELS.forEach((c) => ipcMain.removeHandler(c));
}

/** Forward every core event to the given windows' contents. */
export function forwardEvents(events: EventBus, targets: () => WebContents[]): () => void {
  return events.onAny((event, payload) => {
    for (const wc of targets()) if (!wc.isDestroyed()) wc.send(EVENT_CHANNEL, event, payload);
  });
}
