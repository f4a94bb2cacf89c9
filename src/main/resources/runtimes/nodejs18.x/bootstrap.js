'use strict';
/*
 * edgecoord's Lambda Runtime API client for Node.js, standard library only.
 *
 * Loads the handler named by _HANDLER ("file.export", the file relative to LAMBDA_TASK_ROOT
 * without its .js, .mjs or .cjs; the export may be a dotted path) at init, so module-level code
 * runs before the first call, then loops: GET the next invocation, call
 * handler(event, context, callback), POST the result or the error. A handler ends by the promise
 * it returns (async), by the callback, or by context.succeed / fail / done, whichever comes
 * first. Errors take Lambda's Node.js shape {"errorType", "errorMessage", "trace"}.
 * Differences from AWS's runtime: a callback's result goes out at once instead of when the event
 * loop is empty (callbackWaitsForEmptyEventLoop is there but not waited on: long-lived functions
 * keep timers), and a handler that neither returns a promise nor takes a callback ends when it
 * returns, with what it returned (null for nothing), instead of when the event loop is empty.
 *
 * Everything printed goes to stdout/stderr, which is the function's log.
 */

const fs = require('fs');
const http = require('http');
const path = require('path');
const { pathToFileURL } = require('url');

const RUNTIME_PATH = '/2018-06-01/runtime';
const ERROR_TYPE_HEADER = 'Lambda-Runtime-Function-Error-Type';
const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs'];
const CONNECTION_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED']);

/** The Runtime API answered with something other than what the protocol promises. */
class RuntimeApiError extends Error {}

/** The handler could not be loaded; carries the Lambda error type and trace. */
class InitError extends Error {
  constructor(errorType, message, trace = []) {
    super(message);
    this.errorType = errorType;
    this.trace = trace;
  }
}

/**
 * Client of the Runtime API over one kept-alive connection (/next is a long poll): inside the
 * container each new connection makes the socat forwarder fork, which costs more than the call.
 * A dropped connection is opened again and the request tried once more.
 */
