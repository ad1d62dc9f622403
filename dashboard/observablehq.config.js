// plandata's dashboard: an Observable Framework project (a static site of
// Markdown pages with charts) that reads plandata's views through the data
// loaders in src/data/.  Nothing is fetched from outside at view time: the
// charting libraries come from node_modules, no web fonts (globalStylesheets
// names only the table style, not the default font sheet), no search index, telemetry off in scripts/dashboard.sh and the
// npm scripts (OBSERVABLE_TELEMETRY_DISABLE).
export default {
  title: "plandata",
  root: "src",
  pages: [
    {name: "Plan overview", path: "/index"},
    {name: "Who does what", path: "/units"},
    {name: "Targets and progress", path: "/targets"},
    {name: "Deadlines", path: "/deadlines"},
    {name: "Places per district", path: "/places"}
  ],
  theme: ["air", "wide"],
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  footer: "plandata — figures read from the views of the plandata PostgreSQL extension.",
  cleanUrls: false,
  search: false,
  toc: false
};
