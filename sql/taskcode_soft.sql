--
-- soft input errors (PostgreSQL 16+): pg_input_is_valid / pg_input_error_info
-- The alternative expected file taskcode_soft_1.out is the PostgreSQL 13-15 run.
--
SELECT current_setting('server_version_num')::int >= 160000 AS has_soft_errors \gset
\if :has_soft_errors
SELECT pg_input_is_valid('4.15', 'taskcode') AS ok, pg_input_is_valid('1..2', 'taskcode') AS bad,
       pg_input_is_valid('1.2.3.4.5.6.7', 'taskcode') AS too_deep;
SELECT * FROM pg_input_error_info('四（十五', 'taskcode');
SELECT * FROM pg_input_error_info('1000', 'taskcode');
\else
\echo soft errors need PostgreSQL 16 or later
\endif
