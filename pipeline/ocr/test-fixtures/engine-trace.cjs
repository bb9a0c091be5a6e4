// Preloaded with --require into an OCR process and, through inherited execArgv, into its worker threads: names every
// tesseract.js engine build a thread loads, on stderr, so a test can tell which one OCR ran on.
const Module = require('node:module');

const load = Module._load;
Module._load = function (request, ...rest) {
  const build = /tesseract-core[\w-]*$/.exec(request);
  if (build) process.stderr.write(`ENGINE ${build[0]}\n`);
  return load.call(this, request, ...rest);
};
