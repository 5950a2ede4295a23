// A worker thread's entry: the server runs TypeScript through tsx, and a worker starts without the
// parent's loader, so this plain module loads the worker's TypeScript file named in `workerData.entry`.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
