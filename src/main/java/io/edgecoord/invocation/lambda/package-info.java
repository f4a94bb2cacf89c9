/**
 * AWS Lambda's Invoke API as a second dialect of invoking: its request, its results and its errors in Lambda's own shape.
 */
package io.edgecoord.invocation.lambda;
