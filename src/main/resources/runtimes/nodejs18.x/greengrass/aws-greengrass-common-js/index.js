'use strict';
/*
 * edgecoord's aws-greengrass-common-js: what the Greengrass Core SDK for JavaScript reads from the
 * module a Greengrass v1 core provided (envVars, FunctionArnFields, buildFunctionArn, logging).
 * Written for edgecoord from the SDK's calls; the coordinator sets the variables.
 */

const FunctionArnFields = require('./function-arn-fields');
const logging = require('./logging');

const names = ['MY_FUNCTION_ARN', 'SHADOW_FUNCTION_ARN', 'ROUTER_FUNCTION_ARN', 'SECRETS_MANAGER_FUNCTION_ARN',
  'AUTH_TOKEN', 'GG_EDGECOORD_SEAM'];

/** Greengrass's services an edgecoord environment is not given a variable for, by function name. */
const fallbackFunctions = { SECRETS_MANAGER_FUNCTION_ARN: 'GGSecretsManager' };

function fallback(name) {
  const mine = process.env.MY_FUNCTION_ARN;
  if (!fallbackFunctions[name] || !mine) {
    return undefined;
  }
  try {
    const fields = new FunctionArnFields(mine);
    return `arn:${fields.partition}:lambda:${fields.region}:${fields.accountId}:function:${fallbackFunctions[name]}`;
  } catch (malformed) { // a MY_FUNCTION_ARN we cannot read names no service either
    return undefined;
  }
}

/** The variables, read when asked for: the SDK destructures them when it is loaded. */
const envVars = {};
for (const name of names) {
  Object.defineProperty(envVars, name, {
    enumerable: true,
    get: () => process.env[name] || fallback(name),
  });
}

/** The ARN of a function's version or alias: the qualifier appended, or the unqualified ARN as it is. */
function buildFunctionArn(unqualifiedArn, qualifier) {
  return (qualifier === undefined || qualifier === null || qualifier === '') ? unqualifiedArn : `${unqualifiedArn}:${qualifier}`;
}

module.exports = { envVars, FunctionArnFields, buildFunctionArn, logging };
