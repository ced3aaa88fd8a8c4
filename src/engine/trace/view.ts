// Turns a replay state into the public HeapState of api.ts: objects with their referrers (only the
// holders the events named, plus one "other (temporary)" group), frames with their bound names.
import type { FrameInfo, HeapState, ObjectInfo, ReferrerInfo } from '../api';
import type { FrameId, ObjId } from './events';
import { holderText, type HolderContext } from './format';
import { forEachCount } from './holders';
import type { ObjRec, ReplayState } from './replay';

/** Referrer text context for one replay state; frame names come from the whole trace. */
export function contextOf(state: ReplayState, frameNames: ReadonlyMap<FrameId, string>): HolderContext {
  return {
    frameName: (frame) => frameNames.get(frame) ?? state.frames.get(frame)?.name,
    object: (obj) => state.objects.get(obj),
  };
}

export function referrersOf(rec: ObjRec, state: ReplayState, ctx: HolderContext): ReferrerInfo[] {
  const out: ReferrerInfo[] = [];
  const list = state.holders.list;
  forEachCount(rec.holders, (hid, count) => {
    const holder = list[hid]!;
    out.push({ holder, count, text: holderText(holder, ctx) });
  });
  return out;
}

export function objectInfoOf(rec: ObjRec, state: ReplayState, ctx: HolderContext): ObjectInfo {
  const info: ObjectInfo = {
    id: rec.id,
    type: rec.type,
    size: rec.size,
    refcount: rec.refcount,
    flags: rec.flags.slice(),
    line: rec.line,
    repr: rec.repr,
    gcTracked: rec.gcTracked,
    referrers: referrersOf(rec, state, ctx),
  };
  if (rec.length !== undefined) info.length = rec.length;
  if (rec.generation !== undefined) info.generation = rec.generation;
  return info;
}

export function framesOf(state: ReplayState): FrameInfo[] {
  const out: FrameInfo[] = [];
  for (const f of state.frames.values()) {
    const names: { name: string; obj: ObjId }[] = [];
    for (const [name, b] of f.names) names.push({ name, obj: b.obj });
    out.push({ id: f.id, name: f.name, parent: f.parent, line: f.line, names, thread: f.thread });
  }
  return out;
}

export function heapStateOf(
  state: ReplayState,
  step: number,
  line: number,
  frameNames: ReadonlyMap<FrameId, string>,
): HeapState {
  const ctx = contextOf(state, frameNames);
  const objects: ObjectInfo[] = [];
  for (const rec of state.objects.values()) objects.push(objectInfoOf(rec, state, ctx));
  return { step, line, frames: framesOf(state), objects, liveBytes: state.liveBytes };
}
