// The seed assignment's worked example: a 4×4 input and a 2×2 kernel (padding 1, stride 2 in the handout).
export const seedX = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
];
export const seedW = [
  [4, 2],
  [5, 1],
];
