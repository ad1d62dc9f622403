\pset footer off
\echo '== task codes: every numbering style of a plan, one canonical path'
SELECT lit AS "as printed", lit::taskcode AS code, nlevel(lit::taskcode) AS depth,
       taskcode_label(lit::taskcode, true) AS "official path"
FROM (VALUES ('四（十五）'), ('二（三）1.（2）'), ('４．１５'), ('第三章'), ('㈡'), ('2.3.1.2.7')) v(lit);
\echo '== ordering: numeric per level, ancestors first'
SELECT string_agg(c::text, '  <  ' ORDER BY c) AS sorted
FROM unnest('{2,1.10,1.2,1,1.1}'::taskcode[]) c;
