/** The keyboard shortcuts of the library window (the `?` dialog lists exactly these). */
export const SHORTCUTS: { keys: string[]; label: string }[] = [
  { keys: ['j', '↓'], label: 'Next paper' },
  { keys: ['k', '↑'], label: 'Previous paper' },
  { keys: ['Enter'], label: 'Open the paper (its PDF in the reader, else the details)' },
  { keys: ['/'], label: 'Search' },
  { keys: ['t'], label: 'Tag the paper(s)' },
  { keys: ['s'], label: 'Star / unstar' },
  { keys: ['r'], label: 'Mark read' },
  { keys: ['e'], label: 'Dismiss' },
  { keys: ['x'], label: 'Add to / remove from selection' },
  { keys: ['Shift', 'click'], label: 'Select a range' },
  { keys: ['Ctrl/⌘', 'click'], label: 'Add to / remove from selection' },
  { keys: ['Ctrl/⌘', 'A'], label: 'Select every paper in the list' },
  { keys: ['Delete'], label: 'Delete the selection (asks first)' },
  { keys: ['Esc'], label: 'Clear the selection / leave search' },
  { keys: ['?'], label: 'Show these shortcuts' },
];
