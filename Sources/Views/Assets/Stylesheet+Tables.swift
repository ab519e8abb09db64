extension Stylesheet {
    static let tables = """
    .table-wrap {
      overflow: auto; max-height: 75vh; margin: 0 0 16px;
      border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface);
    }
    .data-table { width: 100%; border-collapse: separate; border-spacing: 0; font-size: .933rem; }
    .data-table caption {
      caption-side: top; text-align: left; padding: 8px 12px; color: var(--muted); font-size: .867rem;
      border-bottom: 1px solid var(--border); background: var(--surface);
    }
    .data-table th, .data-table td { padding: 7px 12px; text-align: left; vertical-align: top; border-bottom: 1px solid #e8ecf1; }
    .data-table thead th {
      position: sticky; top: 0; z-index: 1; background: #eef2f7; color: #2e3a4b;
      font-size: .833rem; font-weight: 600; white-space: nowrap; border-bottom: 1px solid #c9d2de;
    }
    .data-table tbody tr:nth-child(even) td { background: var(--zebra); }
    .data-table tbody tr:hover td { background: var(--hover); }
    .data-table tbody tr:last-child td { border-bottom: 0; }
    .data-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .data-table td .badge { margin: 1px 4px 1px 0; }
    .data-table td a { text-decoration: none; }
    .data-table td a:hover { text-decoration: underline; }
    .sort-link { color: inherit; text-decoration: none; display: inline-flex; gap: 5px; align-items: baseline; }
    .sort-link:hover { color: var(--accent); text-decoration: underline; }
    .sort-link.sorted { color: var(--accent); }
    .sort-arrow { color: var(--faint); font-size: .8rem; }
    .sorted .sort-arrow { color: var(--accent); }
    .empty-state {
      padding: 28px 20px; text-align: center; color: var(--muted);
      border: 1px dashed var(--border-strong); border-radius: var(--radius); background: var(--subtle); margin: 0 0 16px;
    }
    .empty-state p { margin: 0 0 12px; }
    .empty-state p:last-child { margin: 0; }
    @media (max-width: 720px) {
      .table-wrap { max-height: none; }
      .data-table th, .data-table td { padding: 6px 8px; }
      .data-table td:first-child { min-width: 11rem; }
      /* Lists read on a phone (tasks, notifications): each row a block, no sideways scrolling. */
      .stack-phone .data-table thead { display: none; }
      .stack-phone .data-table, .stack-phone .data-table tbody { display: block; }
      .stack-phone .data-table tr { display: block; padding: 8px 0; border-bottom: 1px solid var(--border); }
      .stack-phone .data-table td { display: block; border: 0; padding: 2px 10px; }
      .stack-phone .data-table td:first-child { min-width: 0; }
      .stack-phone .data-table caption { display: block; }
    }

    """
}
