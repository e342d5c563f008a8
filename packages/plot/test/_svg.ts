import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An SVG element as a plain tree, for assertions. */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  text: string;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses an SVG string strictly (throws when it is not well-formed XML) into an SvgNode tree. */
export function parseSvg(svg: string): SvgNode {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`SVG is not well-formed: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false });
  const convert = (item: Ordered): SvgNode | undefined => {
    const tag = Object.keys(item).find((k) => k !== ':@');
    if (!tag || tag === '#text') return undefined;
    const kids = (item[tag] as Ordered[]) ?? [];
    const children = kids.map(convert).filter((n): n is SvgNode => n !== undefined);
    const text = kids
      .filter((k) => '#text' in k)
      .map((k) => String(k['#text']))
      .join('');
    return { tag, attrs: item[':@'] ?? {}, children, text };
  };
  const roots = (parser.parse(svg) as Ordered[]).map(convert).filter((n): n is SvgNode => n !== undefined);
  const root = roots.find((n) => n.tag === 'svg');
  if (!root) throw new Error('no <svg> root element');
  return root;
}

/** Every node below `node` (itself included) that matches. */
export function findAll(node: SvgNode, match: (n: SvgNode) => boolean): SvgNode[] {
  const out: SvgNode[] = [];
  const walk = (n: SvgNode) => {
    if (match(n)) out.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

export const hasClass = (n: SvgNode, name: string) => (n.attrs.class ?? '').split(/\s+/).includes(name);

/** Texts of the <text> elements inside groups with the given class (e.g. 'role-axis-title'). */
export function textsIn(root: SvgNode, groupClass: string): string[] {
  return findAll(root, (n) => n.tag === 'g' && hasClass(n, groupClass)).flatMap((g) =>
    findAll(g, (n) => n.tag === 'text').map((t) => t.text),
  );
}

/** The <path> elements of Vega line marks: one per drawn line (series or contour ring). */
export function linePaths(root: SvgNode): SvgNode[] {
  return findAll(root, (n) => n.tag === 'path' && n.attrs['aria-roledescription'] === 'line mark');
}

/** The subpaths of an SVG path made only of M and L commands, as [x, y] points. */
export function subpaths(d: string): [number, number][][] {
  return d
    .split('M')
    .filter((part) => part.trim() !== '')
    .map((part) =>
      part
        .split('L')
        .map((pair) => pair.split(',').map(Number) as [number, number])
        .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)),
    );
}
