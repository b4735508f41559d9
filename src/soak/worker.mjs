// Worker thread bootstrap: loads the TypeScript worker through tsx (the soak runs without a build).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
