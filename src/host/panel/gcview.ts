// Builds the panel's "gc.collect" walk-through (GcSimulationView) from the gc events of one
// collection: the phases in CPython's order (Python/gc.c), with a sentence each for a learner, the
// objects each phase is about, the unreachable set, finalizers and what was freed. The extension can
// use it for a recorded collection or for a what-if run of the engine's gc API that yields events.
import type { TraceEvent } from '../../engine/trace/events';
import type { GcPhaseName, GcSimulationView } from '../../protocol/panel';
import type { EventSeq } from '../../engine/trace/log';

export function phaseDescription(phase: GcPhaseName, generation: number, n: number): string {
  switch (phase) {
    case 'start':
      return `Collecting generation ${generation}: the collector looks at the container objects it tracks in generations 0 to ${generation}.`;
    case 'update_refs':
      return `update_refs: each of the ${n} tracked objects gets gc_refs, a copy of its reference count.`;
    case 'subtract_refs':
      return 'subtract_refs: every reference from one tracked object to another takes 1 off the target\'s gc_refs. What is left counts references from outside: names, the value stack, untracked objects.';
    case 'move_unreachable':
      return n
        ? `move_unreachable: objects with gc_refs > 0, and everything they reach, are alive. The other ${n} are unreachable: only garbage points to them.`
        : 'move_unreachable: every object is reachable from outside; nothing is garbage.';
    case 'finalize':
      return n ? `finalize: __del__ runs for ${n} unreachable object${n === 1 ? '' : 's'} (once per object, PEP 442); an object a finalizer makes reachable again survives.` : 'finalize: no unreachable object has a __del__ method.';
    case 'handle_weakrefs':
      return 'handle_weakrefs: weak references to unreachable objects are cleared (they now return None) and their callbacks run.';
    case 'delete_garbage':
      return `delete_garbage: tp_clear breaks the references inside the cycles; reference counts fall to zero and ${n} object${n === 1 ? ' is' : 's are'} freed.`;
    case 'promote':
      return `Survivors move to generation ${Math.min(2, generation + 1)}.`;
    case 'stop':
      return 'The collection ends.';
  }
}

/**
 * The walk-through of the collection whose `start` event is at `startIndex` (or the first one at or
 * after it); null when there is none. `step` is the step the view is shown at.
 */
export function gcViewFromEvents(events: EventSeq, startIndex: number, step: number): GcSimulationView | null {
  let i = startIndex;
  while (i < events.length && !(events.at(i)!.k === 'gc' && (events.at(i) as { phase: string }).phase === 'start')) i++;
  if (i >= events.length) return null;
  const start = events.at(i) as Extract<TraceEvent, { k: 'gc' }>;
  const phases: GcSimulationView['phases'] = [];
  let unreachable: number[] = [];
  let finalizers: number[] = [];
  let freed: number[] = [];
  let collected = 0;
  let uncollectable = 0;
  for (; i < events.length; i++) {
    const e = events.at(i)!;
    if (e.k !== 'gc') continue;
    const objs = [...(e.objs ?? [])];
    if (e.phase === 'move_unreachable') unreachable = objs;
    if (e.phase === 'finalize') finalizers = objs;
    if (e.phase === 'delete_garbage') freed = objs.length ? objs : unreachable;
    if (e.collected !== undefined) collected = e.collected;
    if (e.uncollectable !== undefined) uncollectable = e.uncollectable;
    if (e.phase !== 'start' && e.phase !== 'stop') {
      // weak references are cleared for the unreachable objects: highlight those when the event names none
      const shown = objs.length ? objs : e.phase === 'handle_weakrefs' ? unreachable : [];
      phases.push({ phase: e.phase, description: phaseDescription(e.phase, start.generation, objs.length || shown.length), objs: shown });
    }
    if (e.phase === 'stop') break;
  }
  return { step, generation: start.generation, phases, unreachable, finalizers, freed, collected, uncollectable };
}
