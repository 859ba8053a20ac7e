/**
 * One last call as the page goes away (pagehide/beforeunload). Over IPC the message leaves
 * before the window closes; over HTTP a `keepalive` fetch outlives the page (up to 64 KB of body
 * per the Fetch spec; larger notes rely on the local draft and are saved on the next load).
 */
import type { ArgsOf, Channel } from '@shared/ipc/contract';

export function invokeOnExit<K extends Channel>(channel: K, args: ArgsOf<K>): void {
  if (window.papershelf) {
    void window.papershelf.invoke(channel, args);
    return;
  }
  const token = sessionStorage.getItem('papershelf-token');
  if (!token) return;
  const body = JSON.stringify(args);
  void fetch(`${window.location.origin}/api/invoke/${channel}`, {
    method: 'POST',
    keepalive: body.length < 60_000,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  }).catch(() => undefined);
}
