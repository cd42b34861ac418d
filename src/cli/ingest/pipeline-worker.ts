import { parentPort, workerData } from 'node:worker_threads';
import { inProcessExecutor } from './pipeline-executor.js';
import type { ReportPipelineOptions } from '../../../pipelines/report-pipeline.js';

/** Worker thread entry: runs the report pipeline on each path the main thread sends. */
const { options, ocrWorkers } = workerData as { options: ReportPipelineOptions; ocrWorkers: number };
const executor = inProcessExecutor(options, ocrWorkers);

parentPort?.on('message', (msg: { path: string }) => {
  executor.process(msg.path, (ocrPage) => parentPort?.postMessage({ ocrPage })).then(
    (doc) => parentPort?.postMessage({ doc }),
    (err: unknown) => parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
