// One readable sentence per event ("allocated list at 0x7f00000a1b20 (88 B)", "refcount of list
// 0x7f00000a1b20: 1 -> 2 (name `b` in f())"), read against the replay state just before the event.
import type { TraceEvent } from './events';
import { formatBytes, frameLabel, hexAddr, holderText, type HolderContext } from './format';
import type { ReplayState } from './replay';

function objName(state: ReplayState, obj: number): string {
  const rec = state.objects.get(obj);
  return `${rec === undefined ? 'object' : rec.type} ${hexAddr(obj)}`;
}

function quote(text: string, max = 60): string {
  const shown = text.length > max ? text.slice(0, max - 1) + '…' : text;
  return JSON.stringify(shown);
}

const GC_PHASE_TEXT: Record<string, string> = {
  update_refs: 'copied refcounts (update_refs)',
  subtract_refs: 'subtracted internal references (subtract_refs)',
  move_unreachable: 'moved unreachable objects aside (move_unreachable)',
  finalize: 'ran finalizers',
  handle_weakrefs: 'cleared weak references',
  delete_garbage: 'cleared garbage (delete_garbage)',
  promote: 'promoted survivors',
};

/** The sentence for `e`, or null for events that say nothing on their own (`line`). */
export function describeEvent(e: TraceEvent, state: ReplayState, ctx: HolderContext): string | null {
  switch (e.k) {
    case 'line':
      return null;
    case 'alloc': {
      const by = e.holder !== undefined ? ` for ${holderText(e.holder, ctx)}` : '';
      return `allocated ${e.type} at ${hexAddr(e.obj)} (${formatBytes(e.size)})${by}`;
    }
    case 'incref':
    case 'decref': {
      const rec = state.objects.get(e.obj);
      const before = rec !== undefined ? rec.refcount : e.k === 'incref' ? e.rc - 1 : e.rc + 1;
      const who = holderText(e.holder ?? { kind: 'temporary' }, ctx);
      return `refcount of ${objName(state, e.obj)}: ${before} -> ${e.rc} (${who})`;
    }
    case 'move': {
      const from = holderText(e.from ?? { kind: 'temporary' }, ctx);
      const to = holderText(e.to ?? { kind: 'temporary' }, ctx);
      return `reference to ${objName(state, e.obj)} moved from ${from} to ${to} (refcount stays ${e.rc})`;
    }
    case 'dealloc': {
      const rec = state.objects.get(e.obj);
      const size = rec !== undefined ? ` (${formatBytes(rec.size)})` : '';
      const how = e.reason === 'gc' ? ' by the cyclic GC' : '';
      return `freed ${objName(state, e.obj)}${size}${how}`;
    }
    case 'update': {
      const rec = state.objects.get(e.obj);
      const parts: string[] = [];
      if (e.size !== undefined) parts.push(rec !== undefined ? `size ${rec.size} -> ${e.size} B` : `size ${e.size} B`);
      if (e.length !== undefined) parts.push(`length ${e.length}`);
      if (e.gcTracked !== undefined) parts.push(e.gcTracked ? 'now tracked by the GC' : 'untracked by the GC');
      if (e.repr !== undefined && parts.length === 0) parts.push(`now ${quote(e.repr)}`);
      return `${objName(state, e.obj)} changed: ${parts.join(', ')}`;
    }
    case 'call':
      return `called ${frameLabel(e.name)}`;
    case 'return': {
      const f = ctx.frameName(e.frame);
      const name = f !== undefined ? frameLabel(f) : `frame #${e.frame}`;
      return e.value === null ? `${name} ended` : `${name} returned ${objName(state, e.value)}`;
    }
    case 'exception':
      return `${e.caught ? 'raised (and caught)' : 'raised'} ${e.type}${e.message ? ': ' + e.message : ''}`;
    case 'output':
      return `printed ${quote(e.text)}`;
    case 'gc':
      switch (e.phase) {
        case 'start':
          return `gc: collection of generation ${e.generation} started`;
        case 'stop':
          return `gc: collection of generation ${e.generation} done: ${e.collected ?? 0} collected, ${e.uncollectable ?? 0} uncollectable`;
        default: {
          const n = e.objs !== undefined ? ` (${e.objs.length} objects)` : '';
          return `gc: ${GC_PHASE_TEXT[e.phase] ?? e.phase}${n}`;
        }
      }
    case 'gil': {
      const why = e.reason !== undefined ? ` (${e.reason})` : '';
      const verb = { request: 'asked for', drop_request: 'requested a drop of', acquire: 'took', release: 'released' }[e.what];
      return `thread ${e.thread} ${verb} the GIL${why}`;
    }
    case 'thread': {
      const verb = { start: 'started', end: 'ended', block: 'blocked', unblock: 'unblocked' }[e.what];
      return `thread ${e.thread} (${e.name}) ${verb}`;
    }
  }
  return null;
}
