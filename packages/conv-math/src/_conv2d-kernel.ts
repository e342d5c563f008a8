import type { Conv2dGeometry } from './conv2d-output-shape';

/**
 * The loop behind every conv2d: NCHW input, [Cout, Cin/groups, kH, kW] weights, accumulating into
 * `out` (float64, length N·Cout·Hout·Wout). Each weight is loaded once per output row range, and the
 * valid output range per kernel tap is computed up front, so the inner loop has no branches,
 * no padding copy and no allocation.
 */
export function conv2dKernel(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  bias: ArrayLike<number> | undefined,
  g: Conv2dGeometry,
  flipKernel: boolean,
  out: Float64Array,
): void {
  const { batch, inChannels: cin, height: h, width: wid, outChannels: cout, kernelHeight: kh, kernelWidth: kw } = g;
  const [sh, sw] = g.stride;
  const [dh, dw] = g.dilation;
  const top = g.padding[0];
  const left = g.padding[2];
  const ho = g.outHeight;
  const wo = g.outWidth;
  const cinG = cin / g.groups;
  const coutG = cout / g.groups;
  const planeOut = ho * wo;
  const planeIn = h * wid;
  for (let n = 0; n < batch; n++) {
    for (let co = 0; co < cout; co++) {
      const outBase = (n * cout + co) * planeOut;
      const b = bias === undefined ? 0 : bias[co]!;
      out.fill(b, outBase, outBase + planeOut);
      const group = Math.floor(co / coutG);
      for (let ic = 0; ic < cinG; ic++) {
        const xBase = (n * cin + group * cinG + ic) * planeIn;
        const wBase = (co * cinG + ic) * kh * kw;
        for (let i = 0; i < kh; i++) {
          const rowOffset = i * dh - top;
          // Output rows whose input row oh·sh + rowOffset lies inside [0, h).
          const ohStart = Math.max(0, Math.ceil(-rowOffset / sh));
          const ohEnd = Math.min(ho, Math.floor((h - 1 - rowOffset) / sh) + 1);
          if (ohStart >= ohEnd) continue;
          for (let j = 0; j < kw; j++) {
            const colOffset = j * dw - left;
            const owStart = Math.max(0, Math.ceil(-colOffset / sw));
            const owEnd = Math.min(wo, Math.floor((wid - 1 - colOffset) / sw) + 1);
            if (owStart >= owEnd) continue;
            const wv = flipKernel ? w[wBase + (kh - 1 - i) * kw + (kw - 1 - j)]! : w[wBase + i * kw + j]!;
            if (sw === 1) {
              for (let oh = ohStart; oh < ohEnd; oh++) {
                const xRow = xBase + (oh * sh + rowOffset) * wid + colOffset;
                const oRow = outBase + oh * wo;
                for (let ow = owStart; ow < owEnd; ow++) out[oRow + ow] = out[oRow + ow]! + wv * x[xRow + ow]!;
              }
            } else {
              for (let oh = ohStart; oh < ohEnd; oh++) {
                const xRow = xBase + (oh * sh + rowOffset) * wid + colOffset;
                const oRow = outBase + oh * wo;
                for (let ow = owStart; ow < owEnd; ow++) out[oRow + ow] = out[oRow + ow]! + wv * x[xRow + ow * sw]!;
              }
            }
          }
        }
      }
    }
  }
}
