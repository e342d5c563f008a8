export { deriveSeed } from './derive-seed';
export { isSeed } from './is-seed';
export { randomSeed } from './random-seed';
export { seededRandom } from './seeded-random';
export { shuffledIndices } from './shuffled-indices';
