import { describe, expect, test } from 'vitest';
import { createTerminalChart, type TerminalStream } from '../src/node';

function fakeStream(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  const stream: TerminalStream = { isTTY, columns, write: (text: string) => writes.push(text) };
  return { stream, writes };
}

describe('createTerminalChart(options)', () => {
  test('draws nothing when the stream is not a TTY', () => {
    const { stream, writes } = fakeStream(false);
    const view = createTerminalChart({ stream, title: 'GAN' });
    expect(view.enabled).toBe(false);
    view.push({ generator: 1, discriminator: 0.5 }, 'epoch 1');
    view.update({ generator: [1, 2, 3] });
    view.close();
    expect(writes).toEqual([]);
  });

  test('on a TTY draws title, status and one sparkline per series with last/min/max', () => {
    const { stream, writes } = fakeStream(true);
    const view = createTerminalChart({ stream, title: 'GAN', minIntervalMs: 0 });
    expect(view.enabled).toBe(true);
    view.update(
      [
        { name: 'generator', values: [3, 2, 1] },
        { name: 'd', values: [1, 2, 3] },
      ],
      'epoch 3/10',
    );
    expect(writes).toHaveLength(1);
    const lines = writes[0]!.split('\n').filter(Boolean);
    expect(lines[0]).toContain('GAN · epoch 3/10');
    expect(lines[1]).toMatch(/generator {2}█▅▁ +1 {2}\(min 1, max 3\)/);
    expect(lines[2]).toMatch(/d {10}▁▅█ +3 {2}\(min 1, max 3\)/);
  });

  test('redraws in place: moves the cursor up over the previous frame', () => {
    const { stream, writes } = fakeStream(true);
    const view = createTerminalChart({ stream, minIntervalMs: 0 });
    view.push({ g: 1, d: 2 });
    view.push({ g: 2, d: 1 });
    expect(writes).toHaveLength(2);
    expect(writes[0]!.startsWith('\x1b[')).toBe(true);
    expect(writes[0]).not.toContain('F');
    expect(writes[1]!.startsWith('\x1b[2F')).toBe(true);
    expect(writes[1]).toContain('g  ▁█');
  });

  test('keeps only the last `window` values per series', () => {
    const { stream, writes } = fakeStream(true);
    const view = createTerminalChart({ stream, minIntervalMs: 0, width: 10, window: 3 });
    for (const v of [100, 1, 2, 3]) view.push({ loss: v });
    expect(writes.at(-1)).toContain('(min 1, max 3)');
  });

  test('throttles redraws and shows the last state on close', () => {
    const { stream, writes } = fakeStream(true);
    const view = createTerminalChart({ stream, minIntervalMs: 60_000 });
    view.push({ loss: 1 });
    view.push({ loss: 2 });
    view.push({ loss: 3 });
    expect(writes).toHaveLength(1);
    view.close();
    expect(writes).toHaveLength(2);
    expect(writes[1]).toContain('3  (min 1, max 3)');
    view.push({ loss: 4 });
    expect(writes).toHaveLength(2);
  });

  test('cuts lines to the terminal width', () => {
    const { stream, writes } = fakeStream(true, 20);
    const view = createTerminalChart({ stream, minIntervalMs: 0, width: 40 });
    view.push({ 'a very long series name': 1 });
    const line = writes[0]!.split('\n')[0]!.replace('\x1b[2K', '');
    expect(Array.from(line)).toHaveLength(19);
  });

  test('rejects a bad width', () => {
    expect(() => createTerminalChart({ width: 0 })).toThrow(/width must be a positive integer, found 0/);
  });
});
