// Whether dlkit's fast gradients and kernels are on: read by the ops and kernels, set only through
// setFastKernels (fast-kernels.ts), which also swaps the registrations. A leaf module, so that the
// registration list imports what it registers and nothing imports the list back.
let enabled = true;

/** Whether dlkit's fast gradients and kernels are in use (see setFastKernels). */
export function fastKernelsEnabled(): boolean {
  return enabled;
}

/** Records the switch; setFastKernels calls it and then registers what it asks for. */
export function switchFastKernels(on: boolean): void {
  enabled = on;
}
