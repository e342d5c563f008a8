import { conv2d, conv2dTranspose, fastKernelsEnabled } from '@dlkit/backend';
import * as tf from '@tensorflow/tfjs-core';

// Stock tfjs-backend-wasm has no Conv2DBackpropFilter kernel, so tfjs's conv gradients fail there. Where
// the backend has one (cpu, webgl, webgpu, tfjs-node, and wasm with @dlkit/backend's GEMM kernels on),
// these layers are tfjs's own conv2d and conv2dTranspose with tfjs's gradients. Elsewhere they carry
// their own gradients built from kernels every backend has: the filter gradient is itself a convolution
// (input channels as batch, batch as channels, the stride as dilation).

/** The activation after a layer's bias ('linear': none, e.g. before batch normalization). */
export interface ConvLayerActivation {
  activation: 'linear' | 'leakyRelu' | 'tanh';
  leakyAlpha?: number;
}

/**
 * activation(conv2d(x, filter, stride, 'same') + bias): @dlkit/backend's conv2d layer (one fused kernel,
 * its own gradient) where the backend computes conv gradients, else conv2dSame then tfjs's ops.
 */
export function convLayer(x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D, stride: number, act: ConvLayerActivation): tf.Tensor4D {
  if (convGradientsRun()) return conv2d(x, filter, bias, { strides: stride, pad: 'same', ...act });
  return tf.tidy(() => activate(tf.add(conv2dSame(x, filter, stride), bias), act));
}

/** activation(conv2dTranspose(x, filter, outputShape, stride, 'same') + bias), the same way as convLayer; no bias when undefined. */
export function convTransposeLayer(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  bias: tf.Tensor1D | undefined,
  outputShape: [number, number, number, number],
  stride: number,
  act: ConvLayerActivation,
): tf.Tensor4D {
  if (convGradientsRun()) return conv2dTranspose(x, filter, outputShape, bias, { strides: stride, pad: 'same', ...act });
  return tf.tidy(() => {
    const y = conv2dTransposeSame(x, filter, outputShape, stride);
    return activate(bias ? tf.add(y, bias) : y, act);
  });
}

/** tanh as 2σ(2y) − 1 while fast kernels are on, as @dlkit/backend's layers compute it (WASM's Tanh is scalar). */
function activate(y: tf.Tensor, { activation, leakyAlpha = 0.2 }: ConvLayerActivation): tf.Tensor4D {
  if (activation === 'linear') return y as tf.Tensor4D;
  if (activation === 'leakyRelu') return tf.leakyRelu(y, leakyAlpha) as tf.Tensor4D;
  return (fastKernelsEnabled() ? tf.sub(tf.mul(tf.sigmoid(tf.mul(y, 2)), 2), 1) : tf.tanh(y)) as tf.Tensor4D;
}

/** Whether the backend running now computes conv2d's gradients with its own kernels. */
export function convGradientsRun(): boolean {
  return tf.getKernel(tf.Conv2DBackpropFilter, tf.getBackend()) !== undefined;
}

/** conv2d with 'same' padding and a square stride, differentiable on every backend. */
export function conv2dSame(x: tf.Tensor4D, filter: tf.Tensor4D, stride: number): tf.Tensor4D {
  if (convGradientsRun()) return tf.conv2d(x, filter, stride, 'same');
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, kernel, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([input, kernel]);
    return {
      value: tf.conv2d(input, kernel, stride, 'same'),
      gradFunc: (dy, saved) => {
        const [savedInput, savedKernel] = saved as [tf.Tensor4D, tf.Tensor4D];
        const gradient = dy as tf.Tensor4D;
        return [
          transposedConvolution(gradient, savedKernel, savedInput.shape, stride),
          filterGradient(savedInput, gradient, savedKernel.shape, stride),
        ];
      },
    };
  });
  return op(x, filter) as tf.Tensor4D;
}

/** conv2dTranspose with 'same' padding (filter [k, k, out, in]), differentiable on every backend. */
export function conv2dTransposeSame(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  outputShape: [number, number, number, number],
  stride: number,
): tf.Tensor4D {
  if (convGradientsRun()) return tf.conv2dTranspose(x, filter, outputShape, stride, 'same');
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, kernel, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([input, kernel]);
    return {
      value: transposedConvolution(input, kernel, outputShape, stride),
      gradFunc: (dy, saved) => {
        const [savedInput, savedKernel] = saved as [tf.Tensor4D, tf.Tensor4D];
        const gradient = dy as tf.Tensor4D;
        // The transpose is the input-gradient of conv2d(output → input), so its gradients swap roles.
        return [tf.conv2d(gradient, savedKernel, stride, 'same'), filterGradient(gradient, savedInput, savedKernel.shape, stride)];
      },
    };
  });
  return op(x, filter) as tf.Tensor4D;
}

