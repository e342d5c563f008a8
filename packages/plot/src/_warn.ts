/** Where a plotting function sends its one warning about left-out points (default: console.warn). */
export type WarnFunction = (message: string) => void;

export const defaultWarn: WarnFunction = (message) => console.warn(message);
