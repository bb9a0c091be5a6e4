// Preloaded with --require into the OCR process and, through inherited execArgv, into every worker thread:
// any attempt to reach the network throws, so a passing OCR run proves the engine and its data are local.
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const { isMainThread } = require('node:worker_threads');

const refuse = (what) => () => {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network disabled: ${what}`);
};
// Local IPC (a Unix socket path, used by the TypeScript loader) is not network; TCP to any host is refused.
const isLocalPath = (arg) =>
  (typeof arg === 'string' && Number.isNaN(Number(arg))) ||
  (arg && typeof arg === 'object' && typeof arg.path === 'string');
const guard = (what, original) =>
  function (...args) {
    // net.createConnection passes its normalised arguments to Socket.connect as one array.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (isLocalPath(first)) return original.apply(this, args);
    return refuse(what)();
  };
net.Socket.prototype.connect = guard('net.Socket.connect', net.Socket.prototype.connect);
net.connect = guard('net.connect', net.connect);
net.createConnection = guard('net.createConnection', net.createConnection);
dns.lookup = refuse('dns.lookup');
dns.promises.lookup = refuse('dns.promises.lookup');
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
globalThis.fetch = refuse('fetch');
process.stderr.write(`no-network preload active in ${isMainThread ? 'main thread' : 'worker thread'}\n`);
