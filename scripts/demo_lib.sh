# scripts/demo_lib.sh — the demo's steps, shared by scripts/demo.sh and
# scripts/dashboard.sh (sourced; ROOT must be the checkout).
#   demo_build           set-up (apt-get when something is missing), build and
#                        install plandata (into $PLANDATA_DESTDIR when set,
#                        for a cluster started by scripts/cluster.sh)
#   demo_default_docs    print the default demo document: the Chongqing plan
#                        (../shared/corpus, when present) or our full-length
#                        stand-in for it
#   demo_load FILE|DIR…  CREATE EXTENSION plandata in the database PG* name,
#                        then load the documents with planload
demo_build() {
  "$ROOT/scripts/setup.sh"
  make -C "$ROOT" -s -j"$(nproc)" >/dev/null
  make -C "$ROOT" -s install ${PLANDATA_DESTDIR:+DESTDIR="$PLANDATA_DESTDIR"} >/dev/null
}

demo_default_docs() {
  local shared=${PLANDATA_SHARED:-$ROOT/../shared}
  if [ -f "$shared/corpus/chongqing_2025_4_new_urbanization.txt" ]; then
    echo "$shared/corpus/chongqing_2025_4_new_urbanization.txt"
  else
    echo "$ROOT/bench/docs/cq_plan_fulllength.txt"
  fi
}

demo_load() {
  psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION IF NOT EXISTS plandata'
  echo "== loading with planload (files or directories, any encoding)"
  "$ROOT/planload" --progress=lines "$@"
}
