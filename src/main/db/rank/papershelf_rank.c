/*
** papershelf_rank: the search ranking of Papershelf's library (#4), as an SQLite extension.
**
** papershelf_bm25(paper_fts, w0, w1, ...) is an FTS5 auxiliary function that returns exactly what
** FTS5's built-in bm25(paper_fts, w0, w1, ...) returns (same k1, b, IDF floor and arithmetic; see
** fts5Bm25Function in SQLite's fts5_aux.c) but does less work per matching row:
**
**   - The row's length in tokens comes from an in-memory array, read once from
**     paper_fts_docsize and kept per connection, instead of one SELECT on paper_fts_docsize per
**     matching row (which is most of bm25's time: a B-tree seek per hit). After the index
**     changes, the first query looks sizes up per row and the second reads the array again.
**   - A phrase's IDF is computed the first time a row contains it, not up front for every
**     phrase. A phrase no matching row contains adds 0 to every score, so its IDF is never
**     needed; skipping it saves a scan of its whole doclist.
**
** papershelf_in_match(text, rowid) is 1 if paper_fts row `rowid` matches the FTS5 query `text`,
** else 0, from a bitmap of the matching rows kept per connection. The list uses it for a fixed
** filter (dismissed papers carry a token in paper_fts.status): `MATCH q AND NOT
** papershelf_in_match('"psxdismissed"', rowid)` lists the same rows as `MATCH 'q NOT
** "psxdismissed"'` without walking the token's doclist beside every query.
**
** Both caches describe main.paper_fts as it was when they were read, and are used only while it
** is exactly so. The key is the schema version plus the index's own state: FTS5's averages record
** (row count and token totals) and structure record (segments and write counter), rows 1 and 10
** of paper_fts_data, which every committed change to the index rewrites. Writes that leave the
** index alone (tags, stars, PDF downloads) keep the caches. While this connection has a write
** transaction open (an explicit one, or a single write statement) the caches are neither used nor
** filled: its uncommitted changes may not be flushed to those records yet. So they only ever hold
** committed data; after a rollback the key matches again. The row sizes are also used only for a
** table whose row count and token total match the ones they were read with. When the caches
** cannot be used, row sizes are read per row, as bm25 does, and a row set is read for the one
** statement.
**
** papershelf_top(score, rowid, limit, offset, descending) is an aggregate that returns one page of
** a ranking as a JSON array of rowids: what `ORDER BY score, rowid DESC LIMIT limit OFFSET offset`
** selects, kept in a heap (see below). Beside count(*) in the same SELECT, one pass over the hits
** gives the page and the total.
**
** papershelf_rank_reads() returns how many times this connection has read its caches.
**
** Loaded by src/main/db/rank/extension.ts when built (scripts/build-rank-extension.mjs). Without
** it, Papershelf ranks with bm25() and filters in the MATCH: same rows, order and scores.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <stdint.h>
#include <string.h>

#define LARGEST_INT64 ((sqlite3_int64)(((uint64_t)1 << 63) - 1))

/* FTS5_AVERAGES_ROWID and FTS5_STRUCTURE_ROWID: part of FTS5's stable file format. */
#define INDEX_STATE_SQL \
  "SELECT -1, schema_version FROM pragma_schema_version " \
  "UNION ALL SELECT id, block FROM (SELECT id, block FROM main.paper_fts_data WHERE id IN (1, 10) ORDER BY id)"
#define DOCSIZE_MAX_SQL "SELECT max(id), count(*) FROM main.paper_fts_docsize"
#define DOCSIZE_ALL_SQL "SELECT id, sz FROM main.paper_fts_docsize"
#define ROW_SET_SQL "SELECT rowid FROM main.paper_fts WHERE paper_fts MATCH ?"
/* Largest rowid a row set holds as a bitmap (8 MB); Papershelf's rowids count up from 1. */
#define ROW_SET_MAX_ROWID 0x3ffffff

/* A set of rowids as a bitmap. */
typedef struct RowSet RowSet;
struct RowSet {
  uint8_t *aBit;
  sqlite3_int64 nBit;
};

