// The only module that knows @vscode/webview-ui-toolkit (archived upstream in 2025): it registers the
// components and hands out small factories, so moving to another component library (for example
// @vscode-elements/elements) means rewriting this file alone. The rest of the webview never writes
// a toolkit tag name. (vscode-badge is not used: its template binds a style attribute, which the
// panel's strict CSP forbids; the header's pill is plain CSS.)
import {
  provideVSCodeDesignSystem, vsCodeButton, vsCodeCheckbox, vsCodeDivider, vsCodeDropdown,
  vsCodeOption, vsCodePanels, vsCodePanelTab, vsCodePanelView, vsCodeProgressRing, vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

let registered = false;

export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(
    vsCodeButton(), vsCodeCheckbox(), vsCodeDivider(), vsCodeDropdown(), vsCodeOption(),
    vsCodePanels(), vsCodePanelTab(), vsCodePanelView(), vsCodeProgressRing(), vsCodeTextField(),
  );
}

interface ValueElement extends HTMLElement {
  value: string;
}
interface CheckElement extends HTMLElement {
  checked: boolean;
}
interface DisableElement extends HTMLElement {
  disabled: boolean;
}

export interface ButtonOptions {
  appearance?: 'primary' | 'secondary' | 'icon';
  title?: string;
  /** an icon shown instead of (or before) the label */
  icon?: Node;
  onClick: () => void;
}

export interface ButtonHandle {
  el: HTMLElement;
  setLabel(text: string): void;
  setIcon(icon: Node): void;
  setDisabled(disabled: boolean): void;
}

export function button(label: string, o: ButtonOptions): ButtonHandle {
  const el = document.createElement('vscode-button') as DisableElement;
  el.setAttribute('appearance', o.appearance ?? 'secondary');
  if (o.title) {
    el.title = o.title;
    el.setAttribute('aria-label', o.title);
  }
  if (o.icon) el.append(o.icon);
  if (label) el.append(label);
  el.addEventListener('click', () => {
    if (!el.disabled) o.onClick();
  });
  return {
    el,
    setLabel: (text) => { el.textContent = text; },
    setIcon: (i) => { el.replaceChildren(i); },
    setDisabled: (d) => { el.disabled = d; },
  };
}

export interface CheckboxHandle {
  el: HTMLElement;
  set(checked: boolean): void;
}

export function checkbox(label: string, checked: boolean, onChange: (checked: boolean) => void, title?: string): CheckboxHandle {
  const el = document.createElement('vscode-checkbox') as CheckElement;
  el.textContent = label;
  if (title) el.title = title;
  el.checked = checked;
  let silent = false;
  el.addEventListener('change', () => {
    if (!silent) onChange(el.checked);
  });
  return {
    el,
    set: (c) => {
      if (el.checked === c) return;
      silent = true;
      el.checked = c;
      silent = false;
    },
  };
}

export interface TextFieldHandle {
  el: HTMLElement;
  get value(): string;
  set(value: string): void;
  focus(): void;
}

export function textField(placeholder: string, value: string, onInput: (value: string) => void, ariaLabel?: string): TextFieldHandle {
  const el = document.createElement('vscode-text-field') as ValueElement;
  el.setAttribute('placeholder', placeholder);
  el.setAttribute('aria-label', ariaLabel ?? placeholder);
  el.value = value;
  el.addEventListener('input', () => onInput(el.value));
  return {
    el,
    get value() {
      return el.value;
    },
    set: (v) => {
      if (el.value !== v) el.value = v;
    },
    focus: () => el.focus(),
  };
}

export interface DropdownHandle {
  el: HTMLElement;
  set(value: string): void;
}

export function dropdown(options: { value: string; label: string }[], value: string, onChange: (value: string) => void, title?: string): DropdownHandle {
  const el = document.createElement('vscode-dropdown') as ValueElement;
  if (title) {
    el.title = title;
    el.setAttribute('aria-label', title);
  }
  for (const o of options) {
    const opt = document.createElement('vscode-option') as ValueElement;
    opt.setAttribute('value', o.value);
    opt.textContent = o.label;
    if (o.value === value) opt.setAttribute('selected', '');
    el.appendChild(opt);
  }
  el.addEventListener('change', () => onChange(el.value));
  return { el, set: (v) => { if (el.value !== v) el.value = v; } };
}

export interface TabsHandle {
  /** the tab strip */
  el: HTMLElement;
  select(id: string): void;
}

/**
 * A tab strip. The toolkit's panel views stay empty: the app shows its own view containers, which
 * size reliably in a flex layout.
 */
export function tabs(defs: { id: string; label: string }[], active: string, onChange: (id: string) => void): TabsHandle {
  const el = document.createElement('vscode-panels');
  el.setAttribute('aria-label', 'Memory panel views');
  for (const d of defs) {
    const t = document.createElement('vscode-panel-tab');
    t.id = `tab-${d.id}`;
    t.textContent = d.label;
    el.appendChild(t);
  }
  for (const d of defs) {
    const v = document.createElement('vscode-panel-view');
    v.id = `view-${d.id}`;
    el.appendChild(v);
  }
  el.setAttribute('activeid', `tab-${active}`);
  el.addEventListener('change', (ev) => {
    if (ev.target !== el) return;
    const id = el.getAttribute('activeid')?.replace(/^tab-/, '');
    if (id) onChange(id);
  });
  return {
    el,
    select: (id) => {
      if (el.getAttribute('activeid') !== `tab-${id}`) el.setAttribute('activeid', `tab-${id}`);
    },
  };
}

export function progressRing(): HTMLElement {
  const el = document.createElement('vscode-progress-ring');
  el.setAttribute('aria-label', 'Simulating');
  return el;
}

export function divider(): HTMLElement {
  const el = document.createElement('vscode-divider');
  el.setAttribute('role', 'separator');
  return el;
}
