/** What a relay reports as it runs; the CLI renders one line per event. */
export type RelayEvent =
  | { type: 'listening'; url: string; from: string; environments: string[]; verifying: boolean }
  | { type: 'bundle'; environment: string; version: number; previous?: number; digest: string; source: string; subscribers: number; at: string }
  | { type: 'refused'; environment: string; origin: string; reason: string; at: string }
  | { type: 'upstream'; environment?: string; message: string; at: string };

export type RelayListener = (event: RelayEvent) => void;

export function now(): string {
  return new Date().toISOString();
}
