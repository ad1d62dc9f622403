-- deadlines_baseline.sql — "what a user would do instead" of plan_deadlines:
-- deadlines read with PostgreSQL regular expressions, in the style of the
-- shared baseline (../shared/bench/baseline/baseline_extract.sql, whose
-- bx_lines gives every line its task code).  No extension code.  Our own:
-- written for bench/deadlines.sh.
--
-- One row per deadline: 2025年底前, 2024年6月底前, 2025年12月31日前, 2024—2026年,
-- 2025年上半年, 2025年第三季度末前, 2023年起, 年内/年底前 (of the year of the
-- document's first printed date), 每年/每季度/每月, 长期坚持/持续推进, in either
-- script; Arabic digits only.  due is a daterange as plan_deadlines gives it.
CREATE OR REPLACE FUNCTION bx_deadlines(doc text)
RETURNS TABLE (line_no int, task_code text, kind text, due daterange, raw text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
  WITH y AS (   -- the document's year: its first full date
    SELECT (regexp_match(doc, '(\d{4})年\d{1,2}月\d{1,2}日'))[1]::int AS doc_year
  ), m AS (
    SELECT l.line_no, l.cur_code, m,
           coalesce(m[5]::int, NULLIF(strpos('一二三四', m[4]), 0)) AS q
    FROM bx_lines(doc) l,
         regexp_matches(l.line,
           '(\d{4})(?:年)?(?:\s*[—–\-～~至到]\s*(\d{4}))?年'
           || '(?:(上|下)半年|第?(?:([一二三四])|([1-4]))季度|(\d{1,2})月(?:(\d{1,2})[日号])?)?'
           || '(底|末)?(前|以前|之前|內|内|起|開始|开始|期間|期间)?'
           || '|(年[內内]|年底前)|(每年|每季度|每月|每半年)|(長期堅持|长期坚持|持續推進|持续推进)',
           'g') AS m
  ), p AS (     -- the period each date names: [lo, hi)
    SELECT m.*, y.doc_year,
           CASE WHEN m[3] IS NOT NULL THEN make_date(m[1]::int, CASE m[3] WHEN '上' THEN 1 ELSE 7 END, 1)
                WHEN q IS NOT NULL THEN make_date(m[1]::int, 3 * q - 2, 1)
                WHEN m[7] IS NOT NULL THEN make_date(m[1]::int, m[6]::int, m[7]::int)
                WHEN m[6] IS NOT NULL THEN make_date(m[1]::int, m[6]::int, 1)
                WHEN m[1] IS NOT NULL THEN make_date(m[1]::int, 1, 1) END AS lo,
           CASE WHEN m[2] IS NOT NULL THEN make_date(m[2]::int + 1, 1, 1)
                WHEN m[3] IS NOT NULL THEN (make_date(m[1]::int, CASE m[3] WHEN '上' THEN 1 ELSE 7 END, 1) + interval '6 months')::date
                WHEN q IS NOT NULL THEN (make_date(m[1]::int, 3 * q - 2, 1) + interval '3 months')::date
                WHEN m[7] IS NOT NULL THEN make_date(m[1]::int, m[6]::int, m[7]::int) + 1
                WHEN m[6] IS NOT NULL THEN (make_date(m[1]::int, m[6]::int, 1) + interval '1 month')::date
                WHEN m[1] IS NOT NULL THEN make_date(m[1]::int + 1, 1, 1) END AS hi
    FROM m, y
    WHERE m[10] IS NOT NULL OR m[11] IS NOT NULL OR m[12] IS NOT NULL
       OR m[9] IS NOT NULL OR m[2] IS NOT NULL OR m[3] IS NOT NULL OR q IS NOT NULL
  )
  SELECT line_no, cur_code,
         CASE WHEN m[12] IS NOT NULL THEN 'ongoing'
              WHEN m[11] IS NOT NULL THEN 'annual'
              WHEN m[10] IS NOT NULL THEN 'by'
              WHEN m[9] ~ '^(起|開始|开始)$' THEN 'from'
              WHEN m[9] IS NOT NULL AND m[9] !~ '^(期間|期间)$' THEN 'by'
              ELSE 'during' END AS kind,
         CASE WHEN m[12] IS NOT NULL OR m[11] IS NOT NULL THEN daterange(make_date(doc_year, 1, 1), NULL)
              WHEN m[10] IS NOT NULL THEN daterange(NULL, make_date(doc_year + 1, 1, 1))
              WHEN m[9] ~ '^(起|開始|开始)$' THEN daterange(lo, NULL)
              WHEN m[9] IS NOT NULL AND m[9] !~ '^(期間|期间)$' THEN daterange(NULL, hi)
              ELSE daterange(lo, hi) END,
         CASE WHEN m[1] IS NULL THEN coalesce(m[10], m[11], m[12])
              ELSE concat(m[1], '—' || m[2], '年', m[3] || '半年', '第' || coalesce(m[4], m[5]) || '季度',
                          m[6] || '月', m[7] || '日', m[8], m[9]) END
  FROM p
$f$;
