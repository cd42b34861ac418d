import { basename } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { inProcessExecutor } from './pipeline-executor.js';
import type { ReportPipelineOptions } from '../../../pipelines/report-pipeline.js';

/** Worker thread entry: runs the report pipeline on each path the main thread sends. */
const { options } = workerData as { options: ReportPipelineOptions };
const executor = inProcessExecutor(options);

/**
 * Test-only fault, for the tests of a worker that dies with a file in flight:
 * `SOLIEU_TEST_WORKER_FAULT=exit:<file name>:<ms>` ends this worker thread that many ms after
 * it is given that file, as running out of memory would.
 */
const fault = /^exit:(.+):(\d+)$/.exec(process.env.SOLIEU_TEST_WORKER_FAULT ?? '');

parentPort?.on('message', (msg: { path: string }) => {
  if (fault && basename(msg.path) === fault[1]) {
    setTimeout(() => process.exit(70), Number(fault[2]));
    return;
  }
  executor
    .process(msg.path, (ocrPage) => parentPort?.postMessage({ ocrPage }))
    .then(
      (doc) => parentPort?.postMessage({ doc }),
      (err: unknown) => parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) }),
    );
});
