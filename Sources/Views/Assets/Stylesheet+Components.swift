extension Stylesheet {
    static let components = """
    .button {
      display: inline-flex; align-items: center; justify-content: center; gap: 6px;
      min-height: 36px; padding: 6px 14px; border: 1px solid var(--accent); border-radius: 5px;
      background: var(--surface); color: var(--accent); font-size: .933rem; font-weight: 500; line-height: 1.2;
      text-decoration: none; cursor: pointer; white-space: nowrap;
    }
    .button:hover { background: var(--accent-tint); color: var(--accent-dark); text-decoration: none; }
    .button-primary { background: var(--accent); color: #fff; }
    .button-primary:hover { background: var(--accent-dark); border-color: var(--accent-dark); color: #fff; }
    .button-danger { background: var(--danger); border-color: var(--danger); color: #fff; }
    .button-danger:hover { background: #8f1d17; border-color: #8f1d17; color: #fff; }
    .button-quiet { border-color: transparent; background: none; color: var(--muted); text-decoration: underline; text-underline-offset: 2px; }
    .button-quiet:hover { background: none; color: var(--accent); }
    .inline-form { display: inline; margin: 0; }
    details.confirm { display: inline-block; position: relative; }
    details.confirm > summary { list-style: none; }
    details.confirm > summary::-webkit-details-marker { display: none; }
    .confirm-panel {
      position: absolute; right: 0; z-index: 5; margin-top: 6px; width: max-content; max-width: 320px; padding: 12px 14px;
      background: var(--surface); border: 1px solid var(--danger-line); border-radius: var(--radius);
      box-shadow: 0 6px 20px rgba(16,24,40,.14);
    }
    .confirm-panel p { margin: 0 0 10px; }
    .badge {
      display: inline-block; padding: 1px 8px; border: 1px solid; border-radius: 999px;
      font-size: .78rem; font-weight: 600; line-height: 1.45; white-space: nowrap; vertical-align: baseline;
    }
    .badge-low-results { color: #9f1f17; background: var(--danger-tint); border-color: var(--danger-line); }
    .badge-difficult { color: var(--purple); background: var(--purple-tint); border-color: var(--purple-line); }
    .badge-program500 { color: var(--accent); background: var(--accent-tint); border-color: var(--accent-line); }
    .badge-risk { color: #fff; background: var(--danger); border-color: var(--danger); }
    .badge-objectivity, .badge-warning { color: var(--warning); background: var(--warning-tint); border-color: var(--warning-line); }
    .badge-neutral { color: #465162; background: #f0f2f5; border-color: #d3d8df; }
    .badge-success { color: var(--success); background: var(--success-tint); border-color: var(--success-line); }
    .badge-danger { color: var(--danger); background: var(--danger-tint); border-color: var(--danger-line); }
    .panel { border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); margin: 0 0 20px; }
    .panel-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; flex-wrap: wrap; padding: 11px 16px; border-bottom: 1px solid var(--border); background: var(--subtle); border-radius: var(--radius) var(--radius) 0 0; }
    .panel-head h2 { margin: 0; font-size: 1.05rem; }
    .panel-actions { display: flex; gap: 8px; flex-wrap: wrap; }
    .panel-actions:empty { display: none; }
    .panel-body { padding: 14px 16px; }
    .panel-body > :last-child { margin-bottom: 0; }
    .details { margin: 0; display: grid; grid-template-columns: minmax(160px, 240px) 1fr; }
    .details-row { display: contents; }
    .details dt, .details dd { padding: 6px 0; border-bottom: 1px solid #edf0f4; }
    .details dt { color: var(--muted); padding-right: 16px; }
    .details dd { margin: 0; }
    .details-row:last-child dt, .details-row:last-child dd { border-bottom: 0; }
    .tabs { display: flex; flex-wrap: wrap; gap: 4px; overflow: hidden; border-bottom: 1px solid var(--border); margin: 0 0 18px; }
    .tab { padding: 8px 14px; color: var(--muted); text-decoration: none; border-bottom: 3px solid transparent; white-space: nowrap; margin-bottom: -1px; }
    .tab:hover { color: var(--accent); }
    .tab[aria-current="page"] { color: var(--accent); border-bottom-color: var(--accent); font-weight: 600; }
    .pagination { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin: 0 0 16px; font-size: .933rem; }
    .pagination a, .pagination span { min-width: 34px; padding: 5px 10px; border-radius: 5px; text-align: center; }
    .pagination a { border: 1px solid var(--border); text-decoration: none; }
    .pagination a:hover { border-color: var(--accent); background: var(--accent-tint); }
    .page-current { background: var(--accent); color: #fff; font-weight: 600; }
    .page-gap { color: var(--faint); }
    .stat-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; margin: 0 0 20px; }
    .stat-card {
      display: flex; flex-direction: column; gap: 2px; padding: 12px 16px; color: var(--text); text-decoration: none;
      border: 1px solid var(--border); border-left: 4px solid var(--accent-line); border-radius: var(--radius); background: var(--surface);
    }
    a.stat-card:hover { border-color: var(--accent); background: var(--hover); color: var(--text); }
    .stat-value { font-size: 1.6rem; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; color: var(--accent-dark); }
    .stat-label { color: var(--text); }
    .stat-hint { color: var(--muted); font-size: .833rem; }
    @media (max-width: 720px) {
      .stat-cards { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
      .stat-card { padding: 10px 12px; }
      .stat-value { font-size: 1.35rem; }
    }
    .panel-body > .empty-state { border: 0; background: none; padding: 10px; }
    .tone-success { border-left-color: var(--success); }
    .tone-warning { border-left-color: #d39e00; }
    .tone-danger { border-left-color: var(--danger); }
    .tone-danger .stat-value { color: var(--danger); }

    .step-list, .plain-list { list-style: none; margin: 0 0 12px; padding: 0; }
    .step-list .step { border: 1px solid var(--border); border-radius: var(--radius); padding: 10px 12px; margin: 0 0 10px; background: var(--surface); }
    .step-list .step.overdue { border-left: 4px solid var(--danger); }
    .step-list .step p { margin: 4px 0; }
    .plain-list li { padding: 6px 0; border-bottom: 1px solid var(--border); }
    .button-row { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 12px; }
    """
}
