// Holder labels (`[3]`, `.attr`) as shared strings: the same label is the same string object every
// time, so the trace's string table finds it by a hash V8 computed once, instead of hashing a freshly
// built string for every reference event. Both caches are bounded; past them a label is built anew.
const INDEX_LABELS: string[] = [];
const MAX_INDEX = 1 << 16;
const ATTR_LABELS = new Map<string, string>();
const MAX_ATTRS = 1 << 14;

/** `[i]`: the label of item i of a list or tuple */
export function indexLabel(i: number): string {
  if (i >= 0 && i < MAX_INDEX) return (INDEX_LABELS[i] ??= `[${i}]`);
  return `[${i}]`;
}

/** `.name`: the label of an attribute */
export function attrLabel(name: string): string {
  let l = ATTR_LABELS.get(name);
  if (l === undefined) {
    l = `.${name}`;
    if (ATTR_LABELS.size < MAX_ATTRS) ATTR_LABELS.set(name, l);
  }
  return l;
}
