const installHints: Record<string, string> = {
  '@tensorflow/tfjs-node-gpu': 'pnpm add @tensorflow/tfjs-node-gpu (needs an NVIDIA GPU with CUDA 11.2 + cuDNN 8.1)',
  '@tensorflow/tfjs-node': 'pnpm add @tensorflow/tfjs-node',
};

/** Turns the error from importing an optional tfjs backend package into a reason a user can act on. */
export function importFailureReason(packageName: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  const notInstalled =
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    /Cannot find (package|module)|Could not resolve|Failed to load url/.test(message);
  if (notInstalled && message.includes(packageName)) {
    return `${packageName} is not installed: ${installHints[packageName] ?? `pnpm add ${packageName}`}`;
  }
  if (/tfjs_binding\.node|libtensorflow/.test(message)) {
    return `${packageName} is installed but its libtensorflow binary is missing: its install script could not download it (allow its build script and reinstall with internet access)`;
  }
  if (/libcud|cudnn|libcublas|CUDA/i.test(message)) {
    return `${packageName} could not load CUDA (${firstLine(message)}): install CUDA 11.2 and cuDNN 8.1 and put them on LD_LIBRARY_PATH`;
  }
  return `${packageName} failed to load: ${firstLine(message)}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? text;
}