/* One connection's caches of paper_fts, and the key they belong to. */
typedef struct Cache Cache;
struct Cache {
  sqlite3_int64 nReads;           /* papershelf_rank_reads() */
  unsigned char *aState;          /* index state (INDEX_STATE_SQL) the caches belong to */
  int nState;
  int bValid;
  uint32_t *aSize;                /* row sizes in tokens by rowid, or NULL if not read yet */
  sqlite3_int64 nSize;
  int bSizesFailed;               /* reading them failed for this key: do not retry */
  int nRankQueries;               /* papershelf_bm25 queries since the key was taken */
  int nSizeCols;                  /* main.paper_fts's columns, rows and tokens, from the sizes */
  sqlite3_int64 nSizeRows;
  sqlite3_int64 nSizeTokens;
  char *zSetMatch;                /* the query whose rows `set` holds, or NULL */
  RowSet set;
};

/* What one ranking query computes once: in its auxdata, freed with the query. */
typedef struct Query Query;
struct Query {
  int nPhrase;
  int bSizes;                     /* Cache.aSize is current for this query */
  sqlite3_int64 nRow;
  double avgdl;
  double *aIDF;                   /* < 0: not computed yet */
  double *aFreq;
};

static void cacheClear(Cache *p){
  sqlite3_free(p->aState);
  sqlite3_free(p->aSize);
  sqlite3_free(p->zSetMatch);
  sqlite3_free(p->set.aBit);
  p->aState = 0;
  p->nState = 0;
  p->bValid = 0;
  p->aSize = 0;
  p->nSize = 0;
  p->bSizesFailed = 0;
  p->nRankQueries = 0;
  p->zSetMatch = 0;
  p->set.aBit = 0;
  p->set.nBit = 0;
}

static void cacheDestroy(void *pv){
  cacheClear((Cache*)pv);
  sqlite3_free(pv);
}

static int finish(sqlite3_stmt *pStmt, int rc){
  int rc2 = sqlite3_finalize(pStmt);
  return rc==SQLITE_OK ? rc2 : rc;
}

/* The index's averages and structure records, concatenated, in a new buffer (*paState). */
static int indexState(sqlite3 *db, unsigned char **paState, int *pnState){
  sqlite3_stmt *pStmt = 0;
  unsigned char *a = 0;
  int n = 0;
  int rc = sqlite3_prepare_v2(db, INDEX_STATE_SQL, -1, &pStmt, 0);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    sqlite3_int64 id = sqlite3_column_int64(pStmt, 0);
    const void *pBlock = sqlite3_column_blob(pStmt, 1);  /* the schema version comes as its text */
    int nBlock = sqlite3_column_bytes(pStmt, 1);
    unsigned char *aNew = (unsigned char*)sqlite3_realloc64(a, n + sizeof(id) + nBlock);
    if( aNew==0 ){ rc = SQLITE_NOMEM; break; }
    a = aNew;
    memcpy(&a[n], &id, sizeof(id));
    if( nBlock>0 ) memcpy(&a[n + sizeof(id)], pBlock, nBlock);
    n += sizeof(id) + nBlock;
  }
  rc = finish(pStmt, rc);
  if( rc!=SQLITE_OK ){ sqlite3_free(a); return rc; }
  *paState = a;
  *pnState = n;
  return SQLITE_OK;
}

/*
** True if the caches may be used now. When the index has changed since they were read, they are
** emptied and take the new key (to be refilled on demand). Never while this connection is writing.
*/
static int cacheCurrent(sqlite3 *db, Cache *p){
  unsigned char *aState = 0;
  int nState = 0;
  if( sqlite3_txn_state(db, "main")==SQLITE_TXN_WRITE ) return 0;
  if( indexState(db, &aState, &nState)!=SQLITE_OK ) return 0;
  if( p->bValid && nState==p->nState && (nState==0 || memcmp(aState, p->aState, nState)==0) ){
    sqlite3_free(aState);
    return 1;
  }
  cacheClear(p);
  p->aState = aState;
  p->nState = nState;
  p->bValid = 1;
  return 1;
}

/* SQLite varint, as FTS5 writes the sizes in %_docsize. */
static int getVarint32(const unsigned char *a, int n, uint32_t *pv){
  uint32_t v = 0;
  int i;
  for(i=0; i<n && i<5; i++){
    v = (v<<7) | (a[i] & 0x7f);
    if( (a[i] & 0x80)==0 ){ *pv = v; return i+1; }
  }
  return 0;
}

