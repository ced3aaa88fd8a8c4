// Threads and the GIL on a simulated clock, after CPython's Python/ceval_gil.c. One thread holds the GIL
// and runs; every instruction costs INSTRUCTION_NS of simulated time. A thread that wants the GIL waits
// the switch interval (sys.getswitchinterval(), 5 ms), then sets the drop request; the holder drops the
// GIL at its next eval-breaker check (as 3.11+'s ceval: a backward jump, a call, or the start of a
// frame; 3.10 checked before most instructions, at most a loop body earlier) and the waiter takes it
// (FORCE_SWITCHING). Blocking calls
// (time.sleep, lock waits, join, Event.wait) release the GIL at once. The "OS scheduler" is
// deterministic: threads waiting for the GIL are served first come, first served, and simultaneous
// wake-ups in thread-creation order. The same program always gives the same schedule.
import type { PyObject } from '../objects/model';
import type { Frame } from '../vm/frame';

/** simulated cost of one bytecode instruction (CPython 3.11 runs roughly 25-35 M simple instructions per second) */
export const INSTRUCTION_NS = 30;

export type ThreadStatus = 'new' | 'runnable' | 'running' | 'sleeping' | 'blocked' | 'done';

/** What a blocked thread waits for; `ready()` says whether it can go on. */
export interface WaitCondition {
  reason: string;
  ready(): boolean;
  /** when a timeout expires (simulated ns), or Infinity */
  deadline: number;
}

export class ThreadState {
  status: ThreadStatus = 'new';
  frame: Frame | null = null;
  depth = 0;
  handledExc: PyObject | null = null;
  /** when it asked for the GIL (FIFO order) */
  requestedAt = 0;
  wait: WaitCondition | null = null;
  /** the last blocking call timed out (join/wait/acquire with a timeout) */
  timedOut = false;
  /** the blocking call that suspended the thread has been satisfied; its retry returns */
  resumed = false;
  /** the thread object of the threading module (for current_thread()) */
  pyThread: PyObject | null = null;
  daemon = false;
  /** simulated ns spent running, and waiting for the GIL */
  runNs = 0;
  waitGilNs = 0;
  constructor(
    readonly id: number,
    public name: string,
    readonly isMain: boolean,
  ) {}

  get alive(): boolean {
    return this.status !== 'done' && this.status !== 'new';
  }
}

export interface SchedulerHost {
  recGil(what: 'request' | 'drop_request' | 'acquire' | 'release', thread: number, time: number, reason?: string): void;
  recThread(what: 'start' | 'end' | 'block' | 'unblock', thread: number, name: string, time: number): void;
  /** save the running thread's interpreter state into it / load another thread's */
  saveState(t: ThreadState): void;
  loadState(t: ThreadState): void;
}

/** Thrown by a blocking native call: the current thread waits; the call is retried when it resumes. */
export class BlockThread {
  constructor(public wait: WaitCondition) {}
}

export class Scheduler {
  clock = 0;
  switchIntervalNs = 5_000_000;
  readonly threads: ThreadState[] = [];
  current: ThreadState;
  /** runnable threads waiting for the GIL, in request order */
  private waiting: ThreadState[] = [];
  /** the drop request was set (eval breaker) */
  dropRequest = false;
  switches = 0;
  /** main's module frame returned and waits for non-daemon threads (threading._shutdown) */
  mainExiting = false;
  mainResult: PyObject | null = null;

  constructor(private host: SchedulerHost) {
    this.current = new ThreadState(0, 'MainThread', true);
    this.current.status = 'running';
    this.threads.push(this.current);
  }

  /** more than one thread exists: the loop must consult the scheduler */
  get active(): boolean {
    return this.threads.length > 1;
  }

  newThread(name: string, daemon: boolean): ThreadState {
    const t = new ThreadState(this.threads.length, name, false);
    t.daemon = daemon;
    this.threads.push(t);
    return t;
  }

