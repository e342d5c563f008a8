// Number formatting shared by tables and explanations.

/** 61706 → "61,706". */
export function groupDigits(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : formatValue(value);
}

/** Integers as they are; other values to 6 significant digits without trailing zeros. */
export function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** 245_824 bytes → "240.06 KiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(2)} ${units[unit]}`;
}

/** 416_520 → "416.52 K"; small numbers as they are. */
export function formatCount(value: number): string {
  const steps: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of steps) if (value >= size) return `${(value / size).toFixed(2)} ${suffix}`;
  return String(value);
}

/** [6, 28, 28] → "6×28×28". */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}
