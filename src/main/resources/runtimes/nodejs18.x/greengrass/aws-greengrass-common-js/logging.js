'use strict';

const LEVELS = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, FATAL: 50 };

/**
 * The logger Greengrass gave its functions (its "local watch" logs). Here lines go to the
 * function's stdout (debug, info) or stderr (warn, error, fatal), which are its edgecoord logs;
 * debug shows only when AWS_LAMBDA_LOG_LEVEL is DEBUG, as the SDK's debug lines carry payloads.
 */
class LocalWatchLogger {
  constructor(level) {
    const named = String(level || process.env.AWS_LAMBDA_LOG_LEVEL || 'INFO').toUpperCase();
    this.threshold = LEVELS[named] || LEVELS.INFO;
  }

  write(level, parts) {
    if (LEVELS[level] < this.threshold) {
      return;
    }
    const line = `[${level}] ${parts.map((part) => (typeof part === 'string' ? part : String(part))).join(' ')}\n`;
    (LEVELS[level] >= LEVELS.WARN ? process.stderr : process.stdout).write(line);
  }

  debug(...parts) { this.write('DEBUG', parts); }

  info(...parts) { this.write('INFO', parts); }

  warn(...parts) { this.write('WARN', parts); }

  error(...parts) { this.write('ERROR', parts); }

  fatal(...parts) { this.write('FATAL', parts); }
}

module.exports = { LocalWatchLogger };
