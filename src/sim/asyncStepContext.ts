// Node's AsyncLocalStorage follows each step's work through awaits and timers, so a request
// made by a retry minutes later is still reported against the step that started it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { StepContext } from './runner';

export function asyncStepContext(): StepContext {
  const als = new AsyncLocalStorage<number>();
  return {
    run: (step, fn) => als.run(step, fn),
    current: () => als.getStore() ?? 0,
  };
}