/*
** Read every row's size in tokens (the sum of its column sizes) into p->aSize, and what identifies
** the index they belong to: its column count, row count and token total.
*/
static int rowSizesRead(sqlite3 *db, Cache *p){
  sqlite3_stmt *pStmt = 0;
  sqlite3_int64 mx = 0, n = 0;
  sqlite3_int64 nTokens = 0;
  int nCol = -1;
  int rc = sqlite3_prepare_v2(db, DOCSIZE_MAX_SQL, -1, &pStmt, 0);
  if( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    mx = sqlite3_column_int64(pStmt, 0);
    n = sqlite3_column_int64(pStmt, 1);
  }
  rc = finish(pStmt, rc);
  /* Row ids are dense in Papershelf (AUTOINCREMENT); refuse a sparse table rather than a huge array. */
  if( rc!=SQLITE_OK || mx<0 || mx > 4*n + 1000000 ) return SQLITE_ERROR;
  p->aSize = (uint32_t*)sqlite3_malloc64((mx+1)*sizeof(uint32_t));
  if( p->aSize==0 ) return SQLITE_NOMEM;
  memset(p->aSize, 0, (size_t)(mx+1)*sizeof(uint32_t));
  p->nSize = mx+1;
  rc = sqlite3_prepare_v2(db, DOCSIZE_ALL_SQL, -1, &pStmt, 0);
  while( rc==SQLITE_OK && sqlite3_step(pStmt)==SQLITE_ROW ){
    sqlite3_int64 id = sqlite3_column_int64(pStmt, 0);
    const unsigned char *a = (const unsigned char*)sqlite3_column_blob(pStmt, 1);
    int nByte = sqlite3_column_bytes(pStmt, 1);
    uint32_t nTok = 0;
    int iOff = 0, iCol = 0;
    while( iOff<nByte ){
      uint32_t v = 0;
      int nRead = getVarint32(&a[iOff], nByte-iOff, &v);
      if( nRead==0 ){ rc = SQLITE_CORRUPT; break; }
      iOff += nRead;
      nTok += v;
      iCol++;
    }
    /* Every row has one size per column. */
    if( rc==SQLITE_OK && nCol>=0 && iCol!=nCol ) rc = SQLITE_CORRUPT;
    if( rc!=SQLITE_OK ) break;
    nCol = iCol;
    nTokens += nTok;
    if( id>=0 && id<p->nSize ) p->aSize[id] = nTok;
  }
  rc = finish(pStmt, rc);
  if( rc!=SQLITE_OK ){
    sqlite3_free(p->aSize);
    p->aSize = 0;
    p->nSize = 0;
    return rc;
  }
  p->nSizeCols = nCol;
  p->nSizeRows = n;
  p->nSizeTokens = nTokens;
  p->nReads++;
  return SQLITE_OK;
}

/* Read the rows matching zMatch into a new bitmap. */
static int rowSetRead(sqlite3 *db, const char *zMatch, RowSet *pSet){
  sqlite3_stmt *pStmt = 0;
  uint8_t *aBit = 0;
  sqlite3_int64 nBit = 0;
  int rc = sqlite3_prepare_v2(db, ROW_SET_SQL, -1, &pStmt, 0);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pStmt, 1, zMatch, -1, SQLITE_STATIC);
  while( rc==SQLITE_OK ){
    sqlite3_int64 iRowid;
    int rcStep = sqlite3_step(pStmt);
    if( rcStep==SQLITE_DONE ) break;
    if( rcStep!=SQLITE_ROW ){ rc = rcStep; break; }
    iRowid = sqlite3_column_int64(pStmt, 0);
    if( iRowid<0 ) continue;
    if( iRowid>ROW_SET_MAX_ROWID ){ rc = SQLITE_TOOBIG; break; }
    if( iRowid>=nBit ){
      sqlite3_int64 nNew = (iRowid + 1) * 2 + 64;
      uint8_t *aNew = (uint8_t*)sqlite3_realloc64(aBit, (nNew+7)/8);
      if( aNew==0 ){ rc = SQLITE_NOMEM; break; }
      memset(&aNew[(nBit+7)/8], 0, (size_t)((nNew+7)/8 - (nBit+7)/8));
      aBit = aNew;
      nBit = ((nNew+7)/8)*8;
    }
    aBit[iRowid>>3] |= (uint8_t)(1 << (iRowid & 7));
  }
  rc = finish(pStmt, rc);
  if( rc!=SQLITE_OK ){ sqlite3_free(aBit); return rc; }
  pSet->aBit = aBit;
  pSet->nBit = nBit;
  return SQLITE_OK;
}

