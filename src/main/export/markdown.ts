/**
 * Markdown export (Obsidian-friendly): YAML front matter (title, authors, year, arXiv id, URL,
 * tags, citation key) written with the `yaml` package so it always parses, then the note, then the
 * annotations as quotes grouped by page, each with its colour, comment and page number and a
 * `papershelf://annotation/<id>` link back. One file per paper, or one file for many papers
 * (each paper a section whose metadata is a fenced YAML block).
 */
import { stringify } from 'yaml';
import { ANNOTATION_LINK_PREFIX } from '../../shared/notesExport';
import type { ReadDb } from '../db/client';
import { FileNamer } from './filenames';
import { recordUrl, type ExportRecord } from './records';

export interface MdAnnotation {
  id: string;
  paperId: number;
  kind: string;
  color: string;
  pageIndex: number;
  text: string | null;
  comment: string | null;
}

export interface MdFile {
  name: string;
  text: string;
}

const PALETTE: Record<string, string> = {
  '#ffd400': 'Yellow', '#ff6666': 'Red', '#5fb236': 'Green', '#2ea8e5': 'Blue', '#a28ae5': 'Purple',
  '#e56eee': 'Magenta', '#f19837': 'Orange', '#aaaaaa': 'Gray', '#000000': 'Black',
};

/** A colour's name: Zotero's palette, else the hue bands Obsidian's Zotero integration uses. */
export function colorName(hex: string): string {
  const h = hex.trim().toLowerCase();
  if (PALETTE[h]) return PALETTE[h];
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(h);
  if (!m) return hex;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x!, 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  let hue = 0;
  if (d !== 0) {
    if (max === r) hue = 60 * (((g - b) / d) % 6);
    else if (max === g) hue = 60 * ((b - r) / d + 2);
    else hue = 60 * ((r - g) / d + 4);
  }
  if (hue < 0) hue += 360;
  if (l * 100 < 12) return 'Black';
  if (l * 100 > 98) return 'White';
  if (s * 100 < 2) return 'Gray';
  const bands: [number, string][] = [[15, 'Red'], [45, 'Orange'], [65, 'Yellow'], [170, 'Green'], [190, 'Cyan'], [255, 'Blue'], [280, 'Purple'], [335, 'Magenta']];
  return bands.find(([max]) => hue < max)?.[1] ?? 'Red';
}

export function annotationLink(id: string): string {
  return `${ANNOTATION_LINK_PREFIX}${id}`;
}

function quoteLines(s: string): string {
  return s
    .trim()
    .split(/\r?\n/)
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

function annotationBlock(a: MdAnnotation): string {
  const page = a.pageIndex + 1;
  const label = `${colorName(a.color)} ${a.kind}`;
  const parts: string[] = [];
  if (a.text?.trim()) parts.push(quoteLines(`“${a.text.trim()}”`));
  else if (a.kind === 'area') parts.push('> [image area]');
  parts.push(`*${label}, [p. ${page}](${annotationLink(a.id)})*`);
  if (a.comment?.trim()) parts.push(a.comment.trim());
  return parts.join('\n\n');
}

export function frontMatter(r: ExportRecord): Record<string, unknown> {
  return {
    title: r.title.replace(/\s+/g, ' ').trim(),
    authors: r.authors,
    year: r.year ?? (r.publishedAt ? Number(r.publishedAt.slice(0, 4)) : null),
    arxiv: r.arxivId,
    doi: r.doi ?? undefined,
    url: recordUrl(r),
    tags: r.tags,
    citekey: r.citationKey,
  };
}

function paperBody(r: ExportRecord, note: string | undefined, anns: MdAnnotation[], headingLevel: number): string {
  const h = '#'.repeat(headingLevel);
  const out: string[] = [];
  if (note?.trim()) out.push(`${h} Notes`, note.trim());
  if (anns.length) {
    out.push(`${h} Annotations`);
    const byPage = new Map<number, MdAnnotation[]>();
    for (const a of anns) byPage.set(a.pageIndex, [...(byPage.get(a.pageIndex) ?? []), a]);
    for (const [page, list] of [...byPage].sort((x, y) => x[0] - y[0])) {
      out.push(`${h}# Page ${page + 1}`);
      for (const a of list) out.push(annotationBlock(a));
    }
  }
  return out.join('\n\n');
}

export interface MarkdownInput {
  records: ExportRecord[];
  notes: Map<number, string>;
  annotations: Map<number, MdAnnotation[]>;
}

export function paperMarkdown(r: ExportRecord, input: MarkdownInput): string {
  const yaml = stringify(frontMatter(r), { lineWidth: 0 });
  const body = paperBody(r, input.notes.get(r.id), input.annotations.get(r.id) ?? [], 2);
  return `---\n${yaml}---\n\n# ${r.title.replace(/\s+/g, ' ').trim()}\n${body ? `\n${body}\n` : ''}`;
}

/** One file per paper, or one file holding every paper. */
export function renderMarkdown(input: MarkdownInput, layout: 'single' | 'perPaper', singleName = 'papers'): MdFile[] {
  const namer = new FileNamer();
  if (layout === 'perPaper') {
    return input.records.map((r) => ({ name: namer.name(r.title || r.citationKey, '.md'), text: paperMarkdown(r, input) }));
  }
  if (input.records.length === 1) {
    const r = input.records[0]!;
    return [{ name: namer.name(r.title || r.citationKey, '.md'), text: paperMarkdown(r, input) }];
  }
  const sections = input.records.map((r) => {
    const yaml = stringify(frontMatter(r), { lineWidth: 0 });
    const body = paperBody(r, input.notes.get(r.id), input.annotations.get(r.id) ?? [], 3);
    return `## ${r.title.replace(/\s+/g, ' ').trim()}\n\n\`\`\`yaml\n${yaml}\`\`\`${body ? `\n\n${body}` : ''}\n`;
  });
  const head = stringify({ papers: input.records.length }, { lineWidth: 0 });
  return [{ name: namer.name(singleName, '.md'), text: `---\n${head}---\n\n${sections.join('\n')}` }];
}

/** Notes and annotations of the given papers, read in two queries. */
export function loadMarkdownInput(db: ReadDb, records: ExportRecord[]): MarkdownInput {
  const ids = JSON.stringify(records.map((r) => r.id));
  const sqlite = db.$client;
  const notes = new Map<number, string>();
  for (const n of sqlite
    .prepare('SELECT paper_id, body FROM notes WHERE paper_id IN (SELECT value FROM json_each(?))')
    .all(ids) as { paper_id: number; body: string }[]) {
    notes.set(n.paper_id, n.body);
  }
  const annotations = new Map<number, MdAnnotation[]>();
  const rows = sqlite
    .prepare(
      `SELECT id, paper_id AS paperId, kind, color, page_index AS pageIndex, text, comment FROM annotations
       WHERE paper_id IN (SELECT value FROM json_each(?)) ORDER BY paper_id, sort_index`,
    )
    .all(ids) as MdAnnotation[];
  for (const a of rows) annotations.set(a.paperId, [...(annotations.get(a.paperId) ?? []), a]);
  return { records, notes, annotations };
}
