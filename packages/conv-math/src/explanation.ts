/** A worked solution in two forms: Markdown (plain Unicode math, renders anywhere) and LaTeX (needs amsmath). */
export interface Explanation {
  markdown: string;
  latex: string;
}
