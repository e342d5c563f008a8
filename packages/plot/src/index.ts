export { type ContourPlotOptions, contourPlot, type Density } from './contour-plot';
export { type Report, type ReportCell, type ReportImageOptions, createReport } from './create-report';
export {
  type TerminalChart,
  type TerminalChartOptions,
  type TerminalSeries,
  type TerminalStream,
  createTerminalChart,
} from './create-terminal-chart';
export { type ImageGridInput, type ImageGridOptions, imageGrid } from './image-grid';
export { imageGridSvg } from './image-grid-svg';
export { type LineChartOptions, type LineSeries, lineChart } from './line-chart';
export { PlotInputError } from './plot-input-error';
export { sparkline } from './sparkline';
export type { TensorLike } from './_tensor-like';
export type { WarnFunction } from './_warn';
