// The life of one object: where it was allocated, when it died, and its refcount after each step
// that changed it. Addresses are reused after a free, so an address names several incarnations:
// the one alive at `atStep` is chosen (else the last allocated before it, else the first after).
import type { ObjId, TraceEvent } from './events';
import type { EventSeq } from './log';

export interface ObjectHistory {
  id: ObjId;
  type: string;
  /** source line of the allocation */
  line: number;
  allocStep: number;
  allocEvent: number;
  deallocStep: number | null;
  deallocReason: 'refcount' | 'gc' | null;
  /** refcount at the end of the alloc step, then after each step whose end value differs from its start */
  refcounts: { step: number; refcount: number }[];
}

export function objectHistory(
  events: EventSeq,
  id: ObjId,
  atStep: number,
  stepOfEvent: (index: number) => number,
): ObjectHistory | null {
  // incarnations: [allocIndex, endIndex) where endIndex is its dealloc (or the next alloc of the address)
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events.at(i)!;
    if (e.k === 'alloc' && e.obj === id) {
      if (starts.length > ends.length) ends.push(i);
      starts.push(i);
    } else if (e.k === 'dealloc' && e.obj === id && starts.length > ends.length) ends.push(i);
  }
  if (starts.length === 0) return null;
  let pick = -1;
  for (let j = 0; j < starts.length; j++) {
    if (stepOfEvent(starts[j]!) > atStep) break;
    pick = j;
  }
  if (pick < 0) pick = 0;
  const allocIndex = starts[pick]!;
  const endIndex = pick < ends.length ? ends[pick]! : events.length;
  const alloc = events.at(allocIndex) as Extract<TraceEvent, { k: 'alloc' }>;
  const endEvent = events.at(endIndex);
  const dealloc = endEvent !== undefined && endEvent.k === 'dealloc' ? endEvent : undefined;

  const allocStep = stepOfEvent(allocIndex);
  const refcounts: { step: number; refcount: number }[] = [];
  let rc = alloc.rc ?? 1;
  let step = allocStep;
  let stepStartRc = rc;
  const close = (): void => {
    if (step === allocStep || rc !== stepStartRc) refcounts.push({ step, refcount: rc });
  };
  for (let i = allocIndex + 1; i < endIndex; i++) {
    const e = events.at(i)!;
    if ((e.k !== 'incref' && e.k !== 'decref' && e.k !== 'move') || e.obj !== id) continue;
    const s = stepOfEvent(i);
    if (s !== step) {
      close();
      step = s;
      stepStartRc = rc;
    }
    rc = e.rc;
  }
  close();
  return {
    id,
    type: alloc.type,
    line: alloc.line,
    allocStep,
    allocEvent: allocIndex,
    deallocStep: dealloc !== undefined ? stepOfEvent(endIndex) : null,
    deallocReason: dealloc !== undefined ? dealloc.reason : null,
    refcounts,
  };
}
