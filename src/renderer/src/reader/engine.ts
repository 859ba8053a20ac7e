/**
 * The reader engine, host-agnostic and outside React (STYLE 13): pdf.js's own viewer components —
 * PDFViewer (continuous scroll, renders only pages near the viewport, text layer, link layer),
 * PDFLinkService (internal links jump, external ones open in a new browsing context, which
 * Electron hands to the system browser), PDFFindController (matches highlighted) — plus zoom,
 * navigation, reading position, and annotations drawn from an AnnotationManager. React reads
 * `getState()` through `subscribe()` and calls the methods; nothing here knows React.
 */
import { describeLoadError, pdfjsLib, pdfWorker, type PDFDocumentProxy } from './pdfjs';
import { EventBus, LinkTarget, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import 'pdfjs-dist/web/pdf_viewer.css';
import type { Annotation, ReadingPosition } from '@shared/annotations';
import type { AnnotationManager } from './annotation-manager';
import { ensureLayer, hitTest, LAYER_CLASS, NOTE_SIZE, renderLayer } from './annotation-layer';
import { roundRect, v2pRect, type Rect, type ViewportLike } from './coordinates';
import { selectionToPosition, type SelectionPosition } from './selection';
import { closestOffset, getSortIndex, type TextItemLike } from './sort-index';

export type Tool = 'select' | 'highlight' | 'underline' | 'note' | 'area';
export interface OutlineItem {
  title: string;
  dest: string | unknown[] | null;
  url: string | null;
  items: OutlineItem[];
}
export interface FindState {
  query: string;
  current: number;
  total: number;
  status: 'idle' | 'pending' | 'found' | 'notfound';
}
export interface EngineState {
  status: 'loading' | 'password' | 'ready' | 'error';
  error: string | null;
  passwordIncorrect: boolean;
  pagesCount: number;
  pageNumber: number;
  scaleValue: string;
  scale: number;
  outline: OutlineItem[] | null;
  find: FindState;
  tool: Tool;
  color: string;
  selectedId: string | null;
  /** Text selected with the select tool: where to show the highlight/underline popup. */
  selection: { position: SelectionPosition; anchor: { x: number; y: number } } | null;
  /** Bumped on scroll and zoom, for anything positioned over the pages. */
  viewTick: number;
  firstPagePainted: boolean;
}

export interface EngineOptions {
  position: ReadingPosition | null;
  onPosition?: (p: ReadingPosition) => void;
}

/** Start what opening a PDF needs (engine code, pdf.js worker) before the user asks. */
export function prewarm(): void {
  pdfWorker();
}

export const FIRST_PAGE_MARK = 'papershelf:reader:first-page';
const FIND_STATES = ['found', 'notfound', 'found', 'pending'] as const;

type PageView = { id: number; div: HTMLElement; viewport: ViewportLike & { viewBox: number[] }; pdfPage?: { getTextContent(): Promise<{ items: unknown[] }> } };

export class ReaderEngine {
  readonly eventBus = new EventBus();
  readonly linkService: PDFLinkService;
  readonly findController: PDFFindController;
  readonly viewer: PDFViewer;
  pdf: PDFDocumentProxy | null = null;
  private manager: AnnotationManager | null = null;
  private state: EngineState = {
    status: 'loading',
    error: null,
    passwordIncorrect: false,
    pagesCount: 0,
    pageNumber: 1,
    scaleValue: 'auto',
    scale: 1,
    outline: null,
    find: { query: '', current: 0, total: 0, status: 'idle' },
    tool: 'select',
    color: '#ffd400',
    selectedId: null,
    selection: null,
    viewTick: 0,
    firstPagePainted: false,
  };
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private passwordCallback: ((pw: string) => void) | null = null;
  private loadingTask: ReturnType<typeof pdfjsLib.getDocument> | null = null;
  private byPage: Map<number, Annotation[]> | null = null;
  private readonly textCache = new Map<number, Promise<TextItemLike[]>>();
  private positionTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPosition: ReadingPosition | null = null;
  private tickQueued = false;

  constructor(
    readonly container: HTMLDivElement,
    private readonly opts: EngineOptions,
  ) {
    const viewerDiv = document.createElement('div');
    viewerDiv.className = 'pdfViewer';
    container.replaceChildren(viewerDiv);
    this.linkService = new PDFLinkService({
      eventBus: this.eventBus,
      externalLinkTarget: LinkTarget.BLANK,
      externalLinkRel: 'noopener noreferrer nofollow',
    });
    this.findController = new PDFFindController({ eventBus: this.eventBus, linkService: this.linkService });
    this.viewer = new PDFViewer({
      container,
      viewer: viewerDiv,
      eventBus: this.eventBus,
      linkService: this.linkService,
      findController: this.findController,
      removePageBorders: false,
    });
    this.linkService.setViewer(this.viewer);
    this.listen();
  }

  // ── state for the host ──
  getState = (): EngineState => this.state;
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  private set(patch: Partial<EngineState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  // ── loading ──
  async load(data: Uint8Array, manager: AnnotationManager): Promise<void> {
    this.manager = manager;
    this.cleanups.push(
      manager.subscribe(() => {
        this.byPage = null;
        this.redrawAll();
      }),
    );
    this.loadingTask = pdfjsLib.getDocument({ data, isEvalSupported: false, enableXfa: false, worker: pdfWorker() });
    this.loadingTask.onPassword = (update: (pw: string) => void, reason: number) => {
      this.passwordCallback = update;
      this.set({ status: 'password', passwordIncorrect: reason === pdfjsLib.PasswordResponses.INCORRECT_PASSWORD });
    };
    let pdf: PDFDocumentProxy;
    try {
      pdf = await this.loadingTask.promise;
    } catch (e) {
      if ((e as Error)?.name === 'AbortException' || this.loadingTask === null) return;
      this.set({ status: 'error', error: describeLoadError(e) });
      return;
    }
    this.pdf = pdf;
    this.viewer.setDocument(pdf);
    this.linkService.setDocument(pdf, null);
    this.findController.setDocument(pdf);
    this.set({ status: 'ready', pagesCount: pdf.numPages, error: null });
    void pdf.getOutline().then((o) => this.set({ outline: (o ?? []).map(toOutline) }), () => this.set({ outline: [] }));
  }

  submitPassword(pw: string): void {
    this.passwordCallback?.(pw);
    this.set({ status: 'loading' });
  }

  cancelPassword(): void {
    void this.loadingTask?.destroy();
    this.loadingTask = null;
    this.set({ status: 'error', error: 'This PDF is protected by a password, and none was given.' });
  }

  // ── navigation and zoom ──
  goToPage(n: number): void {
    if (!this.pdf) return;
    this.viewer.currentPageNumber = Math.min(Math.max(1, Math.round(n)), this.pdf.numPages);
  }
  setScale(value: string): void {
    this.viewer.currentScaleValue = value;
  }
  zoomIn(): void {
    this.viewer.increaseScale();
  }
  zoomOut(): void {
    this.viewer.decreaseScale();
  }
  goToOutline(item: OutlineItem): void {
    if (item.dest) void this.linkService.goToDestination(item.dest);
    else if (item.url) window.open(item.url, '_blank', 'noopener,noreferrer');
  }
  /** After the container was hidden or resized: re-fit and render what is visible. */
  refresh(): void {
    if (!this.pdf) return;
    const v = this.viewer.currentScaleValue;
    if (v === 'page-width' || v === 'page-fit' || v === 'auto') this.viewer.currentScaleValue = v;
    this.viewer.update();
  }

  // ── find ──
  find(query: string, opts: { again?: boolean; previous?: boolean } = {}): void {
    this.set({ find: { ...this.state.find, query, status: query ? 'pending' : 'idle', ...(query ? {} : { current: 0, total: 0 }) } });
    this.eventBus.dispatch('find', {
      source: this,
      type: opts.again ? 'again' : '',
      query,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: !!opts.previous,
      matchDiacritics: false,
    });
  }
  closeFind(): void {
    this.eventBus.dispatch('findbarclose', { source: this });
    this.set({ find: { query: '', current: 0, total: 0, status: 'idle' } });
  }

  // ── annotations ──
  setTool(tool: Tool): void {
    this.container.dataset.tool = tool;
    this.set({ tool, selection: null });
  }
  setColor(color: string): void {
    this.set({ color });
  }
  select(id: string | null): void {
    if (id === this.state.selectedId) return;
    this.set({ selectedId: id });
    this.redrawAll();
  }
  scrollToAnnotation(a: Annotation): void {
    const view = this.viewer.getPageView(a.pageIndex) as PageView | undefined;
    const r = a.rects[0];
    if (!view || !r) return;
    const top = Math.max(...a.rects.map((x) => x[3]!));
    this.viewer.scrollPageIntoView({
      pageNumber: a.pageIndex + 1,
      destArray: [null, { name: 'XYZ' }, null, top + 36, null],
      allowNegativeOffset: true,
    });
    this.select(a.id);
  }
  /** Create a highlight or underline from the current text selection. */
  createFromSelection(kind: 'highlight' | 'underline', color = this.state.color): Annotation | null {
    const pos = this.state.selection?.position ?? selectionToPosition(document.getSelection(), this.pages);
    if (!pos || !this.manager) return null;
    const view = this.viewer.getPageView(pos.pageIndex) as PageView;
    const a = this.manager.add({
      kind,
      color,
      pageIndex: pos.pageIndex,
      rects: pos.rects,
      text: pos.text,
      sortIndex: getSortIndex(pos, view.viewport.viewBox, [], pos.offset),
    });
    document.getSelection()?.removeAllRanges();
    this.set({ selection: null });
    this.select(a.id);
    return a;
  }
  /** The on-screen box of an annotation (for popups), if its page is drawn. */
  annotationClientRect(id: string): DOMRect | null {
    const el = this.container.querySelector(`.${LAYER_CLASS} .ps-selected[data-annotation-id="${CSS.escape(id)}"]`);
    return el ? el.getBoundingClientRect() : null;
  }
  async renderThumbnail(pageIndex: number, canvas: HTMLCanvasElement, width: number): Promise<void> {
    if (!this.pdf) return;
    const page = await this.pdf.getPage(pageIndex + 1);
    const vp0 = page.getViewport({ scale: 1 });
    const scale = (width * (window.devicePixelRatio || 1)) / vp0.width;
    const vp = page.getViewport({ scale });
    canvas.width = Math.round(vp.width);
    canvas.height = Math.round(vp.height);
    await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport: vp }).promise;
  }

  /** Keyboard shortcuts of the reader; returns whether the key was used. */
  handleKey(e: KeyboardEvent): boolean {
    const mod = e.ctrlKey || e.metaKey;
    const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
    if (mod && (e.key === '=' || e.key === '+')) this.zoomIn();
    else if (mod && e.key === '-') this.zoomOut();
    else if (mod && e.key === '0') this.setScale('page-width');
    else if (typing) return false;
    else if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) this.manager?.undo();
    else if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) this.manager?.redo();
    else if ((e.key === 'Delete' || e.key === 'Backspace') && this.state.selectedId) {
      this.manager?.delete([this.state.selectedId]);
      this.set({ selectedId: null });
    } else if (e.key === 'Escape' && (this.state.selectedId || this.state.selection)) {
      this.set({ selection: null });
      this.select(null);
    } else return false;
    return true;
  }

  destroy(): void {
    if (this.positionTimer) {
      clearTimeout(this.positionTimer);
      this.savePosition();
    }
    this.cleanups.splice(0).forEach((c) => c());
    this.listeners.clear();
    void this.loadingTask?.destroy();
    this.loadingTask = null;
    this.viewer.cleanup();
    this.container.replaceChildren();
  }

  // ── internals ──
  private readonly pages = {
    pageOf: (node: Node) => {
      const el = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('.page[data-page-number]');
      if (!el || !this.container.contains(el)) return null;
      const pageIndex = Number(el.dataset.pageNumber) - 1;
      const view = this.viewer.getPageView(pageIndex) as PageView | undefined;
      return view ? { pageIndex, div: el, viewport: view.viewport } : null;
    },
  };

  private annotationsOn(pageIndex: number): Annotation[] {
    if (!this.byPage) {
      this.byPage = new Map();
      for (const a of this.manager?.list() ?? []) {
        const list = this.byPage.get(a.pageIndex);
        if (list) list.push(a);
        else this.byPage.set(a.pageIndex, [a]);
      }
    }
    return this.byPage.get(pageIndex) ?? [];
  }

  private drawPage(pageIndex: number): void {
    const view = this.viewer.getPageView(pageIndex) as PageView | undefined;
    if (!view?.div) return;
    const list = this.annotationsOn(pageIndex);
    const existing = view.div.querySelector<HTMLElement>(`:scope > .${LAYER_CLASS}`);
    if (!list.length && !existing) return;
    renderLayer(existing ?? ensureLayer(view.div), list, view.viewport, this.state.selectedId);
  }

  private redrawAll(): void {
    for (const layer of this.container.querySelectorAll<HTMLElement>(`.page > .${LAYER_CLASS}`)) {
      const n = Number((layer.parentElement as HTMLElement).dataset.pageNumber);
      if (n) this.drawPage(n - 1);
    }
    // Pages that had no annotations before may have one now.
    const sel = this.state.selectedId && this.manager?.get(this.state.selectedId);
    if (sel) this.drawPage(sel.pageIndex);
    for (const v of this.visiblePageIndexes()) this.drawPage(v);
  }

  private visiblePageIndexes(): number[] {
    const vis = (this.viewer as unknown as { _getVisiblePages(): { views: { id: number }[] } })._getVisiblePages?.();
    return vis ? vis.views.map((v) => v.id - 1) : [];
  }

  private textItems(pageIndex: number): Promise<TextItemLike[]> {
    let p = this.textCache.get(pageIndex);
    if (!p) {
      p = this.pdf!.getPage(pageIndex + 1)
        .then((page) => page.getTextContent())
        .then((tc) => tc.items.filter((i) => 'str' in i) as TextItemLike[]);
      this.textCache.set(pageIndex, p);
    }
    return p;
  }

  private tick(): void {
    if (this.tickQueued) return;
    this.tickQueued = true;
    requestAnimationFrame(() => {
      this.tickQueued = false;
      this.set({ viewTick: this.state.viewTick + 1 });
    });
  }

  private savePosition(): void {
    this.positionTimer = null;
    if (this.lastPosition) this.opts.onPosition?.(this.lastPosition);
  }

  private listen(): void {
    const bus = this.eventBus;
    bus.on('pagesinit', () => {
      const pos = this.opts.position;
      this.viewer.currentScaleValue = pos?.scale ?? 'auto';
      if (pos && pos.pageIndex > 0 && this.pdf && pos.pageIndex < this.pdf.numPages) {
        this.viewer.scrollPageIntoView({
          pageNumber: pos.pageIndex + 1,
          destArray: pos.top === null ? undefined : [null, { name: 'XYZ' }, null, pos.top, null],
          allowNegativeOffset: true,
        });
      } else if (pos?.top != null && pos.pageIndex === 0) {
        this.viewer.scrollPageIntoView({ pageNumber: 1, destArray: [null, { name: 'XYZ' }, null, pos.top, null] });
      }
    });
    const onPage = ({ pageNumber }: { pageNumber: number }) => this.drawPage(pageNumber - 1);
    bus.on('pagerender', onPage);
    bus.on('pagerendered', (e: { pageNumber: number }) => {
      onPage(e);
      if (!this.state.firstPagePainted) {
        performance.mark(FIRST_PAGE_MARK);
        this.container.dataset.firstPage = 'painted';
        this.set({ firstPagePainted: true });
      }
    });
    bus.on('pagechanging', ({ pageNumber }: { pageNumber: number }) => this.set({ pageNumber }));
    bus.on('scalechanging', ({ scale, presetValue }: { scale: number; presetValue?: string }) => {
      this.set({ scale, scaleValue: presetValue ?? String(scale) });
      this.tick();
    });
    bus.on('updateviewarea', ({ location }: { location: { pageNumber: number; top: number } }) => {
      this.tick();
      if (!location) return;
      const scale = String(this.viewer.currentScaleValue);
      this.lastPosition = { pageIndex: location.pageNumber - 1, scale, top: Number.isFinite(location.top) ? location.top : null };
      if (this.positionTimer) clearTimeout(this.positionTimer);
      this.positionTimer = setTimeout(() => this.savePosition(), 1000);
    });
    bus.on('updatefindmatchescount', ({ matchesCount }: { matchesCount: { current: number; total: number } }) =>
      this.set({ find: { ...this.state.find, current: matchesCount.current, total: matchesCount.total } }),
    );
    bus.on(
      'updatefindcontrolstate',
      ({ state, matchesCount }: { state: number; matchesCount?: { current: number; total: number } }) =>
        this.set({
          find: {
            ...this.state.find,
            status: FIND_STATES[state] ?? 'idle',
            ...(matchesCount ? { current: matchesCount.current, total: matchesCount.total } : {}),
          },
        }),
    );
    this.listenPointer();
  }

  private listenPointer(): void {
    const c = this.container;
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, o?: AddEventListenerOptions) => {
      c.addEventListener(type, fn as EventListener, o);
      this.cleanups.push(() => c.removeEventListener(type, fn as EventListener, o));
    };
    on(
      'wheel',
      (e) => {
        if (!e.ctrlKey && !e.metaKey) return;
        e.preventDefault();
        if (e.deltaY < 0) this.zoomIn();
        else if (e.deltaY > 0) this.zoomOut();
      },
      { passive: false },
    );
    on('pointerdown', (e) => this.onPointerDown(e));
    on('pointerup', (e) => {
      if (e.button !== 0) return;
      // Let the selection settle first.
      setTimeout(() => this.onPointerUp(e), 0);
    });
    const ro = new ResizeObserver(() => this.refresh());
    ro.observe(c);
    this.cleanups.push(() => ro.disconnect());
  }

  /** The page under a pointer event, and the event's point in that page's PDF space. */
  private pointIn(e: { target: EventTarget | null; clientX: number; clientY: number }, pageDiv?: HTMLElement) {
    const page = pageDiv ? this.pages.pageOf(pageDiv) : e.target instanceof Node ? this.pages.pageOf(e.target) : null;
    if (!page) return null;
    const b = page.div.getBoundingClientRect();
    const vx = e.clientX - b.left - page.div.clientLeft;
    const vy = e.clientY - b.top - page.div.clientTop;
    const [x, y] = page.viewport.convertToPdfPoint(vx, vy) as [number, number];
    return { ...page, x, y, vx, vy };
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0 || !this.manager) return;
    const target = e.target as HTMLElement;
    const annEl = target.closest<HTMLElement>('.ps-area, .ps-note');
    if (annEl && this.state.tool !== 'area') {
      e.preventDefault();
      const id = annEl.dataset.annotationId!;
      this.select(id);
      if (annEl.classList.contains('ps-area')) this.dragArea(e, id, target.dataset.handle === 'resize' ? 'resize' : 'move');
      return;
    }
    const at = this.pointIn(e);
    if (!at) return;
    if (this.state.tool === 'note') {
      e.preventDefault();
      const s = NOTE_SIZE;
      void this.addAt(at.pageIndex, 'note', [at.x - s / 2, at.y - s / 2, at.x + s / 2, at.y + s / 2]);
    } else if (this.state.tool === 'area') {
      e.preventDefault();
      this.drawArea(e, at);
    }
  }

  private onPointerUp(e: PointerEvent): void {
    if (!this.manager || (e.target as HTMLElement).closest?.('.ps-area, .ps-note')) return;
    const tool = this.state.tool;
    if (tool === 'note' || tool === 'area') return;
    const sel = document.getSelection();
    const pos = selectionToPosition(sel, this.pages);
    if (pos) {
      if (tool === 'highlight' || tool === 'underline') this.createFromSelection(tool);
      else this.set({ selection: { position: pos, anchor: { x: e.clientX, y: e.clientY } } });
      return;
    }
    this.set({ selection: null });
    const at = this.pointIn(e);
    if (!at) return;
    const hit = hitTest(this.annotationsOn(at.pageIndex), at.x, at.y);
    this.select(hit?.id ?? null);
  }

  private async addAt(pageIndex: number, kind: 'note' | 'area', rect: number[]): Promise<void> {
    const r = roundRect(rect);
    const view = this.viewer.getPageView(pageIndex) as PageView;
    const items = await this.textItems(pageIndex).catch(() => []);
    const a = this.manager!.add({
      kind,
      color: this.state.color,
      pageIndex,
      rects: [r],
      sortIndex: getSortIndex({ pageIndex, rects: [r] }, view.viewport.viewBox, items, closestOffset(items, r)),
    });
    this.select(a.id);
  }

  /** Rubber-band a new area on one page. */
  private drawArea(e: PointerEvent, start: NonNullable<ReturnType<ReaderEngine['pointIn']>>): void {
    const band = document.createElement('div');
    band.className = 'ps-rubberband';
    ensureLayer(start.div).append(band);
    const rectOf = (ev: PointerEvent): Rect => {
      const b = start.div.getBoundingClientRect();
      const w = start.div.clientWidth;
      const h = start.div.clientHeight;
      const vx = Math.min(Math.max(ev.clientX - b.left - start.div.clientLeft, 0), w);
      const vy = Math.min(Math.max(ev.clientY - b.top - start.div.clientTop, 0), h);
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
    void e;
  }

  /** Move or resize an area; only its rects (and sort index) change, so its comment stays. */
  private dragArea(e: PointerEvent, id: string, mode: 'move' | 'resize'): void {
    const a = this.manager!.get(id);
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
      const el = pageDiv.querySelector<HTMLElement>(`.ps-area[data-annotation-id="${CSS.escape(id)}"]`);
      const sel = pageDiv.querySelector<HTMLElement>(`.ps-selected[data-annotation-id="${CSS.escape(id)}"]`);
      for (const x of [el, sel]) if (x) renderBox(x, next, start.viewport);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      if (next === r0) return;
      const r = roundRect(next);
      const view = this.viewer.getPageView(a.pageIndex) as PageView;
      void this.textItems(a.pageIndex)
        .catch(() => [])
        .then((items) =>
          this.manager!.update(id, { rects: [r], sortIndex: getSortIndex({ pageIndex: a.pageIndex, rects: [r] }, view.viewport.viewBox, items) }),
        );
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }
}

function renderBox(el: HTMLElement, rect: number[], viewport: ViewportLike): void {
  const [x1, y1, x2, y2] = (() => {
    const a = viewport.convertToViewportPoint(rect[0]!, rect[1]!);
    const b = viewport.convertToViewportPoint(rect[2]!, rect[3]!);
    return [Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!)];
  })();
  el.style.left = `${(x1 / viewport.width) * 100}%`;
  el.style.top = `${(y1 / viewport.height) * 100}%`;
  el.style.width = `${((x2 - x1) / viewport.width) * 100}%`;
  el.style.height = `${((y2 - y1) / viewport.height) * 100}%`;
}

function toOutline(o: { title: string; dest: string | unknown[] | null; url: string | null; items: unknown[] }): OutlineItem {
  return { title: o.title, dest: o.dest, url: o.url, items: (o.items as (typeof o)[]).map(toOutline) };
}
