// The memory panel's host API, called by the extension (src/host/extension.ts and its commands):
//   MemoryPanel.createOrShow(extensionUri, source, step?)  open/reveal beside the editor
//   MemoryPanel.registerSerializer(extensionUri, resolve)   restore after reload (push into subscriptions)
//   MemoryPanel.instance?.revealStep(step) / revealLine(line)  move the scrubber (CodeLens, editor click)
//   MemoryPanel.instance?.showGcSimulation(view)            "Simulate gc.collect" result
//   MemoryPanel.instance?.refresh()                          re-read source.currentRun() (also on source.onDidChange)
//   gcViewFromEvents(events, startIndex, step)               a GcSimulationView from one collection's gc events
// The data source (types.ts) supplies the run (SimulationResult + Timeline) and editor callbacks.
export { MemoryPanel } from './panel';
export type { PanelDataSource, PanelRun, PanelTimeline, Unsubscribe } from './types';
export type { GcSimulationView, PanelViewState } from '../../protocol/panel';
export { PANEL_VIEW_TYPE } from '../../protocol/panel';
export { gcViewFromEvents, phaseDescription } from './gcview';
