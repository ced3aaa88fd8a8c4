// The text of "Show Memory Report": the same report `pymem report` prints (src/cli/report.ts), for
// the simulation of one document version.
import { formatReport } from '../cli/report';
import type { SimulationEntry } from './simulation/service';
import { timelineOf } from './simulation/timelines';

export function reportFor(entry: SimulationEntry, fileName: string): string {
  if (!entry.result) return `Python Memory Lens: ${fileName} could not be simulated: ${entry.error ?? 'unknown error'}\n`;
  return formatReport(entry.result, timelineOf(entry) ?? null, entry.source, fileName);
}
