/**
 * Where a JSON text first breaks the grammar (RFC 8259), for the error messages of an import. Engines differ:
 * V8 names the position for most errors but not for an unexpected token or an early end, and other engines
 * name none, so the import finds the place itself when the engine's message does not say.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Thrown inside the scan to stop at the offending character. */
class Stop extends Error {
  readonly at: number;
  constructor(at: number) {
    super(`not JSON from offset ${String(at)}`);
    this.at = at;
  }
}

/**
 * The offset (0-based, in UTF-16 units) of the first character at which `text` stops being JSON, `text.length`
 * when it ends too early, or undefined when it is valid JSON (or nested too deeply to scan).
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (at = i): never => {
    throw new Stop(at);
  };
  const skipWhitespace = (): void => {
    while (i < text.length && WHITESPACE.has(text.charAt(i))) i++;
  };
  const expect = (char: string): void => {
    if (text.charAt(i) !== char) fail();
    i++;
  };
  const word = (literal: string): void => {
    for (const char of literal) expect(char);
  };
  const string = (): void => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail();
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return;
      }
      if (code < 0x20) fail();
      if (code === 0x5c) {
        const escape = text.charAt(i + 1);
        if (escape === 'u') {
          if (!HEX.test(text.slice(i + 2, i + 6))) fail(i + 2);
          i += 6;
        } else if (ESCAPES.has(escape)) i += 2;
        else fail(i + 1);
      } else i++;
    }
  };
  const number = (): void => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (match === null)
      fail(i + 1); // a minus sign with no digits after it
    else i = NUMBER.lastIndex;
  };
  const value = (): void => {
    skipWhitespace();
    const char = text.charAt(i);
    if (char === '{') object();
    else if (char === '[') array();
    else if (char === '"') string();
    else if (char === 't') word('true');
    else if (char === 'f') word('false');
    else if (char === 'n') word('null');
    else if (char === '-' || (char >= '0' && char <= '9')) number();
    else fail();
  };
  const object = (): void => {
    i++;
    skipWhitespace();
    if (text.charAt(i) === '}') {
      i++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text.charAt(i) !== '"') fail();
      string();
      skipWhitespace();
      expect(':');
      value();
      skipWhitespace();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      expect(',');
    }
  };
  const array = (): void => {
    i++;
    skipWhitespace();
    if (text.charAt(i) === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      skipWhitespace();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      expect(',');
    }
  };

  try {
    value();
    skipWhitespace();
    if (i < text.length) fail();
    return undefined;
  } catch (stop) {
    if (stop instanceof Stop) return Math.min(stop.at, text.length);
    if (stop instanceof RangeError) return undefined; // nested deeper than the stack allows
    throw stop;
  }
}
