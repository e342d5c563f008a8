/**
 * Thrown when a plotting function is given input it cannot draw: an empty series, mismatched
 * lengths, images of inconsistent size, a bad option. The message names the function, the
 * problem, and the expected and found values.
 *
 * @example
 * try { await lineChart({ series: [] }); } catch (e) { if (e instanceof PlotInputError) console.error(e.message); }
 */
export class PlotInputError extends Error {
  override readonly name = 'PlotInputError';
}
