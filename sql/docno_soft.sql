--
-- soft input errors (PostgreSQL 16+): pg_input_is_valid / pg_input_error_info
-- The alternative expected file docno_soft_1.out is the PostgreSQL 13-15 run.
--
SELECT current_setting('server_version_num')::int >= 160000 AS has_soft_errors \gset
\if :has_soft_errors
SELECT pg_input_is_valid('渝府發〔2025〕4號', 'docno') AS ok, pg_input_is_valid('渝府发〔25〕4号', 'docno') AS bad,
       pg_input_is_valid('渝府发〔1900〕4号', 'docno') AS out_of_range;
SELECT * FROM pg_input_error_info('渝府发〔2025', 'docno');
SELECT * FROM pg_input_error_info('渝府发〔1900〕4号', 'docno');
\else
\echo soft errors need PostgreSQL 16 or later
\endif
