package com.amazonaws.greengrass.common;

/** The levels of {@link GreengrassLogger}, most severe first. */
public enum LogLevel {
    FATAL, ERROR, WARN, INFO, DEBUG, TRACE, NOTSET
}
