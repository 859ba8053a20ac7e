/** Base URLs of every source, overridable from the environment so tests can point at fixtures. */
export interface SourceUrls {
  hf: string;
  arxivApi: string;
  arxivRss: string;
  arxiv: string;
  /** Pause between arXiv requests, in ms (arXiv asks for 3 s). */
  arxivDelayMs: number;
}

const trim = (s: string) => s.replace(/\/+$/, '');

export function sourceUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): SourceUrls {
  const delay = Number(env.PAPERSHELF_ARXIV_DELAY_MS);
  return {
    hf: trim(env.PAPERSHELF_HF_URL || 'https://huggingface.co'),
    arxivApi: trim(env.PAPERSHELF_ARXIV_API_URL || 'https://export.arxiv.org/api/query'),
    arxivRss: trim(env.PAPERSHELF_ARXIV_RSS_URL || 'https://rss.arxiv.org'),
    arxiv: trim(env.PAPERSHELF_ARXIV_URL || 'https://arxiv.org'),
    arxivDelayMs: Number.isFinite(delay) && delay >= 0 && env.PAPERSHELF_ARXIV_DELAY_MS !== '' && env.PAPERSHELF_ARXIV_DELAY_MS !== undefined ? delay : 3000,
  };
}
