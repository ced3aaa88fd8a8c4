// Entry point of the memory panel's webview (bundled by esbuild.js to dist/webview.js, an IIFE).
import { App } from './app';
import { connectHost } from './host';

const root = document.getElementById('app');
if (root) {
  const app = new App(root, connectHost());
  (window as unknown as { __panel?: App }).__panel = app;
}
