/** One timed step of a command, printed so an incident responder sees where the seconds went. */
export interface Step {
  name: string;
  ms: number;
  detail?: string;
}

export async function timed<T>(steps: Step[], name: string, fn: () => Promise<T>, detail?: (value: T) => string | undefined): Promise<T> {
  const start = performance.now();
  const value = await fn();
  steps.push({ name, ms: Math.round(performance.now() - start), detail: detail?.(value) });
  return value;
}
