// The engine's public entry points. Faces (CLI, extension host worker, tests) import from here only.
export { simulate, objectInfo } from './simulate';
export * from './api';
export type { TraceEvent, Holder, ObjId, FrameId, ObjFlag, GcPhase } from './trace/events';
export { Timeline } from './trace/timeline';
export { EventRecorder } from './trace/recorder';
export { hexAddr } from './trace/format';
