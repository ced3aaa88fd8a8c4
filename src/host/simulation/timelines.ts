// One Timeline per finished simulation entry: the one the runner built in slices when it has one,
// else built on first use; dropped with the entry.
import { Timeline } from '../../engine/trace/timeline';
import type { SimulationEntry } from './service';

const cache = new WeakMap<SimulationEntry, Timeline>();

export function timelineOf(entry: SimulationEntry): Timeline | undefined {
  const result = entry.result;
  if (!result || result.events.length === 0) return undefined;
  if (entry.timeline) return entry.timeline;
  let tl = cache.get(entry);
  if (!tl) {
    tl = new Timeline(result.events, { truncated: result.eventsTruncated });
    cache.set(entry, tl);
  }
  return tl;
}
