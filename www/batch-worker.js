// 职称自测 batch worker: checks an HR roster off the page's main thread with the
// app's own wasm (the same module the page runs; no second build). Started by
// src/batch/worker.rs (`spawn`), which is also where its protocol is described:
//
//   page → worker, once: { glue, module, roster, records }
//     glue     the URL of the wasm-bindgen JS glue to import(), or null when this
//              script was started as a classic script with the glue's exports as
//              self.zhichengGlue (the offline file: www/boot.js, zhichengBoot.worker)
//     module   the page's compiled WebAssembly.Module
//     roster   the decoded roster CSV text; records: the records CSV text or null
//   worker → page:
//     { type: "progress", checked, read, total, rows }   after each chunk of rows
//     { type: "done", summary, csv }                      at the end
//     { type: "failed", message }                         if something breaks
//
// The page cancels by terminating the worker. Nothing here touches the network
// except importing the glue, from the page's own origin. No import or export
// statements: the offline file runs this as a classic script.

const ROWS_PER_STEP = 500;

self.onmessage = async ({ data }) => {
  self.onmessage = null; // one job per worker
  try {
    const glue = data.glue ? await import(data.glue) : self.zhichengGlue;
    glue.initSync({ module: data.module });
    const job = new glue.BatchJob(data.roster, data.records ?? undefined);
    for (;;) {
      const finished = job.step(ROWS_PER_STEP);
      self.postMessage({
        type: "progress",
        checked: job.checked,
        read: job.read,
        total: job.total,
        rows: job.takeRows(),
      });
      if (finished) break;
    }
    self.postMessage({ type: "done", summary: job.summary(), csv: job.resultsCsv() });
    job.free();
  } catch (error) {
    self.postMessage({ type: "failed", message: String(error?.stack ?? error) });
  }
};
