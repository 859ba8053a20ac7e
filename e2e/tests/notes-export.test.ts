import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cli, expect, FORMATS, startServer, stopServer, test } from '../fixtures';
import { LibraryPom } from '../poms/library-pom';
import { NotesPom } from '../poms/notes-pom';

const HF = join(FORMATS, 'hf_daily_papers.json');

test.describe('notes and export', () => {
  test.use({ seedHf: [HF] });

  test('a note is typed, previewed with math, saved, and still there after a reload', async ({ library }) => {
    const notes = new NotesPom(library);
    await library.selectPaper('ClawGUI');
    await notes.type('# Take-aways\n\nThe loss is $L = \\sum_i x_i^2$ and see [the repo](https://example.org).\n\n- GUI agents\n**RL** online');
    await notes.waitSaved();
    await library.snap('note-editor-light');
    await notes.showPreview();
    await expect(notes.preview.locator('.katex').first()).toBeVisible();
    await expect(notes.preview.getByRole('link', { name: 'the repo' })).toHaveAttribute('href', 'https://example.org');
    await expect(notes.preview.getByRole('heading', { name: 'Take-aways' })).toBeVisible();
    await library.snap('note-preview-light');

    await library.page.reload();
    await expect(library.count).not.toHaveText('Loading…');
    await library.selectPaper('ClawGUI');
    await expect(notes.editor).toContainText('The loss is $L = \\sum_i x_i^2$');
    await expect(notes.editor).toContainText('**RL** online');
  });

  test('text typed just before a reload is not lost', async ({ library }) => {
    const notes = new NotesPom(library);
    await library.selectPaper('3DTV');
    await notes.type('typed right before leaving');
    // No wait for the autosave: the page goes away at once.
    await library.page.reload();
    await expect(library.count).not.toHaveText('Loading…');
    await library.selectPaper('3DTV');
    await expect(notes.editor).toContainText('typed right before leaving');
  });

  test('the Notes view lists papers with notes, most recently edited first', async ({ library }) => {
    const notes = new NotesPom(library);
    await library.selectPaper('Turing Test');
    await notes.type('first note');
    await notes.waitSaved();
    await library.selectPaper('3DTV');
    await notes.type('second note, edited later');
    await notes.waitSaved();
    await notes.openNotesView();
    await expect(notes.notesList()).toHaveCount(2);
    await expect(notes.notesList().nth(0)).toContainText('3DTV');
    await expect(notes.notesList().nth(1)).toContainText('Turing Test');
    await notes.notesList().nth(1).click();
    await expect(library.detail.getByRole('heading', { level: 1 })).toContainText('Turing Test');
    await library.snap('notes-view-light');
    await library.page.getByRole('radio', { name: 'Dark theme' }).click();
    await expect(library.page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await library.snap('notes-view-dark');
    await library.showView('All papers');
    await expect(library.rows).toHaveCount(3);
  });

  test('Copy BibTeX puts the selected paper\'s entry on the clipboard; exports download files', async ({ library, context, server }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const notes = new NotesPom(library);
    await library.selectPaper('ClawGUI');
    await notes.menu('Copy BibTeX');
    await expect(library.page.getByText('BibTeX entry copied')).toBeVisible();
    const clip = (await library.page.evaluate('navigator.clipboard.readText()')) as string;
    expect(clip).toMatch(/^@misc\{tang2026clawgui,\n {2}title = \{\{ClawGUI: A Unified Framework\} for \{Training, Evaluating,\} and \{Deploying GUI Agents\}\},/);
    expect(clip).toContain('eprint = {2604.11784}');
    expect(clip).toContain('archiveprefix = {arXiv}');

    await notes.exportMenu.click();
    await library.snap('export-menu-light');
    await library.page.getByRole('menuitem', { name: /BibLaTeX…/ }).click();
    const dialog = library.page.getByRole('dialog', { name: 'Export papers' });
    await dialog.getByLabel('Whole library').check();
    await library.snap('export-dialog-light');
    const download = library.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const file = await (await download).path();
    const bib = readFileSync(file, 'utf8');
    expect(bib.match(/^@online\{/gm)).toHaveLength(3);
    expect((await download).suggestedFilename()).toBe('library.bib');
  });

  test('the citation key can be edited, and a taken one is refused with a clear message', async ({ library }) => {
    await library.selectPaper('3DTV');
    const d = library.detail;
    await d.getByRole('button', { name: 'Edit citation key' }).click();
    await d.getByLabel('Citation key').fill('tang2026clawgui');
    await d.getByLabel('Citation key').press('Enter');
    await expect(d.getByRole('alert')).toContainText('already used by "ClawGUI');
    await d.getByLabel('Citation key').fill('view-synthesis:3dtv');
    await d.getByLabel('Citation key').press('Enter');
    await expect(d.locator('.citekey code')).toHaveText('view-synthesis:3dtv');
  });

  test('a .bib file imports: matching papers merge, new ones arrive, broken entries are reported by line', async ({ library, libraryDir }) => {
    const bib = [
      '@misc{clawKey, title = {ClawGUI, as typed elsewhere}, eprint = {2604.11784}, archiveprefix = {arXiv}}',
      '@article{broken,',
      '  title = {never closed,',
      '',
      '@article{fresh2021, title = {A Brand New Paper from a Journal}, author = {Doe, Jane}, journal = {Nature}, year = 2021}',
    ].join('\n');
    const path = join(libraryDir, 'refs.bib');
    writeFileSync(path, bib);
    await library.page.getByLabel('Import file').setInputFiles(path);
    const dialog = library.page.getByRole('dialog', { name: 'Imported refs.bib' });
    await expect(dialog.getByTestId('import-summary')).toHaveText('1 new paper, 1 merged with papers already in the library');
    await expect(dialog).toContainText('line 2:');
    await library.snap('import-result-light');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(library.count).toHaveText('4 papers');
    await expect(library.row('A Brand New Paper')).toBeVisible();
    await expect(library.row('ClawGUI: A Unified Framework')).toBeVisible();
  });

  test('dark theme: the note editor and preview', async ({ library }) => {
    const notes = new NotesPom(library);
    await library.page.getByRole('radio', { name: 'Dark theme' }).click();
    await library.selectPaper('ClawGUI');
    await notes.type('Dark **mode** note with $\\alpha + \\beta$ and a [link](https://example.org).');
    await notes.waitSaved();
    await library.snap('note-editor-dark');
    await notes.showPreview();
    await expect(notes.preview.locator('.katex').first()).toBeVisible();
    await library.snap('note-preview-dark');
  });
});

test('Insert quote puts an annotation into the note with a link back to it', async ({ page, libraryDir }, testInfo) => {
  cli(libraryDir, ['import', 'hf-json', HF]);
  // The reader (#5) makes annotations; here they are written before the app starts.
  const db = new Database(join(libraryDir, 'library.sqlite'));
  const { id } = db.prepare(`SELECT id FROM papers WHERE arxiv_id = '2604.11784'`).get() as { id: number };
  db.prepare(
    `INSERT INTO annotations (id, paper_id, kind, color, page_index, rects, text, comment, sort_index)
     VALUES ('ann-1', ?, 'highlight', '#ffd400', 2, '[]', 'GUI agents drive applications through their visual interfaces', 'key claim', '00002|000001|00100')`,
  ).run(id);
  db.close();
  const server = await startServer(libraryDir);
  try {
    const library = new LibraryPom(page, testInfo);
    await library.open(server.url);
    const notes = new NotesPom(library);
    await library.selectPaper('ClawGUI');
    await notes.panel.getByRole('button', { name: 'Insert quote' }).click();
    await library.snap('insert-quote-menu');
    await page.getByRole('menuitem', { name: /p\. 3.*GUI agents drive/ }).click();
    await expect(notes.editor).toContainText('> “GUI agents drive applications through their visual interfaces” ([p. 3](papershelf://annotation/ann-1))');
    await notes.waitSaved();
    await notes.showPreview();
    await expect(notes.preview.locator('blockquote').getByRole('link', { name: 'p. 3' })).toHaveAttribute('href', 'papershelf://annotation/ann-1');
    await library.snap('insert-quote-preview');
  } finally {
    await stopServer(server);
  }
});
