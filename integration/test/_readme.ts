/** A fenced code block of a README: its info string split into language and the words after it. */
export interface CodeBlock {
  language: string;
  /** The words after the language (```ts signature → ['signature']). */
  tags: string[];
  code: string;
  /** The line of the opening fence, 1-based. */
  line: number;
}

/** Every fenced (```) code block, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    while (++i < lines.length && !lines[i]!.startsWith('```')) body.push(lines[i]!);
    if (i === lines.length) throw new Error(`the code block opened on line ${start + 1} is never closed`);
    blocks.push({ language: open[1]!, tags: open[2]!.trim().split(/\s+/).filter(Boolean), code: `${body.join('\n')}\n`, line: start + 1 });
  }
  return blocks;
}

/**
 * The convention: a ```js or ```ts block is an example and runs as written (```ts is type-checked
 * too). A ```ts signature block shows an API's shape and is not run; no other tag exists. Shell,
 * output and other languages never run.
 */
export function examples(blocks: CodeBlock[]): CodeBlock[] {
  return blocks.filter((block) => {
    if (block.language !== 'js' && block.language !== 'ts') return false;
    if (block.tags.length === 0) return true;
    if (block.tags.join(' ') !== 'signature') {
      throw new Error(`line ${block.line}: \`\`\`${block.language} ${block.tags.join(' ')}: the only tag is "signature"`);
    }
    if (/^\s*import\s/m.test(block.code)) throw new Error(`line ${block.line}: a signature block imports something; make it an example`);
    return false;
  });
}

/**
 * The README's install commands: the `npm install …` lines of its first ```sh block that has one
 * (comments dropped), each as the list of packages it names.
 */
export function installCommands(blocks: CodeBlock[]): string[][] {
  for (const block of blocks) {
    if (block.language !== 'sh') continue;
    const commands = block.code
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line.startsWith('npm install '))
      .map((line) => line.split(/\s+/).slice(2));
    if (commands.length > 0) return commands;
  }
  throw new Error('the README has no ```sh block with an `npm install …` line');
}
