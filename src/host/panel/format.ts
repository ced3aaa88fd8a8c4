// Readable one-line texts for trace events, as the panel's event log shows them. Pure: it needs only
// the event stream (for object types and frame names), built once per run in `EventTexts`.
import type { Holder, TraceEvent } from '../../engine/trace/events';
import type { PanelEventKind } from '../../protocol/panel';
import { kindAt, type EventSeq } from '../../engine/trace/log';

export function hexAddr(id: number): string {
  return '0x' + id.toString(16);
}

export function formatBytes(n: number): string {
  const a = Math.abs(n);
  if (a < 1024) return `${n} B`;
  if (a < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** Knows object types and frame names of one event stream, to word its events. */
export class EventTexts {
  private readonly types = new Map<number, string>();
  private readonly frames = new Map<number, string>([[0, '<module>']]);
  private readonly threads = new Map<number, string>();

  constructor(events: EventSeq) {
    for (let i = 0; i < events.length; i++) {
      const k = kindAt(events, i);
      if (k !== 'alloc' && k !== 'call' && k !== 'thread') continue;
      const e = events.at(i)!;
      if (e.k === 'alloc') this.types.set(e.obj, e.type);
      else if (e.k === 'call') this.frames.set(e.frame, e.name);
      else if (e.k === 'thread') this.threads.set(e.thread, e.name);
    }
  }

  objText(id: number): string {
    return `${this.types.get(id) ?? 'object'} ${hexAddr(id)}`;
  }

  typeOf(id: number): string | undefined {
    return this.types.get(id);
  }

  frameName(frame: number): string {
    const n = this.frames.get(frame) ?? `frame ${frame}`;
    return n.startsWith('<') ? n : `${n}()`;
  }

  threadName(thread: number): string {
    return this.threads.get(thread) ?? (thread === 0 ? 'MainThread' : `thread ${thread}`);
  }

  holderText(h: Holder): string {
    switch (h.kind) {
      case 'object':
        return `${this.objText(h.obj)}${h.label.startsWith('[') || h.label.startsWith('.') ? '' : ' '}${h.label}`;
      case 'name':
        return `${h.scope === 'global' ? 'global' : h.scope === 'cell' ? 'cell' : h.scope === 'class' ? 'class attribute' : 'name'} \`${h.name}\` in ${this.frameName(h.frame)}`;
      case 'stack':
        return `value stack of ${this.frameName(h.frame)}`;
      case 'arena':
        return "the script's AST (constants)";
      case 'interpreter':
        return h.what;
      case 'temporary':
        return 'a temporary reference';
    }
    return 'a reference';
  }

  text(e: TraceEvent): string {
    switch (e.k) {
      case 'line':
        return `line ${e.line} in ${this.frameName(e.frame)}`;
      case 'alloc':
        return `allocated ${e.type} ${hexAddr(e.obj)} (${formatBytes(e.size)}) ${clip(e.repr, 60)}`;
      case 'incref':
        return `refcount of ${this.objText(e.obj)} → ${e.rc}${e.holder ? ` (${this.holderText(e.holder)})` : ''}`;
      case 'decref':
        return `refcount of ${this.objText(e.obj)} → ${e.rc}${e.holder ? ` (${this.holderText(e.holder)} dropped it)` : ''}`;
      case 'move':
        return `reference to ${this.objText(e.obj)} moved${e.from ? ` from ${this.holderText(e.from)}` : ''}${e.to ? ` to ${this.holderText(e.to)}` : ''} (refcount stays ${e.rc})`;
      case 'dealloc':
        return e.reason === 'gc' ? `collected by the cyclic GC: ${this.objText(e.obj)}` : `freed ${this.objText(e.obj)} (refcount 0)`;
      case 'update': {
        const parts: string[] = [];
        if (e.gcTracked !== undefined) parts.push(e.gcTracked ? 'now tracked by the GC' : 'untracked by the GC');
        if (e.size !== undefined) parts.push(`size ${formatBytes(e.size)}`);
        if (e.length !== undefined) parts.push(`len ${e.length}`);
        if (e.repr !== undefined) parts.push(clip(e.repr, 50));
        return `${this.objText(e.obj)} changed: ${parts.join(', ')}`;
      }
      case 'call':
        return `call ${e.name}() (frame ${e.frame})`;
      case 'return':
        return `return from ${this.frameName(e.frame)}${e.value !== null ? ` → ${this.objText(e.value)}` : ''}`;
      case 'exception':
        return `${e.caught ? 'caught' : 'raised'} ${e.type}${e.message ? `: ${clip(e.message, 60)}` : ''}`;
      case 'output':
        return `printed ${JSON.stringify(clip(e.text, 60))}`;
      case 'gc': {
        const base = `gc generation ${e.generation}: ${e.phase.replace(/_/g, ' ')}`;
        const extra: string[] = [];
        if (e.objs) extra.push(`${e.objs.length} object${e.objs.length === 1 ? '' : 's'}`);
        if (e.collected !== undefined) extra.push(`collected ${e.collected}`);
        if (e.uncollectable) extra.push(`uncollectable ${e.uncollectable}`);
        if (e.counts) extra.push(`counts ${e.counts.join('/')}`);
        return extra.length ? `${base} (${extra.join(', ')})` : base;
      }
      case 'gil': {
        const verb = { request: 'requests the GIL', drop_request: 'asks the holder to drop the GIL', acquire: 'takes the GIL', release: 'releases the GIL' }[e.what];
        return `${this.threadName(e.thread)} ${verb}${e.reason ? ` (${e.reason})` : ''} at t=${e.time}`;
      }
      case 'thread':
        return `thread ${e.name} ${e.what} at t=${e.time}`;
      case 'lock': {
        const verb = { acquire: 'takes', wait: 'waits for', release: 'releases' }[e.what];
        return `${this.threadName(e.thread)} ${verb} lock ${hexAddr(e.lock)} at t=${e.time}`;
      }
      case 'heap': {
        if (e.what === 'arena-alloc') return `pymalloc mapped a new arena at ${hexAddr(e.address)} (${formatBytes(e.bytes)})`;
        if (e.what === 'arena-free') return `pymalloc released the arena at ${hexAddr(e.address)} (${formatBytes(e.bytes)})`;
        const cls = e.sizeClass !== undefined && e.sizeClass >= 0 ? `, ${16 * (e.sizeClass + 1)}-byte blocks` : '';
        return `pool ${hexAddr(e.address)}${cls}: ${e.from} → ${e.to}`;
      }
    }
  }
}

export function eventObj(e: TraceEvent): number | undefined {
  switch (e.k) {
    case 'alloc': case 'incref': case 'decref': case 'move': case 'dealloc': case 'update':
      return e.obj;
    case 'return':
      return e.value ?? undefined;
    default:
      return undefined;
  }
}

export function eventKind(e: TraceEvent): PanelEventKind {
  return e.k;
}
