/** The family name of the font shipped in ../fonts (Roboto), used for every chart and PNG so text looks the same on every machine. */
export const fontFamily = 'Roboto';
