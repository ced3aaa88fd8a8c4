// A hand-written event stream for the timeline tests (engine-internal facts, not CPython facts):
//
//   1  data = [1, 2]
//   2  def f(b):
//   3      c = b
//   4      return len(c)
//   5  n = f(data)
//   6  print(n)
//   7  del data
import type { TraceEvent } from '../../../src/engine/trace/events';
import { EventRecorder } from '../../../src/engine/trace/recorder';

export const LIST = 0x7f00000a1b20;
export const FUNC = 0x7f00000a2000;
export const CODE = 0x7f00000a3000;
export const TWO = 0x7f00000a4000;

export function sampleEvents(): TraceEvent[] {
  const r = new EventRecorder();
  const g = (name: string) => ({ kind: 'name', frame: 0, name, scope: 'global' }) as const;
  const l = (name: string) => ({ kind: 'name', frame: 1, name, scope: 'local' }) as const;
  r.call(0, null, '<module>', 1);
  r.alloc(CODE, 'code', 160, 2, '<code object f at 0x7f00000a3000, file "s.py", line 2>');
  r.alloc(TWO, 'int', 28, 4, '2', ['small-int'], false, { kind: 'interpreter', what: 'small-int cache' });
  // step 0: line 1
  r.line(1, 0);
  r.alloc(LIST, 'list', 72, 1, '[1, 2]', undefined, true, { kind: 'stack', frame: 0 });
  r.move(LIST, 1, { kind: 'stack', frame: 0 }, g('data')); // STORE_NAME steals the stack's reference
  // step 1: line 2
  r.line(2, 0);
  r.alloc(FUNC, 'function', 152, 2, '<function f at 0x7f00000a2000>', undefined, true);
  r.incref(CODE, 2, { kind: 'object', obj: FUNC, label: '.__code__' });
  r.incref(FUNC, 2, g('f'));
  r.decref(FUNC, 1);
  // step 2: line 5, the call
  r.line(5, 0);
  r.incref(LIST, 2, { kind: 'stack', frame: 0 });
  r.call(1, 0, 'f', 2);
  // step 3: line 3
  r.line(3, 1);
  r.incref(LIST, 3, l('b'));
  r.decref(LIST, 2, { kind: 'stack', frame: 0 });
  r.incref(LIST, 3, l('c'));
  // step 4: line 4
  r.line(4, 1);
  r.incref(TWO, 2, { kind: 'stack', frame: 1 });
  r.decref(LIST, 2, l('c'));
  r.decref(LIST, 1, l('b'));
  r.ret(1, TWO);
  // step 5: line 5 resumed
  r.line(5, 0, true);
  r.incref(TWO, 3, g('n'));
  r.decref(TWO, 2, { kind: 'stack', frame: 1 });
  // step 6: line 6
  r.line(6, 0);
  r.output('2\n');
  // step 7: line 7
  r.line(7, 0);
  r.decref(LIST, 0, g('data'));
  r.dealloc(LIST, 'refcount');
  return r.events.slice();
}
