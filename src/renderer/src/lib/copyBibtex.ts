/** Copy one paper's BibTeX entry to the clipboard (the text comes from the core). */
import { api } from '../api/client';
import { toast } from '../stores/toastStore';

export async function copyBibtex(id: number, flavour: 'bibtex' | 'biblatex' = 'bibtex'): Promise<void> {
  try {
    const text = await api().invoke('export:bibtexEntry', { id, flavour });
    await navigator.clipboard.writeText(text);
    toast(`${flavour === 'bibtex' ? 'BibTeX' : 'BibLaTeX'} entry copied`);
  } catch (e) {
    toast(`Could not copy: ${(e as Error).message}`);
  }
}
