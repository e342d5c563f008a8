import { execFile, spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedTempDir } from '@dlkit/test-utils';
import { beforeAll, describe, expect, test } from 'vitest';

// The bin as users run it: the built dist/cli.js in a fresh Node process (turbo builds before testing).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const scratch = sharedTempDir('conv-math-cli-');

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm --filter @dlkit/conv-math build\` first`);
});

function run(args: string[], stdin = '') {
  const result = spawnSync(process.execPath, [cli, ...args], { input: stdin, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the bin with `stdin`; resolves its exit status and output (async, so table cases run concurrently). */
function runAsync(args: string[], stdin = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ status, stdout, stderr });
    });
    // A command that exits before reading stdin (most fail on their flags first) closes the pipe, and
    // on a busy machine that can happen before this write: EPIPE then says nothing about the bin.
    child.stdin?.on('error', () => {});
    child.stdin?.end(stdin);
  });
}

const seedArgs = ['--x', '[[1,2,3,4],[5,6,7,8],[9,10,11,12],[13,14,15,16]]', '--w', '[[4,2],[5,1]]', '-P', '1', '-S', '2'];

describe('conv-math (built bin) good paths', () => {
  test('is executable and starts with a node shebang', () => {
    expect(statSync(cli).mode & 0o111).not.toBe(0);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run(['--help']).stdout).toContain('conv-math size -L <input> -F <kernel>');
  });

  test('ships once, as an ES module: no CommonJS copy of the bin', () => {
    expect(existsSync(fileURLToPath(new URL('../dist/cli.cjs', import.meta.url)))).toBe(false);
  });

  test('size -L 32 -F 5 -P 0 -S 1 prints 28, in every format', () => {
    expect(run(['size', '-L', '32', '-F', '5', '-P', '0', '-S', '1'])).toEqual({ status: 0, stdout: '28\n', stderr: '' });
    expect(JSON.parse(run(['size', '-L', '32', '-F', '5', '--format', 'json']).stdout)).toMatchObject({ input: 32, kernel: 5, output: 28 });
    expect(run(['size', '-L', '32', '-F', '5', '--format', 'md']).stdout).toContain('⌊(32 + 2·0 − 5) / 1⌋ + 1 = ⌊27 / 1⌋ + 1 = 28');
    expect(run(['size', '-L', '32', '-F', '5', '--format', 'latex']).stdout).toContain('\\frac{32 + 2 \\cdot 0 - 5}{1}');
    expect(run(['size', '-L', '32', '-F', '4', '-S', '2']).stdout).toBe('15\n');
    expect(run(['size', '-L', '7', '-F', '3', '-P', 'same', '-S', '2']).stdout).toBe('4\n');
    expect(run(['size', '-L', '15', '-F', '2', '--pool', '--mode', 'ceil']).stdout).toBe('8\n');
    expect(run(['size', '-L', '15', '-F', '4', '-S', '2', '--transposed']).stdout).toBe('32\n');
  });

  test('summary lenet5 prints the table; json and md too', () => {
    const text = run(['summary', 'lenet5']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^C1 \(conv2d\) +6×28×28 +156 +117,600$/m);
    expect(text.stdout).toContain('Total params: 61,706');
    expect(JSON.parse(run(['summary', 'lenet5-reduced', '--format', 'json']).stdout).layers[0]).toMatchObject({
      outputShape: [5, 15, 15],
      params: 85,
    });
    expect(run(['summary', 'lenet5', '--format', 'md']).stdout).toContain('| C1 (conv2d) | 6×28×28 | 156 | 117,600 |');
    const file = join(scratch, 'net.json');
    writeFileSync(file, JSON.stringify({ name: 'tiny', input: [3, 8, 8], layers: [{ type: 'conv2d', outChannels: 4, kernel: 3 }] }));
    expect(run(['summary', file]).stdout).toMatch(/conv2d-0 \(conv2d\) +4×6×6 +112 +3,888/);
  });

  test('explain prints the worked solution (md by default, latex, text, json)', () => {
    const md = run(['explain', ...seedArgs]);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('- O[1][1] = 6·4 + 7·2 + 10·5 + 11·1 = 99');
    expect(run(['explain', ...seedArgs, '--format', 'latex']).stdout).toContain('\\begin{align*}');
    expect(run(['explain', ...seedArgs, '--format', 'text']).stdout).toBe(' 1 13 20\n19 99 92\n26 86 64\n');
    expect(JSON.parse(run(['explain', ...seedArgs, '--format', 'json']).stdout).result).toEqual([
      [1, 13, 20],
      [19, 99, 92],
      [26, 86, 64],
    ]);
  });

  test('conv reads {x, w, padding, stride} on stdin and writes the output as JSON', () => {
    const seed = run(
      ['conv'],
      JSON.stringify({
        x: [
          [1, 2, 3, 4],
          [5, 6, 7, 8],
          [9, 10, 11, 12],
          [13, 14, 15, 16],
        ],
        w: [
          [4, 2],
          [5, 1],
        ],
        padding: 1,
        stride: 2,
      }),
    );
    expect(seed).toEqual({ status: 0, stdout: '[[1,13,20],[19,99,92],[26,86,64]]\n', stderr: '' });
    const nchw = run(
      ['conv'],
      JSON.stringify({
        x: [
          [
            [
              [1, 2],
              [3, 4],
            ],
            [
              [5, 6],
              [7, 8],
            ],
          ],
        ],
        w: [[[[1]], [[1]]]],
        b: [0.5],
      }),
    );
    expect(JSON.parse(nchw.stdout)).toEqual([
      [
        [
          [6.5, 8.5],
          [10.5, 12.5],
        ],
      ],
    ]);
    const grouped = run(['conv', '--format', 'json'], JSON.stringify({ x: [[[[1, 2]], [[3, 4]]]], w: [[[[2]]], [[[3]]]], groups: 2 }));
    expect(JSON.parse(grouped.stdout)).toEqual([[[[2, 4]], [[9, 12]]]]);
    expect(run(['conv'], JSON.stringify({ x: [1, 2, 3], w: [1, 1], dilation: 2 })).stdout).toBe('[4]\n');
    expect(
      run(
        ['conv', '--format', 'text'],
        JSON.stringify({
          x: [
            [1, 2],
            [3, 4],
          ],
          w: [[1]],
        }),
      ).stdout,
    ).toBe('1 2\n3 4\n');
  });

  test('summary and suggest read a JSON network on stdin, with - or with no argument', () => {
    const network = JSON.stringify({ name: 'tiny', input: [3, 8, 8], layers: [{ type: 'conv2d', outChannels: 4, kernel: 3 }] });
    const piped = run(['summary'], network);
    expect(piped).toMatchObject({ status: 0, stderr: '' });
    expect(piped.stdout).toMatch(/conv2d-0 \(conv2d\) +4×6×6 +112 +3,888/);
    expect(run(['summary', '-'], network)).toEqual(piped);
    expect(JSON.parse(run(['summary', '-', '--format', 'json'], network).stdout).layers[0]).toMatchObject({ params: 112 });
    expect(run(['suggest', '--layer', '0'], network).stdout).toContain('conv2d-0: 3 filters instead of 4 — params 112 → 84');
    // a named network wins over whatever is on stdin
    expect(run(['summary', 'lenet5'], network).stdout).toContain('Total params: 61,706');
  });

  test('params and suggest', () => {
    expect(run(['params', '--in', '1', '--out', '6', '-F', '5']).stdout).toBe('156\n');
    expect(run(['params', '--in', '1', '--out', '5', '-F', '4', '--format', 'md']).stdout).toContain('= 5 · 17 = 85');
    expect(run(['params', '--type', 'dense', '--in', '120', '--out', '84']).stdout).toBe('10164\n');
    const suggest = JSON.parse(run(['suggest', 'lenet5', '--layer', 'C1', '--format', 'json']).stdout);
    expect(suggest.find((r: { technique: string }) => r.technique === 'fewer-smaller-strided').after).toEqual({
      params: 85,
      outputShape: [5, 15, 15],
      macs: 18000,
    });
    expect(run(['suggest', 'lenet5', '--layer', '0']).stdout).toContain(
      'C1: 5 filters of 4×4, stride 2 — params 156 → 85, output 6×28×28 → 5×15×15',
    );
  });
});

