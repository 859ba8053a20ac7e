/**
 * The library schema. It serves the whole product: papers and their authors, tags, notes,
 * annotations, PDFs, sync sources and runs, durable jobs, watch rules, saved searches, settings.
 * The FTS5 index and its triggers are hand-written SQL in a custom migration (drizzle/).
 * Dates are ISO-8601 strings in UTC; JSON columns hold arrays or objects as text.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const papers = sqliteTable(
  'papers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** arXiv id without version (new or old style); null for papers known only by DOI or file. */
    arxivId: text('arxiv_id'),
    /** Latest version known from any source. */
    latestVersion: integer('latest_version'),
    doi: text('doi'),
    title: text('title').notNull(),
    abstract: text('abstract'),
    /** Author names in order, joined with `, `: denormalised for the list and the search index. */
    authorsText: text('authors_text').notNull().default(''),
    /** First version's publication date (arXiv `published`). */
    publishedAt: text('published_at'),
    /** Date of the latest version (arXiv `updated`). */
    updatedAt: text('updated_at'),
    year: integer('year'),
    categories: text('categories', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    primaryCategory: text('primary_category'),
    journalRef: text('journal_ref'),
    comment: text('comment'),
    // Hugging Face Daily Papers
    hfUpvotes: integer('hf_upvotes'),
    hfComments: integer('hf_comments'),
    hfOrganization: text('hf_organization'),
    hfGithubRepo: text('hf_github_repo'),
    hfGithubStars: integer('hf_github_stars'),
    hfProjectPage: text('hf_project_page'),
    hfAiSummary: text('hf_ai_summary'),
    hfAiKeywords: text('hf_ai_keywords', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    hfFeaturedOn: text('hf_featured_on'),
    // User data: never written by sync.
    state: text('state', { enum: ['inbox', 'library', 'reading', 'read', 'dismissed'] })
      .notNull()
      .default('inbox'),
    starred: integer('starred', { mode: 'boolean' }).notNull().default(false),
    citationKey: text('citation_key'),
    addedAt: text('added_at').notNull().default(now),
    modifiedAt: text('modified_at').notNull().default(now),
    readAt: text('read_at'),
  },
  (t) => [
    uniqueIndex('papers_arxiv_id').on(t.arxivId),
    index('papers_doi').on(t.doi),
    uniqueIndex('papers_citation_key').on(t.citationKey),
    index('papers_state_published').on(t.state, t.publishedAt),
    index('papers_published').on(t.publishedAt),
    index('papers_added').on(t.addedAt),
    index('papers_upvotes').on(t.hfUpvotes),
    index('papers_featured').on(t.hfFeaturedOn, t.hfUpvotes),
    index('papers_title').on(t.title),
    // Library list sorts and the Starred view (#4)
    // (+ state, so a page deep in the list is chosen from the index alone)
    index('papers_title_nocase').on(sql`${t.title} COLLATE NOCASE`, t.state),
    index('papers_authors_nocase').on(sql`${t.authorsText} COLLATE NOCASE`, t.state),
    index('papers_starred_published').on(t.starred, t.publishedAt),
    // A narrow copy of the columns list filters test, looked up by id: search and tag/source
    // filters check thousands of candidate ids without reading the wide rows (#4).
    index('papers_id_filter').on(t.id, t.state, t.starred, t.publishedAt, t.hfFeaturedOn),
  ],
);

export const authors = sqliteTable('authors', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
});

export const paperAuthors = sqliteTable(
  'paper_authors',
  {
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id),
    affiliation: text('affiliation'),
  },
  (t) => [primaryKey({ columns: [t.paperId, t.position] }), index('paper_authors_author').on(t.authorId)],
);

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Leaf name, e.g. `rl`. */
    name: text('name').notNull(),
    /** Full path, e.g. `ml/rl`; unique, case-insensitively. */
    path: text('path').notNull(),
    parentId: integer('parent_id').references((): never => tags.id as never, { onDelete: 'cascade' }),
    color: text('color'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('tags_path').on(sql`${t.path} COLLATE NOCASE`), index('tags_parent').on(t.parentId)],
);

export const paperTags = sqliteTable(
  'paper_tags',
  {
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    /** `user`, or `rule:<id>` when a watch rule added it. */
    origin: text('origin').notNull().default('user'),
    addedAt: text('added_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.paperId, t.tagId] }), index('paper_tags_tag').on(t.tagId, t.paperId)],
);

export const notes = sqliteTable(
  'notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    body: text('body').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('notes_paper').on(t.paperId), index('notes_updated').on(t.updatedAt)],
);

export const pdfs = sqliteTable(
  'pdfs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['queued', 'downloading', 'done', 'failed'] }).notNull(),
    sha256: text('sha256'),
    /** Relative to the library folder, e.g. `pdfs/ab/ab12….pdf`. */
    path: text('path'),
    bytes: integer('bytes'),
    pages: integer('pages'),
    /** arXiv version of this file, when known. */
    version: integer('version'),
    sourceUrl: text('source_url'),
    error: text('error'),
    /** Full-text extraction: pending, done or failed. */
    textState: text('text_state', { enum: ['pending', 'done', 'failed'] }).notNull().default('pending'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('pdfs_paper').on(t.paperId), index('pdfs_sha').on(t.sha256), index('pdfs_state').on(t.state)],
);

/** Extracted text of each PDF page; feeds the search index and "matched on page N". */
export const pdfPages = sqliteTable(
  'pdf_pages',
  {
    pdfId: integer('pdf_id')
      .notNull()
      .references(() => pdfs.id, { onDelete: 'cascade' }),
    pageIndex: integer('page_index').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pdfId, t.pageIndex] })],
);