class RuntimeApi {
  constructor(address) {
    const colon = address.lastIndexOf(':');
    this.host = address.slice(0, colon);
    this.port = Number(address.slice(colon + 1));
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  async request(method, urlPath, body, headers) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(method, urlPath, body, headers);
      } catch (error) {
        if (attempt === 2 || !CONNECTION_ERRORS.has(error.code)) {
          throw error;
        }
      }
    }
  }

  once(method, urlPath, body, headers = {}) {
    const allHeaders = { 'User-Agent': 'edgecoord-nodejs/1', ...headers };
    if (body !== undefined) {
      allHeaders['Content-Length'] = body.length;
    }
    return new Promise((resolve, reject) => {
      const request = http.request({
        host: this.host, port: this.port, method, path: RUNTIME_PATH + urlPath, agent: this.agent,
        headers: allHeaders,
      }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({
          status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks),
        }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  async next() {
    const { status, headers, body } = await this.request('GET', '/invocation/next');
    if (status !== 200) {
      throw new RuntimeApiError(`GET /invocation/next answered ${status}: ${body.toString().slice(0, 200)}`);
    }
    return { headers, body };
  }

  postResponse(requestId, body) {
    return this.post(`/invocation/${requestId}/response`, body, { 'Content-Type': 'application/json' });
  }

  postError(requestId, error) {
    return this.postErrorDocument(`/invocation/${requestId}/error`, error);
  }

  postInitError(error) {
    return this.postErrorDocument('/init/error', error);
  }

  postErrorDocument(urlPath, error) {
    const headers = { 'Content-Type': 'application/json', [ERROR_TYPE_HEADER]: headerSafe(error.errorType) };
    return this.post(urlPath, Buffer.from(JSON.stringify(error)), headers);
  }

  async post(urlPath, body, headers) {
    const { status, body: answer } = await this.request('POST', urlPath, body, headers);
    if (status >= 300) {
      // The invocation may have timed out or the result been too large; the coordinator has
      // recorded why, so the runtime only logs it and goes on to the next invocation.
      log(`edgecoord-runtime: POST ${urlPath} answered ${status}: ${answer.toString().slice(0, 500)}`);
    }
  }
}

function log(message) {
  process.stderr.write(message + '\n');
}

function headerSafe(value) {
  return String(value).replace(/[^\x20-\x7e]/g, '?');
}

/** Lambda's error document for whatever a handler threw, rejected with or passed as an error. */
function errorDocument(error) {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error && 'stack' in error)) {
    const stack = typeof error.stack === 'string' ? error.stack.split('\n') : [];
    return { errorType: error.name || 'Error', errorMessage: String(error.message), trace: userFrames(stack) };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

/** A trace without this file's frames: they are the runtime's, not the function's. */
function userFrames(stack) {
  return stack.filter((line) => !line.includes(__filename));
}

function logError(error) {
  log(`[ERROR] ${error.errorType}: ${error.errorMessage}` + (error.trace.length ? '\n' + error.trace.join('\n') : ''));
}

function parseJson(text) {
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (ignored) { // a malformed optional header leaves the context field out, as on Lambda
    return undefined;
  }
}

/** Greengrass v1's Node.js functions read clientContext.Custom; Lambda's read clientContext.custom. */
function clientContext(header) {
  const parsed = parseJson(header);
  if (parsed && typeof parsed === 'object' && 'custom' in parsed && !('Custom' in parsed)) {
    Object.defineProperty(parsed, 'Custom', { get: () => parsed.custom, enumerable: false });
  }
  return parsed;
}

function makeContext(headers, requestId) {
  const env = process.env;
  const deadline = Number(headers['lambda-runtime-deadline-ms'] || 0);
  return {
    awsRequestId: requestId,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, // a string, as on Lambda
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME || `/aws/lambda/${env.AWS_LAMBDA_FUNCTION_NAME}`,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME || '',
    clientContext: clientContext(headers['lambda-runtime-client-context']),
    identity: parseJson(headers['lambda-runtime-cognito-identity']),
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
  };
}

/** Runs the handler; resolves to {result} or {error} by whichever way it ends first. */
function run(handler, event, context) {
  return new Promise((resolve) => {
    let ended = false;
    const end = (outcome) => {
      if (!ended) {
        ended = true;
        resolve(outcome);
      }
    };
    const callback = (error, result) => end((error !== undefined && error !== null) ? { error } : { result });
    context.succeed = (result) => end({ result });
    context.fail = (error) => end({ error: (error !== undefined && error !== null) ? error : 'handled' });
    context.done = callback;
    let returned;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      end({ error });
      return;
    }
    if (returned && typeof returned.then === 'function') {
      returned.then((result) => end({ result }),
        (error) => end({ error: (error !== undefined && error !== null) ? error : new Error('the handler rejected with nothing') }));
    } else if (handler.length < 3) {
      // Neither a promise nor a callback: it has ended; setImmediate lets a context.succeed
      // scheduled in this same turn still win.
      setImmediate(() => end({ result: returned }));
    }
  });
}

let current = null; // the invocation being handled: its request id and the way to end it early

async function handle(api, handler, headers, body) {
  const requestId = headers['lambda-runtime-aws-request-id'];
  if (!requestId) {
    throw new RuntimeApiError('GET /invocation/next answered without Lambda-Runtime-Aws-Request-Id');
  }
  if (headers['lambda-runtime-trace-id']) {
    process.env._X_AMZN_TRACE_ID = headers['lambda-runtime-trace-id'];
  } else {
    delete process.env._X_AMZN_TRACE_ID;
  }
  let event;
  try {
    event = body.length ? JSON.parse(body.toString('utf8')) : null;
  } catch (error) {
    return fail(api, requestId, { errorType: 'Runtime.UnmarshalError', errorMessage: `Unable to unmarshal input: ${error.message}`, trace: [] });
  }
  const context = makeContext(headers, requestId);
  const outcome = await new Promise((resolve) => {
    current = { requestId, end: resolve };
    run(handler, event, context).then(resolve);
  });
  current = null;
  if ('error' in outcome) {
    return fail(api, requestId, errorDocument(outcome.error));
  }
  let payload;
  try {
    payload = JSON.stringify(outcome.result === undefined ? null : outcome.result);
  } catch (error) {
    return fail(api, requestId, { errorType: 'Runtime.MarshalError', errorMessage: `Unable to stringify response body: ${error.message}`, trace: [] });
  }
  await api.postResponse(requestId, Buffer.from(payload === undefined ? 'null' : payload, 'utf8'));
}

async function fail(api, requestId, error) {
  logError(error);
  await api.postError(requestId, error);
}

/**
 * An error nobody caught ends the current invocation with it, and the process goes on. Lambda's
 * runtime exits there and Lambda starts a new one; here the coordinator would already have placed
 * the next call on this environment, which would then fail with Runtime.ExitError. Outside an
 * invocation (a timer of a long-lived function) the process exits, as Node.js itself would.
 */
function crash(error) {
  if (current) {
    current.end({ error });
    return;
  }
  logError(errorDocument(error));
  process.exit(1);
}

async function loadModule(taskRoot, moduleName) {
  const file = MODULE_EXTENSIONS.map((extension) => path.join(taskRoot, moduleName + extension)).find((candidate) => fs.existsSync(candidate));
  if (!file) {
    throw new InitError('Runtime.ImportModuleError', `Error: Cannot find module '${moduleName}' in ${taskRoot}`);
  }
  try {
    if (file.endsWith('.mjs')) {
      return await import(pathToFileURL(file).href);
    }
    try {
      return require(file);
    } catch (error) {
      if (error.code !== 'ERR_REQUIRE_ESM') { // a .js file in a "type": "module" package
        throw error;
      }
      return await import(pathToFileURL(file).href);
    }
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new InitError('Runtime.UserCodeSyntaxError', `${error.name}: ${error.message}`, userFrames(String(error.stack).split('\n')));
    }
    if (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_MODULE_NOT_FOUND') {
      throw new InitError('Runtime.ImportModuleError', `Error: ${error.message}`, userFrames(String(error.stack).split('\n')));
    }
    const document = errorDocument(error); // code run at load time failed
    throw new InitError(document.errorType, document.errorMessage, document.trace);
  }
}

async function loadHandler(spec, taskRoot) {
  const slash = spec.lastIndexOf('/');
  const base = spec.slice(slash + 1);
  const dot = base.indexOf('.');
  if (dot < 1 || dot === base.length - 1) {
    throw new InitError('Runtime.MalformedHandlerName', `Bad handler '${spec}': expected file.export`);
  }
  const moduleName = spec.slice(0, slash + 1) + base.slice(0, dot);
  const exportPath = base.slice(dot + 1);
  const loaded = await loadModule(taskRoot, moduleName);
  const handler = exportPath.split('.').reduce((holder, key) => (holder == null ? undefined : holder[key]), loaded);
  if (typeof handler !== 'function') {
    throw new InitError('Runtime.HandlerNotFound', `${moduleName}.${exportPath} is undefined or not exported`);
  }
  return handler;
}

async function main() {
  const taskRoot = process.env.LAMBDA_TASK_ROOT || '/var/task';
  const api = new RuntimeApi(process.env.AWS_LAMBDA_RUNTIME_API || '127.0.0.1:9001');
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', (reason) => {
    const error = new Error(String(reason && reason.message !== undefined ? reason.message : reason));
    error.name = 'Runtime.UnhandledPromiseRejection';
    error.stack = reason && reason.stack ? `${error.name}: ${reason.stack}` : `${error.name}: ${error.message}`;
    crash(error);
  });
  let handler;
  try {
    handler = await loadHandler(process.env._HANDLER || '', taskRoot);
  } catch (failure) {
    const error = failure instanceof InitError
      ? { errorType: failure.errorType, errorMessage: failure.message, trace: failure.trace }
      : errorDocument(failure);
    logError(error);
    await api.postInitError(error);
    process.exit(1);
  }
  for (;;) {
    const { headers, body } = await api.next();
    await handle(api, handler, headers, body);
  }
}

main().catch((error) => { // the coordinator went away or broke the protocol
  log(`edgecoord-runtime: Runtime API failed, exiting: ${error.message}`);
  process.exit(2);
});
