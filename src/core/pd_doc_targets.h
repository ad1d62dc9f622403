/*
 * pd_doc_targets.h — the targets of a whole segmented document: every
 * numbered item's own text, and the plan-level goal block before the first
 * item (主要目标：…, 具体指标：…).  Backend-free; used by plan_targets()
 * and planload alike, so both read the same spans.
 */
#ifndef PD_DOC_TARGETS_H
#define PD_DOC_TARGETS_H

#include "pd_segment.h"
#include "pd_target.h"

/*
 * Receives each hit: item is the index into doc->items, or -1 for a
 * plan-level target; the hit's raw offsets are relative to base (a byte
 * offset into doc->text).  Return false to stop (PD_ECANCEL).
 */
typedef bool (*pd_doc_target_fn) (void *ctx, int item, size_t base, const pd_target_hit *hit);

/*
 * The plan-level goal block: from the first line before the first item that
 * opens with a goal label (a label ending in 目标 or 指标 before a colon:
 * 具体指标：, 总体要求与目标：; or a heading line of its own: 主要目标) to the
 * first item, or to an earlier line that opens with another label (基本原则：).
 * The notice, title and lead before it are not read: they report and
 * transmit, they do not commit.  False when there is none.
 */
bool		pd_doc_goal_block(const pd_doc *doc, size_t *start, size_t *end);

/* scan the goal block, then every item, in document order */
pd_status	pd_doc_targets(const pd_doc *doc, const pd_tscan_opts *opts, pd_doc_target_fn fn,
						   void *ctx, pd_error *err);

#endif
