-- bench/harness.sql — server-side timing for plandata benchmarks.
--
-- Cases are registered in bench_case (group, label, query, optional cleanup).
-- bench_run() runs every case of a group once per round, interleaved, for
-- several rounds (round 0 is a warm-up and is not counted) and records
-- wall-clock milliseconds measured in the server with clock_timestamp(), so
-- client and network time stay out.  Compare cases only within one run:
-- these machines are noisy, ratios measured side by side are what count.
CREATE SCHEMA IF NOT EXISTS bench;
SET search_path = bench, public;

CREATE TABLE IF NOT EXISTS bench.bench_case (
  id      serial PRIMARY KEY,
  grp     text NOT NULL,
  label   text NOT NULL,
  query   text NOT NULL,
  cleanup text
);
CREATE TABLE IF NOT EXISTS bench.bench_time (
  grp   text,
  label text,
  round int,
  ms    float8
);

CREATE OR REPLACE PROCEDURE bench.bench_run(p_grp text, p_rounds int)
LANGUAGE plpgsql AS $$
DECLARE
  c  record;
  t0 timestamptz;
BEGIN
  DELETE FROM bench.bench_time WHERE grp = p_grp;
  FOR r IN 0..p_rounds LOOP
    FOR c IN SELECT * FROM bench.bench_case WHERE grp = p_grp ORDER BY id LOOP
      t0 := clock_timestamp();
      EXECUTE c.query;
      INSERT INTO bench.bench_time
        VALUES (p_grp, c.label, r, 1000 * extract(epoch FROM clock_timestamp() - t0));
      IF c.cleanup IS NOT NULL THEN EXECUTE c.cleanup; END IF;
      COMMIT;
    END LOOP;
  END LOOP;
END $$;

-- median over the counted rounds, per label
CREATE OR REPLACE FUNCTION bench.bench_ms(p_grp text, p_label text) RETURNS float8
LANGUAGE sql STABLE AS $$
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)
  FROM bench.bench_time WHERE grp = p_grp AND label = p_label AND round > 0
$$;

-- the fastest counted round, per label (noise on these machines only adds time)
CREATE OR REPLACE FUNCTION bench.bench_best_ms(p_grp text, p_label text) RETURNS float8
LANGUAGE sql STABLE AS $$
  SELECT min(ms) FROM bench.bench_time WHERE grp = p_grp AND label = p_label AND round > 0
$$;

-- median of the per-round ratio a / b (paired: the two ran one after the
-- other in each round, so a slow spell of the machine weighs on both)
CREATE OR REPLACE FUNCTION bench.bench_ratio(p_grp text, a text, b text) RETURNS float8
LANGUAGE sql STABLE AS $$
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x.ms / y.ms)
  FROM bench.bench_time x JOIN bench.bench_time y USING (grp, round)
  WHERE x.grp = p_grp AND x.label = a AND y.label = b AND round > 0
$$;

-- median of the per-round difference a - b (paired: same round), e.g. a
-- cast minus the scan it rides on; divide by the row count for a per-row cost
CREATE OR REPLACE FUNCTION bench.bench_diff_ms(p_grp text, a text, b text) RETURNS float8
LANGUAGE sql STABLE AS $$
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x.ms - y.ms)
  FROM bench.bench_time x JOIN bench.bench_time y USING (grp, round)
  WHERE x.grp = p_grp AND x.label = a AND y.label = b AND round > 0
$$;
