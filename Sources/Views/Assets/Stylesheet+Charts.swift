extension Stylesheet {
    /// SVG charts (`Charts`): every colour, dash and print pattern is here — the
    /// markup has no inline styles. Text sizes are in SVG user units (the viewBox),
    /// so they scale with the chart.
    static let charts = """
    .chart { margin: 0 0 20px; max-width: 720px; }
    .chart-columns { max-width: 520px; }
    .chart-title { font-weight: 600; margin: 0 0 6px; color: var(--text); }
    .chart-frame { width: 100%; }
    .chart-svg { display: block; width: 100%; height: auto; overflow: visible; font-family: var(--font); }
    .chart-svg text { font-size: 12px; fill: var(--muted); font-variant-numeric: tabular-nums; }
    .chart-svg .axis-title, .chart-svg .col-title { fill: var(--muted); font-size: 11.5px; font-weight: 600; }
    .chart-svg .tick-x, .chart-svg .row-label { fill: var(--text); font-size: 12.5px; }
    .chart-svg .grid { stroke: #e6e9ee; stroke-width: 1; }
    .chart-svg .axis { stroke: var(--border-strong); stroke-width: 1; }
    .chart-svg .gap-guide { stroke: #c4cbd5; stroke-width: 1; stroke-dasharray: 2 3; }
    .chart-svg .missing-label { fill: var(--faint); font-size: 11px; font-style: italic; }
    .ln { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
    .ln-school { stroke: var(--accent); stroke-width: 2.75; }
    .ln-reference { stroke: #7b8594; stroke-dasharray: 7 4; stroke-linecap: butt; }
    .ln-other { stroke: var(--purple); stroke-dasharray: 2 3; }
    .ln-other-alt { stroke: #2f6f73; stroke-dasharray: 9 3 2 3; stroke-linecap: butt; }
    .mk { stroke: #fff; stroke-width: 1.5; }
    .mk.key { stroke-width: 1; }
    .mk-school { fill: var(--accent); }
    .mk-reference { fill: #7b8594; }
    .mk-other { fill: var(--purple); }
    .mk-other-alt { fill: #2f6f73; }
    .mk-missing { fill: #fff; stroke-width: 1.5; }
    .mk-missing-school { stroke: var(--accent); }
    .mk-missing-reference { stroke: #7b8594; }
    .mk-missing-other { stroke: var(--purple); }
    .mk-missing-other-alt { stroke: #2f6f73; }
    .chart-svg .val { font-size: 11.5px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    .chart-svg .val-school { fill: var(--accent-dark); }
    .chart-svg .val-reference { fill: #566070; }
    .chart-svg .val-other { fill: var(--purple); }
    .chart-svg .val-other-alt { fill: #2f6f73; }
    .chart-svg .val-column { fill: var(--text); font-size: 12.5px; }
    .bar-track { fill: #f0f2f5; }
    .seg { stroke: #fff; stroke-width: 1; }
    .seg-2 { fill: #c0392b; }
    .seg-3 { fill: #f2b134; }
    .seg-4 { fill: #9fd17a; }
    .seg-5 { fill: #1e7b3e; }
    .seg.key { stroke: rgba(0,0,0,.25); }
    .chart-svg .seg-label { font-size: 12px; font-weight: 600; paint-order: stroke; stroke-width: 3px; stroke-linejoin: round; }
    .chart-svg .seg-label-2 { fill: #fff; stroke: #c0392b; }
    .chart-svg .seg-label-3 { fill: #3b2a00; stroke: #f2b134; }
    .chart-svg .seg-label-4 { fill: #173a12; stroke: #9fd17a; }
    .chart-svg .seg-label-5 { fill: #fff; stroke: #1e7b3e; }
    .chart-svg .participants { fill: var(--text); font-size: 12.5px; }
    .chart-svg .chart-note { fill: var(--warning); font-size: 11px; font-style: italic; }
    .hatch { display: none; }
    .hatch-line { stroke: #fff; stroke-width: 1.4; }
    .hatch-dot { fill: #3b2a00; }
    .col { fill: var(--accent); }
    .chart-legend {
      list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px;
      font-size: .867rem; color: var(--muted);
    }
    .chart-legend li { display: inline-flex; align-items: center; gap: 6px; }
    .chart-legend-lead { font-weight: 600; }
    .chart-legend li:has(.chart-legend-lead) { margin-right: -8px; }
    .chart-key { flex: none; overflow: visible; }
    .chart-empty { margin: 0; padding: 14px 16px; border: 1px dashed var(--border); border-radius: var(--radius); color: var(--muted); background: var(--subtle); }
    @media (max-width: 600px) {
      .chart-frame { overflow-x: auto; -webkit-overflow-scrolling: touch; }
      .chart-svg { min-width: 480px; }
      .chart-svg text { font-size: 14px; }
      .chart-svg .axis-title, .chart-svg .col-title, .chart-svg .val, .chart-svg .missing-label, .chart-svg .chart-note { font-size: 13px; }
      .chart-svg .tick-x, .chart-svg .row-label, .chart-svg .participants, .chart-svg .seg-label, .chart-svg .val-column { font-size: 14px; }
    }
    body.print-view .hatch { display: inline; }
    @media print {
      .chart { break-inside: avoid; max-width: 17cm; }
      .chart-title, .chart-legend { color: #000; }
      .chart-svg text, .chart-svg .tick-x, .chart-svg .row-label, .chart-svg .participants,
      .chart-svg .axis-title, .chart-svg .col-title, .chart-svg .missing-label, .chart-svg .val-column { fill: #000; }
      .chart-svg .grid { stroke: #c8c8c8; }
      .chart-svg .axis { stroke: #000; }
      .ln-school { stroke: #000; }
      .mk-school { fill: #000; }
      .mk-missing-school { stroke: #000; }
      .ln-reference { stroke: #6b6b6b; }
      .mk-reference { fill: #6b6b6b; }
      .chart-svg .val-school { fill: #000; }
      .chart-svg .val-reference { fill: #444; }
      .hatch { display: inline; }
      .col { fill: #4d4d4d; }
      .chart-svg .chart-note { fill: #000; }
      .chart-frame { overflow: visible; }
      .chart-svg { min-width: 0; }
    }

    """
}
