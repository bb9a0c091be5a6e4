'use strict';
// Entry of an OCR thread: tesseract.js' own Node worker entry, with two changes. The engine build is the one the
// worker was created for: tesseract.js 7's Node adapter compares its "LSTM only" flag with engine-mode numbers, so it
// always loads the build that has the legacy engine compiled in, which reads the same LSTM text 1-4 % slower. And
// nothing is fetched: language data comes from the npm packages on disk, so a URL here is a configuration error.
const { parentPort } = require('node:worker_threads');
const OEM = require('tesseract.js/src/constants/OEM');
const worker = require('tesseract.js/src/worker-script');
const cache = require('tesseract.js/src/worker-script/node/cache');
const getCore = require('tesseract.js/src/worker-script/node/getCore');
const gunzip = require('tesseract.js/src/worker-script/node/gunzip');

// The LSTM-only build lacks the legacy engine's parameters, which the language data's own config still sets; it warns
// about each on stderr at every start, before a debug_file can be set. The engine prints through console.error, taken
// when the engine loads, so only those lines are dropped here.
const printError = console.error.bind(console);
console.error = (...args) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Warning: Parameter not found: ')) return;
  printError(...args);
};

parentPort.on('message', (packet) => {
  worker.dispatchHandlers(packet, (message) => parentPort.postMessage(message));
});

worker.setAdapter({
  getCore: (lstmOnly, corePath, res) => getCore(lstmOnly ? OEM.LSTM_ONLY : OEM.TESSERACT_LSTM_COMBINED, corePath, res),
  gunzip,
  fetch: async (url) => {
    throw new Error(`OCR language data is read from disk, never fetched (asked for ${url})`);
  },
  ...cache,
});
