import fs from 'node:fs';
import { vi } from 'vitest';

/** What {@link watchFileWrites} saw. */
export interface FileWrites {
  /** In order: 'fsync', and 'rename FROM → TO' with the paths as given; callback and sync forms alike. */
  readonly steps: string[];
  /** Makes the next data write to a file fail with `code` (default ENOSPC), as a full disk would. */
  failNextWrite(code?: string): void;
  /** Puts node:fs back. */
  restore(): void;
}

type Callback = (error: Error | null, ...rest: unknown[]) => void;
type AnyFunction = (...args: never[]) => unknown;

/**
 * Watches the node:fs calls that make a write atomic (fsync, rename) and can make a write fail, for
 * tests that check a file goes through npm's write-file-atomic (it calls node:fs at call time, so these
 * spies see it). Call `restore()` when done.
 */
export function watchFileWrites(): FileWrites {
  const steps: string[] = [];
  let failCode: string | undefined;
  const original = {
    fsync: fs.fsync,
    fsyncSync: fs.fsyncSync,
    rename: fs.rename,
    renameSync: fs.renameSync,
    write: fs.write,
    writeSync: fs.writeSync,
  };
  const takeFailure = (): Error | undefined => {
    if (failCode === undefined) return undefined;
    const error = Object.assign(new Error(`${failCode}: simulated write failure`), { code: failCode });
    failCode = undefined;
    return error;
  };
  const call = (fn: AnyFunction, args: unknown[]) => (fn as (...args: unknown[]) => unknown).apply(fs, args);
  const spy = (name: keyof typeof original, replacement: (...args: unknown[]) => unknown) =>
    vi.spyOn(fs, name).mockImplementation(replacement as never);
  const spies = [
    spy('fsync', (...args) => {
      steps.push('fsync');
      return call(original.fsync, args);
    }),
    spy('fsyncSync', (...args) => {
      steps.push('fsync');
      return call(original.fsyncSync, args);
    }),
    spy('rename', (...args) => {
      steps.push(`rename ${args[0]} → ${args[1]}`);
      return call(original.rename, args);
    }),
    spy('renameSync', (...args) => {
      steps.push(`rename ${args[0]} → ${args[1]}`);
      return call(original.renameSync, args);
    }),
    spy('write', (...args) => {
      const error = takeFailure();
      if (error) return (args.at(-1) as Callback)(error);
      return call(original.write, args);
    }),
    spy('writeSync', (...args) => {
      const error = takeFailure();
      if (error) throw error;
      return call(original.writeSync, args);
    }),
  ];
  return {
    steps,
    failNextWrite(code = 'ENOSPC') {
      failCode = code;
    },
    restore() {
      for (const s of spies) s.mockRestore();
    },
  };
}
