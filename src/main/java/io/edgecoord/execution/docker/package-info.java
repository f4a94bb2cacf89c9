/**
 * The Docker Engine backend of the resource manager: builds runtime images from the class path,
 * runs each environment as a hardened, labelled container, streams its output and reports its
 * exit. docker-java and its Jackson 2 stay inside this package.
 */
package io.edgecoord.execution.docker;