static int rowSetHas(const RowSet *pSet, sqlite3_int64 iRowid){
  return iRowid>=0 && iRowid<pSet->nBit && (pSet->aBit[iRowid>>3] >> (iRowid & 7)) & 1;
}

static void rowSetFree(void *pv){
  RowSet *p = (RowSet*)pv;
  sqlite3_free(p->aBit);
  sqlite3_free(p);
}

/* A new RowSet holding a copy of pSet. */
static RowSet *rowSetCopy(const RowSet *pSet){
  RowSet *pNew = (RowSet*)sqlite3_malloc64(sizeof(RowSet));
  if( pNew==0 ) return 0;
  pNew->nBit = pSet->nBit;
  pNew->aBit = 0;
  if( pSet->nBit>0 ){
    pNew->aBit = (uint8_t*)sqlite3_malloc64(pSet->nBit/8);
    if( pNew->aBit==0 ){ sqlite3_free(pNew); return 0; }
    memcpy(pNew->aBit, pSet->aBit, (size_t)(pSet->nBit/8));
  }
  return pNew;
}

/*
** papershelf_in_match(text, rowid). Each statement gets its own copy of the set (a bitmap, a few
** KB), kept as the constant argument's auxdata until the statement ends: from the connection's
** cache when it is current, else read for this statement alone.
*/
static void papershelfInMatch(sqlite3_context *pCtx, int nArg, sqlite3_value **apArg){
  const RowSet *pSet = (const RowSet*)sqlite3_get_auxdata(pCtx, 0);
  sqlite3_int64 iRowid = sqlite3_value_int64(apArg[1]);
  (void)nArg;
  if( pSet==0 ){
    sqlite3 *db = sqlite3_context_db_handle(pCtx);
    Cache *p = (Cache*)sqlite3_user_data(pCtx);
    const char *zMatch = (const char*)sqlite3_value_text(apArg[0]);
    RowSet *pOwn = 0;
    int rc = SQLITE_OK;
    int bHas;
    if( zMatch==0 ){
      sqlite3_result_error(pCtx, "papershelf_in_match: the query must be text", -1);
      return;
    }
    if( cacheCurrent(db, p) ){
      if( p->zSetMatch==0 || strcmp(p->zSetMatch, zMatch)!=0 ){
        sqlite3_free(p->zSetMatch);
        sqlite3_free(p->set.aBit);
        p->zSetMatch = 0;
        p->set.aBit = 0;
        p->set.nBit = 0;
        rc = rowSetRead(db, zMatch, &p->set);
        if( rc==SQLITE_OK ){
          p->zSetMatch = sqlite3_mprintf("%s", zMatch);
          if( p->zSetMatch==0 ) rc = SQLITE_NOMEM;
          p->nReads++;
        }
      }
      if( rc==SQLITE_OK ){
        pOwn = rowSetCopy(&p->set);
        if( pOwn==0 ) rc = SQLITE_NOMEM;
      }
    }else{
      pOwn = (RowSet*)sqlite3_malloc64(sizeof(RowSet));
      if( pOwn==0 ) rc = SQLITE_NOMEM;
      if( rc==SQLITE_OK ){
        rc = rowSetRead(db, zMatch, pOwn);
        if( rc!=SQLITE_OK ){ sqlite3_free(pOwn); pOwn = 0; }
      }
    }
    if( rc!=SQLITE_OK ){
      sqlite3_result_error_code(pCtx, rc);
      return;
    }
    /* Answer before handing the set over: set_auxdata may free it at once. */
    bHas = rowSetHas(pOwn, iRowid);
    sqlite3_set_auxdata(pCtx, 0, (void*)pOwn, rowSetFree);
    sqlite3_result_int(pCtx, bHas);
    return;
  }
  sqlite3_result_int(pCtx, rowSetHas(pSet, iRowid));
}

static int countCb(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUserData){
  (void)pApi; (void)pFts;
  (*(sqlite3_int64*)pUserData)++;
  return SQLITE_OK;
}