  /** a started thread becomes runnable and asks for the GIL */
  start(t: ThreadState, frame: Frame): void {
    t.frame = frame;
    t.status = 'runnable';
    this.host.recThread('start', t.id, t.name, this.clock);
    this.request(t);
  }

  private request(t: ThreadState): void {
    t.requestedAt = this.clock;
    this.waiting.push(t);
    this.host.recGil('request', t.id, this.clock);
  }

  /**
   * Called once per instruction while threads exist. Advances the clock; returns a thread to switch to
   * when the GIL changes hands (the holder honours a drop request at an eval-breaker check, which
   * `atBreaker` says the next instruction is), else null.
   */
  tick(atBreaker = true): ThreadState | null {
    this.clock += INSTRUCTION_NS;
    this.current.runNs += INSTRUCTION_NS;
    this.wakeSleepers();
    const w = this.waiting[0];
    if (!w) return null;
    if (!this.dropRequest && this.clock - w.requestedAt >= this.switchIntervalNs) {
      // the waiter timed out on the GIL condition variable: it sets gil_drop_request
      this.dropRequest = true;
      this.host.recGil('drop_request', w.id, this.clock);
      return null;
    }
    if (this.dropRequest && atBreaker) {
      // the holder reaches the eval breaker: it drops the GIL, and must wait to get it back
      this.dropRequest = false;
      const old = this.current;
      this.host.recGil('release', old.id, this.clock, 'drop request');
      old.status = 'runnable';
      this.waiting.shift();
      this.request(old);
      return this.switchTo(w);
    }
    return null;
  }

  private switchTo(t: ThreadState): ThreadState {
    const old = this.current;
    if (old !== t) {
      this.host.saveState(old);
      this.switches++;
    }
    t.waitGilNs += Math.max(0, this.clock - t.requestedAt);
    t.status = 'running';
    this.current = t;
    this.host.recGil('acquire', t.id, this.clock);
    if (old !== t) this.host.loadState(t);
    return t;
  }

  /** sleepers and timed waits whose deadline passed, and blocked threads whose condition holds, ask for the GIL */
  private wakeSleepers(): void {
    for (const t of this.threads) {
      if ((t.status === 'sleeping' || t.status === 'blocked') && t.wait) {
        const ready = t.wait.ready();
        if (ready || this.clock >= t.wait.deadline) {
          t.timedOut = !ready;
          t.resumed = true;
          t.wait = null;
          t.status = 'runnable';
          this.host.recThread('unblock', t.id, t.name, this.clock);
          this.request(t);
        }
      }
    }
  }

  /**
   * The current thread blocks (or finished): it releases the GIL and the next thread takes it. When
   * nobody can run, the clock jumps to the next deadline. Returns the thread to run, or null when every
   * thread is blocked for good (a deadlock).
   */
  yieldGil(reason: string): ThreadState | null {
    const old = this.current;
    this.host.recGil('release', old.id, this.clock, reason);
    this.dropRequest = false;
    for (;;) {
      this.wakeSleepers();
      const next = this.waiting.shift();
      if (next) return this.switchTo(next);
      const deadlines = this.threads.filter((t) => t.wait && Number.isFinite(t.wait.deadline)).map((t) => t.wait!.deadline);
      if (!deadlines.length) return null;
      this.clock = Math.max(this.clock, Math.min(...deadlines));
    }
  }

  block(t: ThreadState, wait: WaitCondition, sleeping: boolean): void {
    t.status = sleeping ? 'sleeping' : 'blocked';
    t.wait = wait;
    t.resumed = false;
    this.host.recThread('block', t.id, t.name, this.clock);
  }

  finish(t: ThreadState): void {
    t.status = 'done';
    t.frame = null;
    this.host.recThread('end', t.id, t.name, this.clock);
  }

  /** non-daemon threads still running (main waits for them before the interpreter shuts down) */
  nonDaemonAlive(): boolean {
    return this.threads.some((t) => !t.isMain && !t.daemon && t.status !== 'done' && t.status !== 'new');
  }
}
