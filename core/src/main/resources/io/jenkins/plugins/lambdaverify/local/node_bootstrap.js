'use strict';
/*
 * lambda-verify local bootstrap for Node.js functions: what the AWS Lambda Node.js runtime does that matters.
 *
 * Started by LocalFunctionTransport with cwd = the artifact directory (the task root) and Lambda's environment.
 * Protocol (one process serves one invocation at a time):
 *   stdin:  one JSON line per invocation: {"requestId", "deadlineMs", "invokedFunctionArn", "payload": base64}
 *   stdout: log lines, and frames "<nonce> <TYPE> <json>" where the nonce is a per-process secret passed in
 *           LAMBDA_VERIFY_NONCE (removed from the environment before user code runs). TYPE is READY (after init),
 *           RESULT or ERROR. Anything else on stdout or stderr is a log line of the current invocation.
 */
const fs = require('fs');
const Module = require('module');
const path = require('path');
const readline = require('readline');
const util = require('util');
const { pathToFileURL } = require('url');

const NONCE = process.env.LAMBDA_VERIFY_NONCE || '';
delete process.env.LAMBDA_VERIFY_NONCE;

let currentRequestId = null;
let currentInvocation = null;

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/*
 * Every write is synchronous and whole, so log lines stay before the frame that ends their invocation. The pipe
 * may be non-blocking (Node sets it so for stdio streams, and stdout and stderr share it): retry on EAGAIN.
 */
function writeFully(fd, data) {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
    } catch (e) {
      if (e.code !== 'EAGAIN') {
        throw e;
      }
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
}

function makeStdioSynchronous() {
  for (const [stream, fd] of [[process.stdout, 1], [process.stderr, 2]]) {
    stream.write = (chunk, encoding, callback) => {
      const done = typeof encoding === 'function' ? encoding : callback;
      writeFully(fd, typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding
        : 'utf8') : chunk);
      if (typeof done === 'function') {
        process.nextTick(done);
      }
      return true;
    };
  }
}

function send(type, body) {
  writeFully(1, `${NONCE} ${type} ${JSON.stringify(body)}\n`);
}

function logLine(level, text) {
  const message = `${new Date().toISOString()}\t${currentRequestId || 'undefined'}\t${level}\t${text}`;
  writeFully(1, message.replace(/\n/g, '\r') + '\n');
}

function patchConsole() {
  const levels = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => logLine(level, util.format(...args));
  }
}

class UserError extends Error {
  constructor(errorType, message) {
    super(message);
    this.name = errorType;
  }
}

function resolveModuleFile(taskRoot, moduleName) {
  const base = path.resolve(taskRoot, moduleName);
  for (const ext of ['.js', '.mjs', '.cjs']) {
    if (fs.existsSync(base + ext)) {
      return base + ext;
    }
  }
  return null;
}

async function loadModule(file) {
  if (file.endsWith('.mjs')) {
    return import(pathToFileURL(file).href);
  }
  try {
    return require(file);
  } catch (e) {
    if (e && e.code === 'ERR_REQUIRE_ESM') {
      return import(pathToFileURL(file).href);
    }
    throw e;
  }
}

async function loadHandler(taskRoot, handlerString) {
  const slash = handlerString.lastIndexOf('/') + 1;
  const dot = handlerString.indexOf('.', slash);
  if (dot < 0) {
    throw new UserError('Runtime.MalformedHandlerName', 'Bad handler');
  }
  const moduleName = handlerString.slice(0, dot);
  const handlerPath = handlerString.slice(dot + 1);
  const file = resolveModuleFile(taskRoot, moduleName);
  if (!file) {
    throw new UserError('Runtime.ImportModuleError',
      `Error: Cannot find module '${moduleName}'\nRequire stack:\n- ${__filename}`);
  }
  let module;
  try {
    module = await loadModule(file);
  } catch (e) {
    if (e instanceof SyntaxError) {
      throw new UserError('Runtime.UserCodeSyntaxError', `${e.name}: ${e.message}`);
    }
    if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND')) {
      throw new UserError('Runtime.ImportModuleError', `Error: ${e.message}`);
    }
    throw e;
  }
  let handler = module;
  for (const part of handlerPath.split('.')) {
    handler = handler == null ? undefined : handler[part];
  }
  if (handler === undefined && module && module.default) {
    handler = handlerPath.split('.').reduce((h, part) => (h == null ? undefined : h[part]), module.default);
  }
  if (handler === undefined) {
    throw new UserError('Runtime.HandlerNotFound', `${handlerString} is undefined or not exported`);
  }
  if (typeof handler !== 'function') {
    throw new UserError('Runtime.HandlerNotFound', `${handlerString} is not a function`);
  }
  return handler;
}

function errorResult(err) {
  if (!(err instanceof Error)) {
    const message = typeof err === 'string' ? err : JSON.stringify(err);
    return { errorType: 'string', errorMessage: message, trace: [] };
  }
  const trace = typeof err.stack === 'string' ? err.stack.split('\n') : [];
  return { errorType: err.name || 'Error', errorMessage: err.message, trace };
}

