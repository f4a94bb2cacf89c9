'use strict';

const ARN = /^arn:([a-z0-9-]+):lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]{1,140})(?::(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;
const NAME = /^([A-Za-z0-9_-]{1,140})(?::(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;

/**
 * The parts of a Lambda function ARN (arn:aws:lambda:region:account:function:name[:qualifier]).
 * A bare name (with or without :qualifier) is taken to be in this function's own region and
 * account, as edgecoord names every task in one. Throws an Error for anything else.
 */
class FunctionArnFields {
  constructor(arn) {
    const text = String(arn);
    let match = ARN.exec(text);
    if (!match) {
      const bare = NAME.exec(text);
      const mine = process.env.MY_FUNCTION_ARN && ARN.exec(process.env.MY_FUNCTION_ARN);
      if (!bare || !mine) {
        throw new Error(`'${text}' is not a function ARN (arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>])`);
      }
      match = [text, mine[1], mine[2], mine[3], bare[1], bare[2]];
    }
    this.partition = match[1];
    this.region = match[2];
    this.accountId = match[3];
    this.name = match[4];
    this.qualifier = match[5];
    this.unqualifiedArn = `arn:${this.partition}:lambda:${this.region}:${this.accountId}:function:${this.name}`;
    this.arn = this.qualifier === undefined ? this.unqualifiedArn : `${this.unqualifiedArn}:${this.qualifier}`;
  }

  /** The ARN with the qualifier given, or with its own when none is given. */
  buildArnString(qualifier) {
    const chosen = qualifier === undefined ? this.qualifier : qualifier;
    return chosen ? `${this.unqualifiedArn}:${chosen}` : this.unqualifiedArn;
  }
}

module.exports = FunctionArnFields;
