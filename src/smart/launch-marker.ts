/**
 * A note the launch page leaves for the app page, so that when the app page fails before fhirclient has any
 * state (lost or tampered `state`), it can still say whether to relaunch from the EHR or from launch.html.
 * Holds no secrets: the launch mode and the server URL.
 */

export type LaunchMarkerMode = 'ehr' | 'standalone' | 'open';

export interface LaunchMarker {
  readonly mode: LaunchMarkerMode;
  readonly iss: string;
}

const KEY = 'treatment-plan:launch';

export function rememberLaunch(marker: LaunchMarker, storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(KEY, JSON.stringify(marker));
}

export function recallLaunch(storage: Pick<Storage, 'getItem'> = sessionStorage): LaunchMarker | undefined {
  const text = storage.getItem(KEY);
  if (text === null) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) {
      return undefined;
    }
    const { mode, iss } = value as Record<string, unknown>;
    if ((mode === 'ehr' || mode === 'standalone' || mode === 'open') && typeof iss === 'string') {
      return { mode, iss };
    }
    return undefined;
  } catch {
    // Not ours or corrupted: the error page then offers both ways to relaunch.
    return undefined;
  }
}