function maxMemoryMb() {
  // The peak resident set (VmHWM) where /proc has it, else the current one.
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) {
      return Math.round(Number(match[1]) / 1024);
    }
  } catch (e) {
    // not Linux
  }
  return Math.round(process.memoryUsage().rss / (1024 * 1024));
}

function makeContext(request, finish) {
  const env = process.env;
  return {
    awsRequestId: request.requestId,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: request.invokedFunctionArn,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(request.deadlineMs - Date.now(), 0),
    done: (err, result) => finish(err, result),
    succeed: (result) => finish(null, result),
    fail: (err) => finish(err || 'handled', undefined),
  };
}

function respond(err, result) {
  if (err !== null && err !== undefined) {
    const error = errorResult(err);
    logLine('ERROR', `Invoke Error \t${JSON.stringify({ errorType: error.errorType,
      errorMessage: error.errorMessage, stack: error.trace })}`);
    send('ERROR', { error, maxMemoryMb: maxMemoryMb() });
    return;
  }
  let payload;
  try {
    payload = JSON.stringify(result === undefined ? null : result);
  } catch (e) {
    const error = { errorType: 'Runtime.MarshalError', errorMessage: `Unable to stringify response body: ${e.message}`,
      trace: [] };
    logLine('ERROR', `Invoke Error \t${JSON.stringify(error)}`);
    send('ERROR', { error, maxMemoryMb: maxMemoryMb() });
    return;
  }
  send('RESULT', { payload, maxMemoryMb: maxMemoryMb() });
}

function invoke(handler, request) {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (err, result) => {
      if (finished) {
        return;
      }
      finished = true;
      respond(err, result);
      resolve();
    };
    currentRequestId = request.requestId;
    currentInvocation = finish;
    let event;
    try {
      event = JSON.parse(Buffer.from(request.payload, 'base64').toString('utf8') || 'null');
    } catch (e) {
      finish(new UserError('Runtime.UnmarshalError', `Unable to parse input as json: ${e.message}`));
      return;
    }
    const context = makeContext(request, finish);
    try {
      const returned = handler(event, context, finish);
      if (returned && typeof returned.then === 'function') {
        returned.then((value) => finish(null, value), (err) => finish(err || 'rejected', undefined));
      } else if (handler.length < 3) {
        // Neither a promise nor a callback: the return value is the answer.
        finish(null, returned);
      }
    } catch (e) {
      finish(e, undefined);
    }
  });
}

function fatal(err) {
  // An error outside any await chain: Lambda reports it for the current invocation and ends the runtime.
  const error = errorResult(err);
  logLine('ERROR', `Uncaught Exception \t${JSON.stringify({ errorType: error.errorType,
    errorMessage: error.errorMessage, stack: error.trace })}`);
  if (currentInvocation) {
    send('ERROR', { error, fatal: true, maxMemoryMb: maxMemoryMb() });
  }
  process.exit(129);
}

/*
 * On Lambda nothing above /var/task exists. Here the artifact usually sits inside the project, whose own
 * node_modules (or a global one) would satisfy a require that fails on Lambda: CommonJS lookups stay inside.
 */
function confineRequire(taskRoot, layers) {
  const roots = [taskRoot, ...layers];
  const inside = (p) => roots.some((root) => p === root || p.startsWith(root + path.sep));
  const lookup = Module._resolveLookupPaths;
  Module._resolveLookupPaths = function (request, parent) {
    const paths = lookup.call(this, request, parent);
    return Array.isArray(paths) ? paths.filter(inside) : paths;
  };
}

async function main() {
  const taskRoot = path.resolve(process.env.LAMBDA_TASK_ROOT);
  process.chdir(taskRoot);
  const layers = (process.env.LAMBDA_VERIFY_LAYERS || '').split(path.delimiter).filter((d) => d);
  delete process.env.LAMBDA_VERIFY_LAYERS;
  confineRequire(taskRoot, layers);
  makeStdioSynchronous();
  patchConsole();
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', (reason) => fatal(reason instanceof Error ? reason
    : new UserError('Runtime.UnhandledPromiseRejection', String(reason))));

  const started = process.hrtime.bigint();
  let handler = null;
  let initError = null;
  try {
    handler = await loadHandler(taskRoot, process.env._HANDLER || '');
  } catch (e) {
    initError = e;
  }
  send('READY', { initDurationMs: Number(process.hrtime.bigint() - started) / 1e6 });

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) {
      continue;
    }
    const request = JSON.parse(line);
    if (initError) {
      currentRequestId = request.requestId;
      const error = errorResult(initError);
      logLine('ERROR', `${JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage,
        stack: error.trace })}`);
      send('ERROR', { error, fatal: true, maxMemoryMb: maxMemoryMb() });
      process.exit(0);
    }
    await invoke(handler, request);
    currentRequestId = null;
    currentInvocation = null;
  }
}

main();
