// '@dlkit/plot/node', and '@dlkit/plot' itself in Node: the main entry, plus what needs Node (resvg, files).
export * from './index';
export { type SvgToPngOptions, svgToPng } from './node/svg-to-png';
export { writeFileAtomic } from './node/write-file-atomic';
