import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ConvMathError, type Padding1d, type Padding2d } from '../index';

/** A usage mistake (unknown flag, missing value): exit status 2. Input errors are ConvMathErrors: status 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with its multi-line messages turned into one line that names the command. */
export function parse(command: string, args: string[], options: Options, positionals = 0) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message.split('\n')[0]!;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const known = Object.entries(options)
        .map(([name, o]) => (o.short ? `-${o.short}/--${name}` : `--${name}`))
        .join(', ');
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`${command}: unknown option ${flag}; options are ${known}`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /'(-[^,' ]+)/.exec(message)?.[1] ?? 'an option';
      const long = flag.startsWith('--')
        ? flag
        : `--${Object.entries(options).find(([, o]) => `-${o.short}` === flag)?.[0] ?? flag.slice(1)}`;
      throw new UsageError(
        `${command}: ${flag} needs a value${/ambiguous/.test(message) ? ` (for a value starting with '-', write ${long}=VALUE)` : ''}`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`${command}: unexpected argument ${/'([^']+)'/.exec(message)?.[1] ?? ''}`.trim());
    }
    throw new UsageError(`${command}: ${message}`);
  }
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`${command}: unexpected argument ${JSON.stringify(parsed.positionals[positionals])}`);
  }
  return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
}

export function requireValue(command: string, values: Record<string, unknown>, name: string, flag: string): string {
  const value = values[name];
  if (typeof value !== 'string') throw new UsageError(`${command}: ${flag} is required`);
  return value;
}

/** "12" → 12; anything else is an input error naming the flag. */
export function integer(flag: string, text: string | undefined, fallback?: number): number | undefined {
  if (text === undefined) return fallback;
  if (!/^[+-]?\d+$/.test(text.trim())) throw new ConvMathError(`${flag} must be an integer; found ${JSON.stringify(text)}`);
  return Number(text);
}

/** "2" or "2,1" → 2 or [2, 1]. */
export function integerPair(flag: string, text: string | undefined): number | [number, number] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',');
  if (parts.length === 1) return integer(flag, parts[0]);
  if (parts.length === 2) return [integer(flag, parts[0])!, integer(flag, parts[1])!];
  throw new ConvMathError(`${flag} must be N or H,W; found ${JSON.stringify(text)}`);
}

/** "1", "1,2", "1,1,2,2", "valid", "same", "full". */
export function paddingValue(flag: string, text: string | undefined, maxParts: 2): Padding1d | undefined;
export function paddingValue(flag: string, text: string | undefined, maxParts: 4): Padding2d | undefined;
export function paddingValue(flag: string, text: string | undefined, maxParts: 2 | 4): Padding2d | undefined {
  if (text === undefined) return undefined;
  if (text === 'valid' || text === 'same' || text === 'full') return text;
  const parts = text.split(',');
  if (parts.length === 1 || parts.length === 2 || (maxParts === 4 && parts.length === 4)) {
    const numbers = parts.map((part) => integer(flag, part)!);
    return numbers.length === 1 ? numbers[0]! : (numbers as [number, number] | [number, number, number, number]);
  }
  const forms = maxParts === 4 ? 'N, H,W, TOP,BOTTOM,LEFT,RIGHT' : 'N, BEFORE,AFTER';
  throw new ConvMathError(`${flag} must be ${forms}, valid, same or full; found ${JSON.stringify(text)}`);
}

export function choice<T extends string>(flag: string, text: string | undefined, allowed: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; found ${JSON.stringify(text)}`);
  }
  return text as T;
}

/** Parses JSON text, naming where it came from when it is malformed. */
export function parseJson(source: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConvMathError(`${source} is not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}