/**
 * ∂L/∂filter of y = conv2d(input, filter, stride, 'same') given ∂L/∂y:
 * dW[i,j,c,o] = Σ_b,p,q inputPadded[b, p·s+i, q·s+j, c] · dy[b,p,q,o], a dilated stride-1 convolution.
 */
function filterGradient(input: tf.Tensor4D, dy: tf.Tensor4D, filterShape: [number, number, number, number], stride: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw] = filterShape;
    const [, height, width] = input.shape;
    const [, outHeight, outWidth] = dy.shape;
    const padAlongHeight = Math.max((outHeight - 1) * stride + kh - height, 0);
    const padAlongWidth = Math.max((outWidth - 1) * stride + kw - width, 0);
    const top = Math.floor(padAlongHeight / 2);
    const left = Math.floor(padAlongWidth / 2);
    const padded = tf.pad(input, [
      [0, 0],
      [top, padAlongHeight - top],
      [left, padAlongWidth - left],
      [0, 0],
    ]);
    const channelsAsBatch = tf.transpose(padded, [3, 1, 2, 0]); // [c, H, W, b]
    const dyAsFilter = tf.transpose(dy, [1, 2, 0, 3]); // [p, q, b, o]
    const full = tf.conv2d(channelsAsBatch, dyAsFilter, 1, 'valid', 'NHWC', stride); // [c, ≥kh, ≥kw, o]
    const cropped = tf.slice(full, [0, 0, 0, 0], [-1, kh, kw, -1]);
    return tf.transpose(cropped, [1, 2, 0, 3]) as tf.Tensor4D; // [kh, kw, c, o]
  });
}

/**
 * conv2dTranspose(x, filter [k, k, out, in], outputShape, stride, 'same') as a stride-1 conv2d over x
 * with stride − 1 zeros inserted between pixels and the filter rotated 180°: the WASM backend's
 * Conv2DBackpropInput kernel is several times slower than its Conv2D, even with the zeros.
 */
export function transposedConvolution(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  outputShape: [number, number, number, number],
  stride: number,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [batch, height, width, channels] = x.shape;
    const [kh, kw] = filter.shape;
    const [, outHeight, outWidth] = outputShape;
    let spread: tf.Tensor4D = x;
    if (stride > 1) {
      // Interleave zeros along the width, then along the height: x lands on multiples of the stride.
      const zerosW = tf.zeros([batch, height, width, stride - 1, channels]);
      const alongWidth = tf.reshape(tf.concat([tf.expandDims(x, 3), zerosW], 3), [batch, height, width * stride, channels]);
      const zerosH = tf.zeros([batch, height, stride - 1, width * stride, channels]);
      spread = tf.reshape(tf.concat([tf.expandDims(alongWidth, 2), zerosH], 2), [batch, height * stride, width * stride, channels]);
    }
    // Padding of the forward 'same' convolution (output → input) that this op transposes.
    const top = Math.floor(Math.max((height - 1) * stride + kh - outHeight, 0) / 2);
    const left = Math.floor(Math.max((width - 1) * stride + kw - outWidth, 0) / 2);
    const padTop = kh - 1 - top;
    const padLeft = kw - 1 - left;
    // Rows and columns the valid convolution needs after the leading padding; spread is cropped (its
    // tail is inserted zeros) or padded to that.
    const rows = outHeight + kh - 1 - padTop;
    const cols = outWidth + kw - 1 - padLeft;
    const cropped = tf.slice(spread, [0, 0, 0, 0], [batch, Math.min(spread.shape[1], rows), Math.min(spread.shape[2], cols), channels]);
    const padded = tf.pad(cropped, [
      [0, 0],
      [padTop, rows - cropped.shape[1]],
      [padLeft, cols - cropped.shape[2]],
      [0, 0],
    ]);
    const rotated = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]); // [k, k, in, out]
    return tf.conv2d(padded as tf.Tensor4D, rotated as tf.Tensor4D, 1, 'valid');
  });
}
