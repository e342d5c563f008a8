import * as tf from '@tensorflow/tfjs-core';

// The WASM backend has no Conv2DBackpropFilter kernel, so the stock conv gradients fail there. These
// two layers carry their own gradients built from kernels every backend has: the filter gradient is
// itself a convolution (input channels as batch, batch as channels, the stride as dilation).

/** conv2d with 'same' padding and a square stride, differentiable on every backend. */
export function conv2dSame(x: tf.Tensor4D, filter: tf.Tensor4D, stride: number): tf.Tensor4D {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, kernel, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([input, kernel]);
    return {
      value: tf.conv2d(input, kernel, stride, 'same'),
      gradFunc: (dy, saved) => {
        const [savedInput, savedKernel] = saved as [tf.Tensor4D, tf.Tensor4D];
        const gradient = dy as tf.Tensor4D;
        return [
          tf.conv2dTranspose(gradient, savedKernel, savedInput.shape, stride, 'same'),
          filterGradient(savedInput, gradient, savedKernel.shape, stride),
        ];
      },
    };
  });
  return op(x, filter) as tf.Tensor4D;
}

/** conv2dTranspose with 'same' padding (filter [k, k, out, in]), differentiable on every backend. */
export function conv2dTransposeSame(x: tf.Tensor4D, filter: tf.Tensor4D, outputShape: [number, number, number, number], stride: number): tf.Tensor4D {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, kernel, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([input, kernel]);
    return {
      value: tf.conv2dTranspose(input, kernel, outputShape, stride, 'same'),
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
