// A soak worker: runs its slice of scenarios and posts the counts and violations back.
import { parentPort, workerData } from 'node:worker_threads';
import { runSlice, type SliceOptions } from './run';

const data = workerData as { seed: number; indices: number[]; options: SliceOptions };
const result = await runSlice(data.seed, data.indices, data.options);
parentPort?.postMessage(result);
