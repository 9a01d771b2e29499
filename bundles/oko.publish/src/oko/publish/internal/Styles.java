package oko.publish.internal;

/** The site's stylesheet: plain, readable, a narrow-screen layout (tables become cards) and a print layout. */
final class Styles {

    private Styles() {
    }

    static String css() {
        return """
                /* Oko: the published section of the quality system */
                :root { --ink: #1d2733; --muted: #52606d; --line: #cbd2d9; --accent: #1f5f99; --band: #f0f4f8; }
                * { box-sizing: border-box; }
                html { font-size: 100%; -webkit-text-size-adjust: 100%; }
                body { margin: 0; font-family: "PT Sans", "Segoe UI", Arial, sans-serif; line-height: 1.5;
                  color: var(--ink); background: #fff; }
                header.site { background: var(--accent); color: #fff;
                  padding: 0.75rem max(1.5rem, calc((100% - 72rem) / 2 + 1.5rem)); }
                header.site .system { margin: 0 0 0.5rem; font-weight: bold; }
                header.site nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
                header.site a { color: #fff; }
                header.site a[aria-current="page"] { font-weight: bold; text-decoration: none; }
                main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
                footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.875rem;
                  padding: 0.75rem max(1.5rem, calc((100% - 72rem) / 2 + 1.5rem)); }
                h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
                h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; border-bottom: 2px solid var(--band); padding-bottom: 0.25rem; }
                h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
                a { color: var(--accent); }
                p, li { overflow-wrap: anywhere; }
                ul.directions { list-style: none; padding: 0; display: grid;
                  grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
                li.direction { border: 1px solid var(--line); border-radius: 0.375rem; padding: 0.75rem 1rem; background: #fff; }
                li.direction p { margin: 0.25rem 0; }
                .direction-name { font-weight: bold; font-size: 1.05rem; }
                .cycle { display: inline-block; padding: 0.1rem 0.6rem; border-radius: 1rem; font-weight: bold; font-size: 0.9rem; }
                .cycle.full { background: #d7f0dd; color: #14532d; }
                .cycle.incomplete { background: #fdecc8; color: #7a4b00; }
                .cycle.none { background: var(--band); color: var(--muted); }
                ul.gaps { margin: 0.25rem 0 0; padding-left: 1.25rem; font-size: 0.9rem; color: var(--muted); }
                .details { color: var(--muted); }
                .list-title { font-weight: bold; margin-bottom: 0.25rem; }
                div.table { overflow-x: auto; margin: 0.5rem 0 1rem; }
                table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
                caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
                th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
                th { background: var(--band); }
                tr:target { outline: 3px solid #f2b705; }
                figure.diagram { margin: 0.5rem 0 1rem; }
                figure.diagram svg, figure.diagram img { max-width: 100%; height: auto; display: block; }
                figcaption { color: var(--muted); font-size: 0.875rem; }
                .report a { font-weight: bold; }
                @media (max-width: 40rem) {
                  header.site, main, footer.site { padding-left: 0.75rem; padding-right: 0.75rem; }
                  h1 { font-size: 1.4rem; }
                  h2 { font-size: 1.2rem; }
                  ul.directions { grid-template-columns: 1fr; }
                  /* the diagram keeps a readable size and scrolls sideways */
                  figure.diagram { overflow-x: auto; }
                  figure.diagram svg { max-width: none; width: 60rem; }
                  div.table { overflow-x: visible; }
                  table, thead, tbody, tr, th, td { display: block; width: 100%; }
                  thead tr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
                  tr { border: 1px solid var(--line); border-radius: 0.375rem; margin-bottom: 0.75rem; }
                  td { border: none; border-bottom: 1px solid var(--band); }
                  td::before { content: attr(data-label); display: block; font-weight: bold; color: var(--muted); font-size: 0.8rem; }
                  td:empty { display: none; }
                  td:first-child { background: var(--band); font-weight: bold; }
                  td:first-child::before { display: inline; margin-right: 0.4rem; }
                }
                @media print {
                  header.site { background: none; color: #000; padding: 0; }
                  header.site nav { display: none; }
                  header.site a, a { color: #000; text-decoration: none; }
                  main { max-width: none; padding: 0; }
                  body { font-size: 10pt; }
                  h2, h3 { break-after: avoid; }
                  tr, li.direction, figure { break-inside: avoid; }
                  div.table { overflow: visible; }
                  .cycle { border: 1px solid #000; background: none; color: #000; }
                }
                """;
    }
}
