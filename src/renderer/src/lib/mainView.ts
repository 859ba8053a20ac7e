/**
 * What covers the paper list: nothing (the list), the Notes view, the "New since last sync"
 * digest, or Discover ("More like #tag"). Each is owned by its own store; this is the one place
 * that makes them exclusive, so the stores stay independent of each other.
 */
import { closeNotesView, openNotesView } from '../stores/notesStore';
import { closeDigest, openDigest } from '../stores/syncStore';
import { closeDiscover, openDiscover } from '../stores/recsStore';

export type Cover = 'notes' | 'digest' | 'discover' | null;

export function showCover(cover: Cover): void {
  if (cover !== 'notes') closeNotesView();
  if (cover !== 'digest') closeDigest();
  if (cover !== 'discover') closeDiscover();
  if (cover === 'notes') openNotesView();
  if (cover === 'digest') openDigest();
  if (cover === 'discover') void openDiscover();
}
