// Typed access to the extension's settings (package.json contributes.configuration). Every reader
// takes the document's scope so that folder-level settings apply.
import * as vscode from 'vscode';
import { DEFAULT_BUDGETS, PYTHON_VERSIONS, type Budgets, type PythonVersion } from '../engine/api';
import type { LensDetail } from './present/codelens';
import type { HoverDetail } from './present/hover';

export const SECTION = 'pythonMemoryLens';

/**
 * Events recorded per editor simulation by default. The trace crosses from the worker to the extension
 * host and is replayed there: about 100 ms per 50,000 events, so the default keeps the editor fluid;
 * past it the program still runs to the end but only the first events are shown.
 */
export const EDITOR_MAX_EVENTS = 200_000;

export type VersionSetting = PythonVersion | 'auto';

export interface Settings {
  pythonVersion: VersionSetting;
  liveUpdate: boolean;
  debounceMs: number;
  codeLensEnabled: boolean;
  codeLensDetail: LensDetail;
  hoverDetail: HoverDetail;
  budgets: Partial<Budgets>;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    pythonVersion: oneOf<VersionSetting>(c.get('pythonVersion'), ['auto', ...PYTHON_VERSIONS], 'auto'),
    liveUpdate: c.get<boolean>('liveUpdate') !== false,
    debounceMs: nonNegative(c.get('debounceMs'), 600),
    codeLensEnabled: c.get<boolean>('codeLens.enabled') !== false,
    codeLensDetail: oneOf<LensDetail>(c.get('codeLens.detail'), ['compact', 'detailed'], 'detailed'),
    hoverDetail: oneOf<HoverDetail>(c.get('hover.detail'), ['compact', 'full'], 'compact'),
    budgets: {
      maxSteps: nonNegative(c.get('budgets.maxSteps'), DEFAULT_BUDGETS.maxSteps),
      maxTimeMs: nonNegative(c.get('budgets.maxTimeMs'), DEFAULT_BUDGETS.maxTimeMs),
      maxEvents: nonNegative(c.get('budgets.maxEvents'), EDITOR_MAX_EVENTS),
    },
  };
}

/** True if a configuration change touches a setting that changes simulation results. */
export function affectsSimulation(e: vscode.ConfigurationChangeEvent): boolean {
  return ['pythonVersion', 'budgets'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}