static int queryGet(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3 *db, Query **pp){
  Query *p = (Query*)pApi->xGetAuxdata(pFts, 0);
  if( p==0 ){
    Cache *pCache = (Cache*)pApi->xUserData(pFts);
    int nPhrase = pApi->xPhraseCount(pFts);
    sqlite3_int64 nByte = sizeof(Query) + nPhrase*2*sizeof(double);
    sqlite3_int64 nToken = 0;
    int rc, i;
    p = (Query*)sqlite3_malloc64(nByte);
    if( p==0 ) return SQLITE_NOMEM;
    memset(p, 0, (size_t)nByte);
    p->nPhrase = nPhrase;
    p->aIDF = (double*)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    for(i=0; i<nPhrase; i++) p->aIDF[i] = -1.0;
    rc = pApi->xRowCount(pFts, &p->nRow);
    if( rc==SQLITE_OK ) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
    if( rc==SQLITE_OK ){
      p->avgdl = (double)nToken / (double)p->nRow;
      if( cacheCurrent(db, pCache) ){
        /* A failed read leaves aSize NULL (not retried for this key): sizes are then read per row. */
        /* Read the sizes at the second query under a key, not the first: while the index keeps
        ** changing (a sync writing page after page) each search would otherwise pay for reading
        ** them all; one query's per-row lookups cost less. */
        if( pCache->aSize==0 && !pCache->bSizesFailed && pCache->nRankQueries++>0
         && rowSizesRead(db, pCache)!=SQLITE_OK
        ){
          pCache->bSizesFailed = 1;
        }
        /* The sizes are main.paper_fts's: another FTS5 table (or schema) shows other totals. */
        p->bSizes = pCache->aSize!=0 && pCache->nSizeCols==pApi->xColumnCount(pFts)
                 && pCache->nSizeRows==p->nRow && pCache->nSizeTokens==nToken;
      }
      rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    }else{
      sqlite3_free(p);
    }
    if( rc!=SQLITE_OK ) return rc;
  }
  *pp = p;
  return SQLITE_OK;
}

/* IDF = log((N - nHit + 0.5) / (nHit + 0.5)), at least 1e-6, exactly as bm25() computes it. */
static int phraseIdf(const Fts5ExtensionApi *pApi, Fts5Context *pFts, Query *p, int iPhrase){
  sqlite3_int64 nHit = 0;
  int rc;
  if( p->aIDF[iPhrase]>=0.0 ) return SQLITE_OK;
  rc = pApi->xQueryPhrase(pFts, iPhrase, (void*)&nHit, countCb);
  if( rc==SQLITE_OK ){
    double idf = log( (p->nRow - nHit + 0.5) / (nHit + 0.5) );
    if( idf<=0.0 ) idf = 1e-6;
    p->aIDF[iPhrase] = idf;
  }
  return rc;
}

