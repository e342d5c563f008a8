import * as tf from '@tensorflow/tfjs-core';
import { seededRandom } from '@dlkit/random';
import type { SampleLayout } from './_network';
import { GanError } from './gan-error';

// A class-conditional GAN's classes: checked where they come in, drawn for the fakes, and joined to a
// batch as one-hot vectors, which is how both networks see them.

/**
 * The classes given for `n` images, checked and as integers; undefined when none are given and none are
 * `required`. An unconditional GAN (classCount 0) takes none.
 */
export function checkClasses(
  classes: ArrayLike<number> | undefined,
  n: number,
  classCount: number,
  where: string,
  required: boolean,
): Int32Array | undefined {
  if (classCount === 0) {
    if (classes === undefined) return undefined;
    throw new GanError(`${where}: this GAN is unconditional (config.classCount is 0) and takes no classes`, { kind: 'input' });
  }
  if (classes === undefined || classes === null) {
    if (!required) return undefined;
    throw new GanError(`${where}: this GAN is class-conditional (config.classCount ${classCount}): give the ${n} images' classes`, {
      kind: 'input',
    });
  }
  if (typeof classes !== 'object' || classes.length !== n) {
    const found = typeof classes === 'object' && 'length' in classes ? `${classes.length}` : typeof classes;
    throw new GanError(`${where}: expected ${n} classes, one per image, found ${found}`, { kind: 'input' });
  }
  const checked = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const value = classes[i]!;
    if (!(Number.isInteger(value) && value >= 0 && value < classCount)) {
      throw new GanError(`${where}: entry ${i} is ${String(value)}; classes must be integers from 0 to ${classCount - 1}`, {
        kind: 'input',
      });
    }
    checked[i] = value;
  }
  return checked;
}

/** Classes for `n` samples taken in turn: 0, 1, …, classCount − 1, 0, … (as many of each as n allows). */
export function classesInTurn(n: number, classCount: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i % classCount);
}

/** `n` classes drawn uniformly from a seed (a step's fakes': the same on every platform and on resume). */
export function drawClasses(n: number, classCount: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  return Int32Array.from({ length: n }, () => Math.floor(random() * classCount));
}

/** A batch in `layout` with each sample's class joined as a one-hot vector; the batch itself without classes. */
export function withClasses(x: tf.Tensor2D, classes: Int32Array | undefined, classCount: number, layout: SampleLayout): tf.Tensor2D {
  if (!classes) return x;
  return tf.tidy(() => {
    const oneHot = tf.cast(tf.oneHot(tf.tensor1d(classes, 'int32'), classCount), 'float32') as tf.Tensor2D;
    return layout === 'rows' ? tf.concat([x, oneHot], 1) : tf.concat([x, tf.transpose(oneHot)], 0);
  });
}
