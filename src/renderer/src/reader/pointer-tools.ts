/**
 * What the pointer does on the pages, by tool: select (a text selection offers the highlight
 * popup; a click selects the annotation under it), highlight/underline (a selection becomes one at
 * once), note (click to place), area (drag a rectangle). Areas can be moved and resized by dragging;
 * only their rects and sort index change, so their comment and tags stay.
 */
import type { Annotation } from '@shared/annotations';
import type { AnnotationManager } from './annotation-manager';
import { box, ensureLayer, hitTest, NOTE_SIZE } from './annotation-layer';
import { roundRect, v2pRect, type Rect, type ViewportLike } from './coordinates';
import type { EngineState } from './engine';
import { selectionToPosition, type PageLookup, type SelectionPosition } from './selection';
import { closestOffset, getSortIndex, type TextItemLike } from './sort-index';

export interface ToolHost {
  manager(): AnnotationManager | null;
  state(): EngineState;
  pages: PageLookup;
  viewBox(pageIndex: number): number[];
  textItems(pageIndex: number): Promise<TextItemLike[]>;
  annotationsOn(pageIndex: number): Annotation[];
  select(id: string | null): void;
  showSelection(s: { position: SelectionPosition; anchor: { x: number; y: number } } | null): void;
  createFromSelection(kind: 'highlight' | 'underline'): unknown;
}

type PagePoint = { pageIndex: number; div: HTMLElement; viewport: ViewportLike; x: number; y: number; vx: number; vy: number };

export class PointerTools {
  constructor(private readonly host: ToolHost) {}

  /** The page under a pointer event, and the event's point in that page's PDF space. */
  pointIn(e: { target: EventTarget | null; clientX: number; clientY: number }, pageDiv?: HTMLElement): PagePoint | null {
    const target = pageDiv ?? (e.target instanceof Node ? e.target : null);
    const page = target ? this.host.pages.pageOf(target) : null;
    if (!page) return null;
    const b = page.div.getBoundingClientRect();
    const vx = e.clientX - b.left - page.div.clientLeft;
    const vy = e.clientY - b.top - page.div.clientTop;
    const [x, y] = page.viewport.convertToPdfPoint(vx, vy) as [number, number];
    return { ...page, x, y, vx, vy };
  }

  onPointerDown(e: PointerEvent): void {
    const manager = this.host.manager();
    if (e.button !== 0 || !manager) return;
    const { tool } = this.host.state();
    const target = e.target as HTMLElement;
    const annEl = target.closest<HTMLElement>('.ps-area, .ps-note');
    if (annEl && tool !== 'area') {
      e.preventDefault();
      const id = annEl.dataset.annotationId!;
      this.host.select(id);
      if (annEl.classList.contains('ps-area')) this.dragArea(e, id, target.dataset.handle === 'resize' ? 'resize' : 'move');
      return;
    }
    const at = this.pointIn(e);
    if (!at) return;
    if (tool === 'note') {
      e.preventDefault();
      const s = NOTE_SIZE;
      void this.addAt(at.pageIndex, 'note', [at.x - s / 2, at.y - s / 2, at.x + s / 2, at.y + s / 2]);
    } else if (tool === 'area') {
      e.preventDefault();
      this.drawArea(at);
    }
  }

  onPointerUp(e: PointerEvent): void {
    if (!this.host.manager() || (e.target as HTMLElement).closest?.('.ps-area, .ps-note')) return;
    const { tool } = this.host.state();
    if (tool === 'note' || tool === 'area') return;
    const pos = selectionToPosition(document.getSelection(), this.host.pages);
    if (pos) {
      if (tool === 'highlight' || tool === 'underline') this.host.createFromSelection(tool);
      else this.host.showSelection({ position: pos, anchor: { x: e.clientX, y: e.clientY } });
      return;
    }
    this.host.showSelection(null);
    const at = this.pointIn(e);
    if (!at) return;
    const hit = hitTest(this.host.annotationsOn(at.pageIndex), at.x, at.y);
    this.host.select(hit?.id ?? null);
  }

  private sortIndexFor(pageIndex: number, r: number[], items: TextItemLike[]): string {
    return getSortIndex({ pageIndex, rects: [r] }, this.host.viewBox(pageIndex), items, closestOffset(items, r));
  }

  private async addAt(pageIndex: number, kind: 'note' | 'area', rect: number[]): Promise<void> {
    const r = roundRect(rect);
    const items = await this.host.textItems(pageIndex);
    const a = this.host.manager()!.add({
      kind,
      color: this.host.state().color,
      pageIndex,
      rects: [r],
      sortIndex: this.sortIndexFor(pageIndex, r, items),
    });
    this.host.select(a.id);
  }

  /** Rubber-band a new area on one page. */
  private drawArea(start: PagePoint): void {
    const band = document.createElement('div');
    band.className = 'ps-rubberband';
    ensureLayer(start.div).append(band);
    const rectOf = (ev: PointerEvent): Rect => {
      const b = start.div.getBoundingClientRect();
      const vx = Math.min(Math.max(ev.clientX - b.left - start.div.clientLeft, 0), start.div.clientWidth);
      const vy = Math.min(Math.max(ev.clientY - b.top - start.div.clientTop, 0), start.div.clientHeight);
      return [Math.min(start.vx, vx), Math.min(start.vy, vy), Math.max(start.vx, vx), Math.max(start.vy, vy)];
    };
    const move = (ev: PointerEvent) => {
      const [x1, y1, x2, y2] = rectOf(ev);
      Object.assign(band.style, { left: `${x1}px`, top: `${y1}px`, width: `${x2 - x1}px`, height: `${y2 - y1}px` });
    };
    const up = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      band.remove();
      const v = rectOf(ev);
      if (v[2] - v[0] < 4 || v[3] - v[1] < 4) return;
      void this.addAt(start.pageIndex, 'area', v2pRect(v, start.viewport));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  /** Move or resize an area; only its rects (and sort index) change. */
  private dragArea(e: PointerEvent, id: string, mode: 'move' | 'resize'): void {
    const manager = this.host.manager()!;
    const a = manager.get(id);
    const start = this.pointIn(e);
    if (!a || !start) return;
    const pageDiv = start.div;
    const r0 = a.rects[0]!;
    let next: number[] = r0;
    const move = (ev: PointerEvent) => {
      const p = this.pointIn(ev, pageDiv);
      if (!p) return;
      const dx = p.x - start.x;
      const dy = p.y - start.y;
      next =
        mode === 'move'
          ? [r0[0]! + dx, r0[1]! + dy, r0[2]! + dx, r0[3]! + dy]
          : [r0[0]!, Math.min(r0[1]! + dy, r0[3]! - 4), Math.max(r0[2]! + dx, r0[0]! + 4), r0[3]!];
      for (const sel of ['.ps-area', '.ps-selected']) {
        const el = pageDiv.querySelector<HTMLElement>(`${sel}[data-annotation-id="${CSS.escape(id)}"]`);
        if (el) box(el, next, start.viewport);
      }
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      if (next === r0) return;
      const r = roundRect(next);
      void this.host.textItems(a.pageIndex).then((items) => manager.update(id, { rects: [r], sortIndex: this.sortIndexFor(a.pageIndex, r, items) }));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }
}
