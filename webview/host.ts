// The webview's side of the VS Code API: typed postMessage and the persisted view state.
import type { FromWebview, PanelViewState } from '../src/protocol/panel';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface HostBridge {
  post(message: FromWebview): void;
  savedState(): PanelViewState | null;
  saveState(state: PanelViewState): void;
}

export function connectHost(): HostBridge {
  const api = acquireVsCodeApi();
  return {
    post: (m) => api.postMessage(m),
    savedState: () => {
      const s = api.getState();
      return typeof s === 'object' && s !== null && typeof (s as { step?: unknown }).step === 'number' ? (s as PanelViewState) : null;
    },
    saveState: (s) => api.setState(s),
  };
}
