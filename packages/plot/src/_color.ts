import { PlotInputError } from './plot-input-error';

const named: Record<string, string> = { white: '#ffffff', black: '#000000' };

/** Parses '#rgb', '#rrggbb', 'white' or 'black' into [r, g, b] bytes. */
export function parseColor(fn: string, name: string, color: string): [number, number, number] {
  const hex = named[color] ?? color;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex);
  if (short) return [1, 2, 3].map((i) => Number.parseInt(short[i]!.repeat(2), 16)) as [number, number, number];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (long) return [1, 2, 3].map((i) => Number.parseInt(long[i]!, 16)) as [number, number, number];
  throw new PlotInputError(`${fn}: ${name} must be '#rrggbb', '#rgb', 'white' or 'black', found ${JSON.stringify(color)}`);
}
