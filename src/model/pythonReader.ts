/**
 * Reads Python source as data — numbers, strings, lists, names and calls
 * with their keyword arguments — enough for Keras model code. Nothing is
 * ever evaluated: a call is only its callee, arguments and line.
 */
export type Value = number | string | boolean | null | Value[] | Call | { name: string };
export interface Call {
  callee: string;
  args: Value[];
  kwargs: Record<string, Value>;
  line: number;
}
interface Token {
  kind: 'num' | 'str' | 'name' | 'punct';
  text: string;
  line: number;
}

export function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /(#[^\n]*)|(\n)|([ \t\r\\]+)|("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(-?\d+\.?\d*(?:[eE][+-]?\d+)?|-?\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][\w.]*)|(\*\*|[()[\]{},=:*+\-/<>!%&|^~@.])|(.)/g;
  let line = 1;
  for (const m of code.matchAll(pattern)) {
    const [text, comment, newline, space, str, num, name, punct] = m;
    if (newline) line++;
    else if (comment || space) continue;
    else if (str) {
      tokens.push({ kind: 'str', text: str.replace(/^("""|'''|"|')|("""|'''|"|')$/g, ''), line });
      line += (str.match(/\n/g) ?? []).length;
    } else if (num) tokens.push({ kind: 'num', text: num, line });
    else if (name) tokens.push({ kind: 'name', text: name, line });
    else if (punct) tokens.push({ kind: 'punct', text: punct, line });
    else tokens.push({ kind: 'punct', text, line });
  }
  return tokens;
}

/** A recursive-descent reader of Python values and calls, enough for Keras model code. */
export class Reader {
  private i = 0;
  readonly calls: Call[] = [];
  constructor(private readonly tokens: Token[]) {}

  run(): void {
    while (this.i < this.tokens.length) {
      const start = this.i;
      this.value();
      if (this.i === start) this.i++;
    }
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private sequence(close: string): Value[] {
    const items: Value[] = [];
    while (this.peek() && this.peek()!.text !== close) {
      const start = this.i;
      items.push(this.value());
      if (this.peek()?.text === ',') this.i++;
      else if (this.i === start) this.i++;
    }
    this.i++;
    return items;
  }

  /** Reads one value; calls are also collected in source order. */
  value(): Value {
    const token = this.peek();
    if (!token) return null;
    if (token.kind === 'num') {
      this.i++;
      return Number(token.text);
    }
    if (token.kind === 'str') {
      this.i++;
      return token.text;
    }
    if (token.text === '[' || token.text === '(') {
      this.i++;
      return this.sequence(token.text === '[' ? ']' : ')');
    }
    if (token.kind === 'name') {
      this.i++;
      if (token.text === 'True' || token.text === 'False') return token.text === 'True';
      if (token.text === 'None') return null;
      if (this.peek()?.text !== '(') return { name: token.text };
      this.i++;
      const call: Call = { callee: token.text, args: [], kwargs: {}, line: token.line };
      this.calls.push(call);
      while (this.peek() && this.peek()!.text !== ')') {
        const start = this.i;
        if (this.peek()?.kind === 'name' && this.peek(1)?.text === '=') {
          const key = this.peek()!.text;
          this.i += 2;
          call.kwargs[key] = this.value();
        } else {
          call.args.push(this.value());
        }
        if (this.peek()?.text === ',') this.i++;
        else if (this.i === start) this.i++;
      }
      this.i++;
      return call;
    }
    this.i++;
    return null;
  }
}

export const lastName = (callee: string): string => callee.split('.').pop() ?? callee;
export const isCall = (value: Value | undefined): value is Call => typeof value === 'object' && value !== null && 'callee' in value;
export const str = (value: Value | undefined): string | null => (typeof value === 'string' ? value : null);
export const num = (value: Value | undefined): number | null => (typeof value === 'number' ? value : null);
