package com.amazonaws.greengrass.common;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The SDK's logger: lines go to the task's stdout (stderr from WARN up), where edgecoord collects
 * them; DEBUG and TRACE only with {@code AWS_LAMBDA_LOG_LEVEL=DEBUG}, so the SDK's per-call debug
 * lines do not fill the log.
 */
public class GreengrassLogger {

    private final boolean debug = "DEBUG".equalsIgnoreCase(System.getenv("AWS_LAMBDA_LOG_LEVEL"))
            || "TRACE".equalsIgnoreCase(System.getenv("AWS_LAMBDA_LOG_LEVEL"));

    public GreengrassLogger() {
    }

    public void log(String message, LogLevel level) {
        if ((level == LogLevel.DEBUG || level == LogLevel.TRACE) && !debug) {
            return;
        }
        PrintStream out = level.compareTo(LogLevel.WARN) <= 0 ? System.err : System.out;
        out.println("[" + level + "] " + message);
    }

    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    public void fatal(String message) {
        log(message, LogLevel.FATAL);
    }

    public void error(String message) {
        log(message, LogLevel.ERROR);
    }

    public void warn(String message) {
        log(message, LogLevel.WARN);
    }

    public void info(String message) {
        log(message, LogLevel.INFO);
    }

    public void debug(String message) {
        log(message, LogLevel.DEBUG);
    }

    public void trace(String message) {
        log(message, LogLevel.TRACE);
    }
}