export const annotations = sqliteTable(
  'annotations',
  {
    /** Generated by the reader (UUID) so a new annotation can be saved and referenced at once. */
    id: text('id').primaryKey(),
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    pdfSha256: text('pdf_sha256'),
    kind: text('kind', { enum: ['highlight', 'underline', 'note', 'area'] }).notNull(),
    color: text('color').notNull(),
    pageIndex: integer('page_index').notNull(),
    /** `[[x1, y1, x2, y2], …]` in PDF points, origin bottom-left, one rect per line. */
    rects: text('rects', { mode: 'json' }).$type<number[][]>().notNull(),
    text: text('text'),
    comment: text('comment'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** `PPPPP|OOOOOO|TTTTT`: page, text offset, top (Zotero's getSortIndex). */
    sortIndex: text('sort_index').notNull(),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('annotations_paper').on(t.paperId, t.sortIndex)],
);

/** Last page and zoom of each paper opened in the reader. */
export const readingPositions = sqliteTable('reading_positions', {
  paperId: integer('paper_id')
    .primaryKey()
    .references(() => papers.id, { onDelete: 'cascade' }),
  pageIndex: integer('page_index').notNull().default(0),
  scale: text('scale').notNull().default('page-width'),
  scrollTop: real('scroll_top'),
  updatedAt: text('updated_at').notNull().default(now),
});

export const syncSources = sqliteTable('sync_sources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['hf', 'arxiv', 'rss'] }).notNull(),
  name: text('name').notNull(),
  /** hf: `{ mode: 'day'|'range'|'week'|'month', … }`; arxiv: `{ query, max }`; rss: `{ categories }`. */
  params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull().default(now),
  lastRunAt: text('last_run_at'),
});

export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: integer('source_id').references(() => syncSources.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['hf', 'arxiv', 'rss', 'import'] }).notNull(),
    params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['running', 'done', 'failed', 'cancelled', 'interrupted'] }).notNull(),
    startedAt: text('started_at').notNull().default(now),
    finishedAt: text('finished_at'),
    newCount: integer('new_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    error: text('error'),
    /** Where an interrupted run resumes (page, start offset, day…). */
    cursor: text('cursor', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('sync_runs_started').on(t.startedAt)],
);

/** Where each paper was seen: `hf:2026-11-27`, `arxiv:<query>`, `rss:cs.LG`, `import:<file>`. */
export const paperSources = sqliteTable(
  'paper_sources',
  {
    paperId: integer('paper_id')
      .notNull()
      .references(() => papers.id, { onDelete: 'cascade' }),
    sourceKey: text('source_key').notNull(),
    firstRunId: integer('first_run_id').references(() => syncRuns.id, { onDelete: 'set null' }),
    lastRunId: integer('last_run_id').references(() => syncRuns.id, { onDelete: 'set null' }),
    firstSeenAt: text('first_seen_at').notNull().default(now),
    announceType: text('announce_type'),
  },
  (t) => [
    primaryKey({ columns: [t.paperId, t.sourceKey] }),
    index('paper_sources_key').on(t.sourceKey),
    // Covering for the library's source views and counts (#4).
    index('paper_sources_key_paper').on(t.sourceKey, t.paperId),
  ],
);

/** Durable background work: PDF downloads, text extraction, sync runs. */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    paperId: integer('paper_id').references(() => papers.id, { onDelete: 'cascade' }),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    state: text('state', { enum: ['queued', 'active', 'done', 'failed'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    retryAfter: text('retry_after'),
    lastError: text('last_error'),
    progress: real('progress'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('jobs_next').on(t.kind, t.state, t.retryAfter), index('jobs_paper').on(t.paperId)],
);

export const watchRules = sqliteTable('watch_rules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  field: text('field', { enum: ['keyword', 'author', 'organization', 'category', 'minUpvotes'] }).notNull(),
  pattern: text('pattern').notNull(),
  tagIds: text('tag_ids', { mode: 'json' }).$type<number[]>().notNull().default(sql`'[]'`),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull().default(now),
});

export const savedSearches = sqliteTable('saved_searches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  query: text('query').notNull(),
  filters: text('filters', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  createdAt: text('created_at').notNull().default(now),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
});