describe('conv-math (built bin) bad input: one stderr line, non-zero exit, no stack trace', () => {
  const cases: [string, string[], string, number, RegExp][] = [
    ['no command', [], '', 2, /missing command; expected one of size, summary/],
    ['an unknown command', ['frob'], '', 2, /unknown command "frob"/],
    ['an unknown flag', ['size', '-L', '32', '-F', '5', '--bogus'], '', 2, /size: unknown option --bogus; options are -L\/--input/],
    ['a missing required flag', ['size', '-L', '32'], '', 2, /size: -F \(kernel size\) is required/],
    ['a flag without its value', ['size', '-L', '32', '-F'], '', 2, /size: -F needs a value/],
    [
      'a negative size given as -P -1',
      ['size', '-L', '32', '-F', '5', '-P', '-1'],
      '',
      2,
      /-P needs a value \(for a value starting with '-', write --padding=VALUE\)/,
    ],
    ['negative padding', ['size', '-L', '32', '-F', '5', '--padding=-1'], '', 1, /padding P must be a non-negative integer; found -1/],
    ['a non-integer size', ['size', '-L', 'abc', '-F', '3'], '', 1, /-L must be an integer; found "abc"/],
    ['a zero kernel', ['size', '-L', '32', '-F', '0'], '', 1, /kernel size F must be a positive integer; found 0/],
    ['a negative input', ['size', '--input=-4', '-F', '3'], '', 1, /input size L must be a positive integer; found -4/],
    [
      'a kernel larger than the padded input',
      ['size', '-L', '3', '-F', '6', '-P', '1'],
      '',
      1,
      /kernel F = 6 is larger than the padded input L \+ P = 3 \+ 1 \+ 1 = 5/,
    ],
    [
      'a non-integer size in exact mode',
      ['size', '-L', '32', '-F', '5', '-S', '2', '--mode', 'exact'],
      '',
      1,
      /output size is not an integer: .* = 27\/2 \+ 1 = 14\.5 \(L=32, F=5, P=0, S=2\)/,
    ],
    [
      'an unknown mode',
      ['size', '-L', '32', '-F', '5', '--mode', 'round'],
      '',
      2,
      /--mode must be one of floor, ceil, exact; found "round"/,
    ],
    ['an unknown format', ['summary', 'lenet5', '--format', 'pdf'], '', 2, /--format must be one of text, json, md; found "pdf"/],
    ['an unknown preset', ['summary', 'alexnet'], '', 1, /unknown network "alexnet"; presets are lenet5, lenet5-reduced/],
    ['a missing network file', ['summary', '/nonexistent/net.json'], '', 1, /cannot read \/nonexistent\/net.json: ENOENT/],
    ['malformed JSON on stdin', ['conv'], '{"x": [[1,2]', 1, /stdin is not valid JSON/],
    ['nothing on stdin', ['conv'], '', 1, /conv reads JSON on stdin; found nothing/],
    ['a JSON array on stdin', ['conv'], '[1, 2]', 1, /stdin must hold a JSON object/],
    ['an unknown key on stdin', ['conv'], '{"x": [[1]], "w": [[1]], "strides": 2}', 1, /unknown key "strides" in the JSON/],
    ['no w on stdin', ['conv'], '{"x": [[1]]}', 1, /needs both "x" and "w"; found no w/],
    ['wrong shapes on stdin', ['conv'], '{"x": [[1,2],[3,4]], "w": [[[[1]]]]}', 1, /x is 2-D and w is 4-D/],
    ['a ragged x on stdin', ['conv'], '{"x": [[1,2],[3]], "w": [[1]]}', 1, /x\[1\] has 1 elements; expected 2/],
    ['a null value on stdin', ['conv'], '{"x": [[1,null]], "w": [[1]]}', 1, /x\[0\]\[1\] is null; expected a finite number/],
    [
      'a kernel larger than the input on stdin',
      ['conv'],
      '{"x": [[1,2]], "w": [[1,2,3]]}',
      1,
      /width: kernel F = 3 is larger than the padded input/,
    ],
    ['zero stride on stdin', ['conv'], '{"x": [[1]], "w": [[1]], "stride": 0}', 1, /stride must be a positive integer; found 0/],
    [
      'bad groups on stdin',
      ['conv'],
      '{"x": [[[[1]],[[1]],[[1]]]], "w": [[[[1]]]], "groups": 2}',
      1,
      /groups = 2 must divide the input channels; found Cin = 3/,
    ],
    ['a 5-D x on stdin', ['conv'], '{"x": [[[[[1]]]]], "w": [[[[[1]]]]]}', 1, /x must be a nested array of depth 1 to 4/],
    ['malformed --x', ['explain', '--x', '[[1,2],[3', '--w', '[[1]]'], '', 1, /--x is not valid JSON/],
    ['a missing --w', ['explain', '--x', '[[1]]'], '', 2, /explain: --w \(the kernel as JSON\) is required/],
    ['a non-numeric bias', ['explain', '--x', '[[1]]', '--w', '[[1]]', '--bias', 'abc'], '', 1, /--bias must be a number; found "abc"/],
    [
      'a bad padding list',
      ['explain', ...seedArgs.slice(0, 4), '-P', '1,2,3'],
      '',
      1,
      /-P must be N, H,W, TOP,BOTTOM,LEFT,RIGHT, valid, same or full; found "1,2,3"/,
    ],
    ['an unknown layer', ['suggest', 'lenet5', '--layer', 'C9'], '', 1, /no layer "C9" in LeNet-5/],
    [
      'groups that do not divide',
      ['params', '--in', '3', '--out', '6', '-F', '3', '--groups', '2'],
      '',
      1,
      /groups = 2 must divide both channel counts/,
    ],
    ['an extra argument', ['summary', 'lenet5', 'extra'], '', 2, /summary: unexpected argument "extra"/],
    [
      'no network and nothing on stdin',
      ['summary'],
      '',
      2,
      /summary: name a preset \(lenet5, lenet5-reduced\) or a JSON network file, or pipe/,
    ],
    ['summary - with nothing on stdin', ['summary', '-'], '', 1, /summary - reads a JSON network on stdin; found nothing/],
    ['a malformed network on stdin', ['summary'], '{"input": [1, 8', 1, /stdin is not valid JSON/],
    [
      'a network on stdin without layers',
      ['summary', '-'],
      '{"input": [1, 8, 8]}',
      1,
      /a network must be an object \{ input: \[C, H, W\], layers: \[...\] \}/,
    ],
  ];

  test.concurrent.each(cases)('%s', async (_name, args, stdin, status, message) => {
    const result = await runAsync(args, stdin);
    expect(result.status).toBe(status);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^conv-math: /);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  });
});
