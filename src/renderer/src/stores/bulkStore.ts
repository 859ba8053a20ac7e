/** Whether the selection's tag popover is open (the `t` key opens it when several papers are selected). */
import { create } from 'zustand';

export const useBulkTagOpen = create<{ open: boolean }>()(() => ({ open: false }));
export const setBulkTagOpen = (open: boolean) => useBulkTagOpen.setState({ open });
export const resetBulkStore = () => setBulkTagOpen(false);
