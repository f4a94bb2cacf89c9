'use strict';
/*
 * edgecoord's aws-greengrass-ipc-sdk-js: the IPC client the Greengrass Core SDK for JavaScript
 * calls for every publish, shadow call and invoke (postWork, then getWorkResult for a
 * RequestResponse call). Written for edgecoord from the SDK's calls. It speaks to the
 * environment's own Runtime API endpoint (AWS_LAMBDA_RUNTIME_API), whose /edgecoord/v1/greengrass
 * seam the coordinator serves; the environment is known by its endpoint, so the token and any
 * host or port given are not needed. Errors reach the callback as Error objects carrying the
 * coordinator's problem (statusCode, type, detail).
 */

const http = require('http');

const DEFAULT_SEAM = '/edgecoord/v1/greengrass';
const WAIT_SECONDS = 30;

// Kept-alive connections: each new one makes the container's socat forwarder fork. Idle sockets
// are unreferenced by the agent, so they do not keep a function's process alive.
const agent = new http.Agent({ keepAlive: true });

/** The bytes of a payload as the SDK hands it over: Buffer, typed array, string, or JSON-able value. */
function payloadBytes(payload) {
  if (payload === undefined || payload === null || payload === '') {
    return null;
  }
  if (Buffer.isBuffer(payload)) {
    return payload;
  }
  if (ArrayBuffer.isView(payload)) {
    return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  }
  if (payload instanceof ArrayBuffer) {
    return Buffer.from(payload);
  }
  return Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload), 'utf8');
}

function problemError(status, body) {
  let problem = {};
  try {
    problem = JSON.parse(body);
  } catch (notJson) { // a proxy or a crash answered: the raw text is all there is
    problem = { detail: body };
  }
  const error = new Error(problem.detail || problem.title || `the coordinator answered ${status}`);
  error.name = status === 403 ? 'AccessDeniedException' : status === 404 ? 'ResourceNotFoundException' : 'GreengrassIPCException';
  error.statusCode = status;
  error.type = problem.type;
  error.problem = problem;
  return error;
}

class IPCClient {
  /**
   * @param authToken the function's AUTH_TOKEN (kept, not needed: the endpoint identifies the environment)
   * @param host ignored, as is port: the coordinator is at AWS_LAMBDA_RUNTIME_API
   */
  constructor(authToken, host, port) {
    this.authToken = authToken;
    const address = process.env.AWS_LAMBDA_RUNTIME_API || '127.0.0.1:9001';
    const colon = address.lastIndexOf(':');
    this.host = address.slice(0, colon);
    this.port = Number(address.slice(colon + 1));
    this.seam = process.env.GG_EDGECOORD_SEAM || DEFAULT_SEAM;
  }

  request(method, path, body, callback) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const request = http.request({ host: this.host, port: this.port, method, path: this.seam + path, agent, headers },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode >= 300) {
            callback(problemError(response.statusCode, text));
            return;
          }
          let answer;
          try {
            answer = JSON.parse(text);
          } catch (error) {
            callback(new Error(`the coordinator's answer to ${method} ${path} is not JSON: ${error.message}`));
            return;
          }
          callback(null, answer);
        });
        response.on('error', callback);
      });
    request.on('error', callback);
    request.end(body);
  }

  /**
   * Starts a local invocation of functionArn (a router publish, a shadow call or a function).
   * @param callback (err, invocationId)
   */
  postWork(functionArn, payload, clientContext, invocationType, callback) {
    const bytes = payloadBytes(payload);
    const body = JSON.stringify({
      functionArn,
      invocationType: invocationType || 'RequestResponse',
      clientContext: clientContext || null,
      payload: bytes === null ? null : bytes.toString('base64'),
    });
    this.request('POST', '/invocations', body, (error, answer) => {
      if (error) {
        callback(error, null);
        return;
      }
      callback(null, answer.invocationId);
    });
  }

  /**
   * Waits for the end of a RequestResponse invocation started by postWork.
   * @param callback (err, payload as a string, functionError ('Handled', 'Unhandled' or undefined), statusCode)
   */
  getWorkResult(functionArn, invocationId, callback) {
    const poll = () => this.request('GET', `/invocations/${encodeURIComponent(invocationId)}?wait=${WAIT_SECONDS}`,
      undefined, (error, answer) => {
        if (error) {
          callback(error, null);
          return;
        }
        if (answer.status === 'RUNNING') {
          poll();
          return;
        }
        const payload = answer.payload ? Buffer.from(answer.payload, 'base64').toString('utf8') : '';
        callback(null, payload, answer.functionError || undefined, 200);
      });
    poll();
  }
}

module.exports = IPCClient;
