#!/bin/sh
# Starts AWS's Lambda Java runtime interface client (the RIC) on the task's handler.
#
# The task's classes come from the task root and its lib/*.jar, as Lambda lays out a Java zip.
# edgecoord's Greengrass IPC client (what the Greengrass Java Core SDK a function bundles calls)
# comes after them, so the SDK finds it and a task's own classes still win.
# The RIC's JNI library was unpacked at image build time (see the Dockerfile): the RIC would
# otherwise copy it into /tmp and load it from there, and /tmp is mounted noexec.
# Flags favour start-up over peak speed (serial GC, C1 only, no perf-data file in /tmp); the heap
# follows the container's memory limit. ric.jsa is the RIC's start-up classes (CDS), made at
# image build time. Other JVM flags can come from JAVA_TOOL_OPTIONS.
set -eu
: "${_HANDLER:?_HANDLER must name the handler, e.g. example.Handler::handleRequest}"
ric=/opt/edgecoord/ric
task="${LAMBDA_TASK_ROOT:-/var/task}"
exec java \
  -XX:+UseSerialGC \
  -XX:TieredStopAtLevel=1 \
  -XX:MaxRAMPercentage=75 \
  -XX:-UsePerfData \
  -Xshare:auto \
  -XX:SharedArchiveFile="$ric/lib/ric.jsa" \
  -Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI="$ric/lib/libaws-lambda-jni.so" \
  -cp "$ric/*:$task:$task/lib/*:/opt/edgecoord/greengrass" \
  com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$_HANDLER"
