import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, secureWebPreferences } from './windowOptions';

describe('window options', () => {
  it('are hardened', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    });
  });

  it('only http(s) URLs may open externally', () => {
    expect(isSafeExternalUrl('https://huggingface.co/papers/2604.11784')).toBe(true);
    expect(isSafeExternalUrl('http://arxiv.org/abs/1')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com', 'not a url']) {
      expect(isSafeExternalUrl(bad), bad).toBe(false);
    }
  });

  it('recognise the app page in production and development', () => {
    expect(isAppUrl('file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html')).toBe(true);
    expect(isAppUrl('file:///etc/passwd', 'file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
});
