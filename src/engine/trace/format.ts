// Human text for trace data: addresses as CPython's hex(id(x)), frame names, byte counts and the
// referrer phrases ("name `data` in f()", "list 0x7f...[3]") shown in hovers, the panel and reports.
import type { FrameId, Holder, ObjId } from './events';

/** An address the way `hex(id(x))` prints it: 0x7f00000a1b20. */
export function hexAddr(id: ObjId): string {
  if (id < 0x100000000 || !Number.isSafeInteger(id)) return '0x' + id.toString(16);
  // addresses are above 2^32: two small-integer conversions are much faster than a double's
  const hi = Math.floor(id / 0x100000000);
  const lo = (id - hi * 0x100000000).toString(16);
  return '0x' + hi.toString(16) + '00000000'.slice(lo.length) + lo;
}

/** `f()` for a function frame; `<module>`, `<listcomp>`, `<genexpr>` stay as they are. */
export function frameLabel(name: string): string {
  return name.startsWith('<') ? name : name + '()';
}

export function formatBytes(n: number): string {
  return `${n} B`;
}

/** What referrer text needs to know about the state it describes. */
export interface HolderContext {
  /** the function name of a frame, if the trace ever called it */
  frameName(frame: FrameId): string | undefined;
  /** type and repr of the object at that address in the described state, if alive */
  object(obj: ObjId): { type: string; repr: string } | undefined;
}

function frameText(ctx: HolderContext, frame: FrameId): string {
  const name = ctx.frameName(frame);
  if (name !== undefined) return frameLabel(name);
  return frame === 0 ? '<module>' : `frame #${frame}`;
}

const CODE_NAME = /^<code object (\S+)/;

function objectHolderText(ctx: HolderContext, obj: ObjId, label: string): string {
  const info = ctx.object(obj);
  const addr = hexAddr(obj);
  if (info === undefined) return `freed object ${addr}${label.startsWith('[') || label.startsWith('.') ? label : ` (${label})`}`;
  if (info.type === 'code' && label === 'co_consts') {
    const m = CODE_NAME.exec(info.repr);
    return m ? `constants of ${frameLabel(m[1]!)}` : `constants of code object ${addr}`;
  }
  if (label === '') return `${info.type} ${addr}`;
  if (label.startsWith('[') || label.startsWith('.')) return `${info.type} ${addr}${label}`;
  return `${info.type} ${addr} (${label})`;
}

/** One line of text for a holder, e.g. "name `data` in f()", "list 0x7f00000a1b20[3]". */
export function holderText(holder: Holder, ctx: HolderContext): string {
  switch (holder.kind) {
    case 'object':
      return objectHolderText(ctx, holder.obj, holder.label);
    case 'name': {
      const where = frameText(ctx, holder.frame);
      switch (holder.scope) {
        case 'local':
          return `name \`${holder.name}\` in ${where}`;
        case 'global': // a module global lives in the module's dict, whichever frame stored it
          return `name \`${holder.name}\` in <module>`;
        case 'cell':
          return `cell variable \`${holder.name}\` in ${where}`;
        case 'class':
          return `name \`${holder.name}\` in class body ${ctx.frameName(holder.frame) ?? where}`;
      }
      break;
    }
    case 'stack':
      return `value stack of ${frameText(ctx, holder.frame)}`;
    case 'arena':
      return "the script's AST (constants)";
    case 'interpreter':
      return `the interpreter (${holder.what})`;
    case 'temporary':
      return 'other (temporary)';
  }
  return 'unknown holder';
}