static void papershelfBm25(
  const Fts5ExtensionApi *pApi,
  Fts5Context *pFts,
  sqlite3_context *pCtx,
  int nVal,
  sqlite3_value **apVal
){
  const double k1 = 1.2;
  const double b = 0.75;
  Cache *pCache = (Cache*)pApi->xUserData(pFts);
  Query *p = 0;
  double score = 0.0;
  double D = 0.0;
  int nInst = 0;
  int i;
  int rc = queryGet(pApi, pFts, sqlite3_context_db_handle(pCtx), &p);
  if( rc==SQLITE_OK ){
    memset(p->aFreq, 0, sizeof(double)*p->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for(i=0; rc==SQLITE_OK && i<nInst; i++){
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if( rc==SQLITE_OK ){
      double w = (nVal > ic) ? sqlite3_value_double(apVal[ic]) : 1.0;
      p->aFreq[ip] += w;
    }
  }
  if( rc==SQLITE_OK ){
    sqlite3_int64 iRowid = pApi->xRowid(pFts);
    if( p->bSizes && iRowid>=0 && iRowid<pCache->nSize ){
      D = (double)pCache->aSize[iRowid];
    }else{
      int nTok = 0;
      rc = pApi->xColumnSize(pFts, -1, &nTok);
      D = (double)nTok;
    }
  }
  for(i=0; rc==SQLITE_OK && i<p->nPhrase; i++){
    /* A phrase this row lacks adds exactly 0 (bm25 adds idf * 0 / positive). */
    if( p->aFreq[i]==0.0 ) continue;
    rc = phraseIdf(pApi, pFts, p, i);
    if( rc==SQLITE_OK ){
      score += p->aIDF[i] * (
          ( p->aFreq[i] * (k1 + 1.0) ) /
          ( p->aFreq[i] + k1 * (1 - b + b * D / p->avgdl) )
      );
    }
  }
  if( rc==SQLITE_OK ){
    sqlite3_result_double(pCtx, -1.0 * score);
  }else{
    sqlite3_result_error_code(pCtx, rc);
  }
}

static void papershelfRankReads(sqlite3_context *pCtx, int nArg, sqlite3_value **apArg){
  (void)nArg; (void)apArg;
  sqlite3_result_int64(pCtx, ((Cache*)sqlite3_user_data(pCtx))->nReads);
}

/*
** papershelf_top(score, rowid, limit, offset, descending): an aggregate that keeps the best
** limit+offset (score, rowid) pairs it is given in a binary heap and returns rows offset..end of
** them, best first, as a JSON array of rowids. "Best" is the order of `ORDER BY score ASC, rowid
** DESC` (bm25 scores are negative: lower is better), or `score DESC, rowid DESC` when descending
** is true, with SQL's rules: NULL scores first ascending and last descending, a negative limit is
** no limit, a negative offset is 0. It does what SQLite's ORDER BY ... LIMIT does for the ranked page, which keeps its top
** rows in a temporary B-tree (an insert and a delete for every row that enters the page) where
** the heap needs a few comparisons. SQLite does not let an FTS5 auxiliary function be an
** aggregate's argument directly: the scores come from a subquery (`LIMIT -1` keeps it a
** co-routine rather than a materialized table).
*/
typedef struct TopEntry TopEntry;
struct TopEntry {
  int bNull;
  double score;
  sqlite3_int64 rowid;
};

typedef struct Top Top;
struct Top {
  int bInit;
  int bDesc;
  sqlite3_int64 nKeep;            /* limit + offset */
  sqlite3_int64 nOffset;
  sqlite3_int64 nHeap;
  sqlite3_int64 nAlloc;
  TopEntry *aHeap;                /* max-heap by badness: aHeap[0] is the worst kept */
};

/* True if a ranks before b. */
static int topBefore(const Top *p, const TopEntry *a, const TopEntry *b){
  if( a->bNull!=b->bNull ) return p->bDesc ? b->bNull : a->bNull;
  if( !a->bNull && a->score!=b->score ) return p->bDesc ? a->score > b->score : a->score < b->score;
  return a->rowid > b->rowid;
}

static void topSiftDown(Top *p, sqlite3_int64 i){
  for(;;){
    sqlite3_int64 l = 2*i + 1, r = l + 1, worst = i;
    TopEntry t;
    if( l<p->nHeap && topBefore(p, &p->aHeap[worst], &p->aHeap[l]) ) worst = l;
    if( r<p->nHeap && topBefore(p, &p->aHeap[worst], &p->aHeap[r]) ) worst = r;
    if( worst==i ) return;
    t = p->aHeap[i]; p->aHeap[i] = p->aHeap[worst]; p->aHeap[worst] = t;
    i = worst;
  }
}

static void topSiftUp(Top *p, sqlite3_int64 i){
  while( i>0 ){
    sqlite3_int64 parent = (i - 1) / 2;
    TopEntry t;
    if( !topBefore(p, &p->aHeap[parent], &p->aHeap[i]) ) return;
    t = p->aHeap[i]; p->aHeap[i] = p->aHeap[parent]; p->aHeap[parent] = t;
    i = parent;
  }
}

static void papershelfTopStep(sqlite3_context *pCtx, int nArg, sqlite3_value **apArg){
  Top *p = (Top*)sqlite3_aggregate_context(pCtx, sizeof(Top));
  TopEntry e;
  (void)nArg;
  if( p==0 ){ sqlite3_result_error_nomem(pCtx); return; }
  if( !p->bInit ){
    sqlite3_int64 nLimit = sqlite3_value_int64(apArg[2]);
    sqlite3_int64 nOffset = sqlite3_value_int64(apArg[3]);
    if( nOffset<0 ) nOffset = 0;
    p->bInit = 1;
    p->bDesc = sqlite3_value_int(apArg[4])!=0;
    p->nOffset = nOffset;
    /* limit + offset, without overflow; a negative limit keeps every row. */
    p->nKeep = (nLimit<0 || nLimit > LARGEST_INT64 - nOffset) ? LARGEST_INT64 : nLimit + nOffset;
  }
  if( p->nKeep==0 ) return;
  e.bNull = sqlite3_value_type(apArg[0])==SQLITE_NULL;
  e.score = e.bNull ? 0.0 : sqlite3_value_double(apArg[0]);
  e.rowid = sqlite3_value_int64(apArg[1]);
  if( p->nHeap<p->nKeep ){
    if( p->nHeap==p->nAlloc ){
      sqlite3_int64 nNew = p->nAlloc ? p->nAlloc*2 : 64;
      TopEntry *aNew;
      if( nNew>p->nKeep ) nNew = p->nKeep;
      aNew = (TopEntry*)sqlite3_realloc64(p->aHeap, nNew*sizeof(TopEntry));
      if( aNew==0 ){ sqlite3_result_error_nomem(pCtx); return; }
      p->aHeap = aNew;
      p->nAlloc = nNew;
    }
    p->aHeap[p->nHeap] = e;
    topSiftUp(p, p->nHeap++);
  }else if( p->nHeap>0 && topBefore(p, &e, &p->aHeap[0]) ){
    p->aHeap[0] = e;
    topSiftDown(p, 0);
  }
}

static void papershelfTopFinal(sqlite3_context *pCtx){
  Top *p = (Top*)sqlite3_aggregate_context(pCtx, 0);
  sqlite3_str *pOut;
  sqlite3_int64 n, i;
  if( p==0 || p->nHeap==0 ){
    if( p ) sqlite3_free(p->aHeap);
    sqlite3_result_text(pCtx, "[]", 2, SQLITE_STATIC);
    return;
  }
  /* Heap sort: take the worst off the end repeatedly, so aHeap ends best first. */
  n = p->nHeap;
  while( p->nHeap>1 ){
    TopEntry t = p->aHeap[0];
    p->aHeap[0] = p->aHeap[p->nHeap - 1];
    p->aHeap[p->nHeap - 1] = t;
    p->nHeap--;
    topSiftDown(p, 0);
  }
  pOut = sqlite3_str_new(sqlite3_context_db_handle(pCtx));
  sqlite3_str_appendchar(pOut, 1, '[');
  for(i=p->nOffset; i<n; i++){
    sqlite3_str_appendf(pOut, i>p->nOffset ? ",%lld" : "%lld", p->aHeap[i].rowid);
  }
  sqlite3_str_appendchar(pOut, 1, ']');
  sqlite3_free(p->aHeap);
  p->aHeap = 0;
  if( sqlite3_str_errcode(pOut) ){
    sqlite3_free(sqlite3_str_finish(pOut));
    sqlite3_result_error_nomem(pCtx);
    return;
  }
  {
    int nText = sqlite3_str_length(pOut);
    sqlite3_result_text(pCtx, sqlite3_str_finish(pOut), nText, sqlite3_free);
  }
}

static fts5_api *fts5Api(sqlite3 *db){
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if( sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0)==SQLITE_OK ){
    sqlite3_bind_pointer(pStmt, 1, (void*)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_papershelfrank_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi){
  fts5_api *pFts5;
  Cache *pCache;
  int rc;
  SQLITE_EXTENSION_INIT2(pApi);
  pFts5 = fts5Api(db);
  if( pFts5==0 || pFts5->iVersion<2 ){
    *pzErrMsg = sqlite3_mprintf("papershelf_rank: this SQLite has no FTS5");
    return SQLITE_ERROR;
  }
  pCache = (Cache*)sqlite3_malloc64(sizeof(Cache));
  if( pCache==0 ) return SQLITE_NOMEM;
  memset(pCache, 0, sizeof(Cache));
  /* papershelf_in_match owns pCache (freed when it is, at close, or now if it fails); every
  ** function lives until the connection closes. */
  rc = sqlite3_create_function_v2(db, "papershelf_in_match", 2, SQLITE_UTF8, (void*)pCache,
                                  papershelfInMatch, 0, 0, cacheDestroy);
  if( rc==SQLITE_OK ){
    rc = sqlite3_create_function_v2(db, "papershelf_rank_reads", 0, SQLITE_UTF8, (void*)pCache,
                                    papershelfRankReads, 0, 0, 0);
  }
  if( rc==SQLITE_OK ){
    rc = sqlite3_create_function_v2(db, "papershelf_top", 5, SQLITE_UTF8, 0,
                                    0, papershelfTopStep, papershelfTopFinal, 0);
  }
  if( rc==SQLITE_OK ){
    rc = pFts5->xCreateFunction(pFts5, "papershelf_bm25", (void*)pCache, papershelfBm25, 0);
  }
  return rc;
}
