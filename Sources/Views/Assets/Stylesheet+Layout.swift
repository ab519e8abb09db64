extension Stylesheet {
    static let layout = """
    .site-header { background: var(--surface); }
    .header-bar { background: var(--accent); color: #fff; }
    .header-inner, .nav-inner, .page, .footer-inner { max-width: 1320px; margin: 0 auto; padding: 0 24px; }
    .header-inner { display: flex; align-items: center; justify-content: space-between; gap: 16px; min-height: 52px; flex-wrap: wrap; }
    .brand { display: flex; align-items: center; gap: 14px; min-width: 0; }
    .brand-name { display: inline-flex; align-items: center; gap: 9px; color: #fff; text-decoration: none; font-weight: 700; font-size: 1.2rem; letter-spacing: .01em; }
    .brand-name:hover { color: #fff; }
    .brand-mark {
      display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 6px;
      background: #fff; color: var(--accent); font-size: .95rem; font-weight: 800;
    }
    .brand-context { color: #d3def1; font-size: .9rem; padding-left: 14px; border-left: 1px solid rgba(255,255,255,.3); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .user-menu { display: flex; align-items: center; gap: 18px; font-size: .9rem; }
    .user-who { display: flex; flex-direction: column; line-height: 1.25; text-align: right; }
    .user-name { font-weight: 600; }
    .user-role { color: #c9d6ee; font-size: .8rem; }
    .header-link { color: #fff; background: none; border: 0; padding: 0; cursor: pointer; font-size: .9rem; text-decoration: underline; text-decoration-color: rgba(255,255,255,.5); text-underline-offset: 3px; }
    .header-link:hover { color: #fff; text-decoration-color: #fff; }
    .logout-form { margin: 0; display: inline; }
    .main-nav { border-bottom: 1px solid var(--border); background: var(--surface); box-shadow: 0 1px 2px rgba(16,24,40,.04); }
    .main-nav ul { list-style: none; margin: 0 0 0 -8px; padding: 0; display: flex; flex-wrap: wrap; gap: 0; }
    .main-nav li { flex: 0 0 auto; }
    .main-nav a {
      display: block; padding: 10px 8px 8px; color: var(--text); text-decoration: none; white-space: nowrap;
      border-bottom: 3px solid transparent; font-size: .9rem;
    }
    .main-nav a:hover { color: var(--accent); background: var(--subtle); }
    .main-nav a[aria-current="page"] { color: var(--accent); border-bottom-color: var(--accent); font-weight: 600; }
    .page { width: 100%; flex: 1 0 auto; padding-top: 14px; padding-bottom: 32px; }
    .breadcrumbs ol { list-style: none; margin: 0 0 10px; padding: 0; display: flex; flex-wrap: wrap; font-size: .867rem; color: var(--muted); }
    .breadcrumbs li + li::before { content: "›"; margin: 0 7px; color: var(--faint); }
    .breadcrumbs a { color: var(--muted); }
    .breadcrumbs a:hover { color: var(--accent); }
    .breadcrumbs [aria-current="page"] { color: var(--text); }
    .flash { display: flex; gap: 10px; align-items: flex-start; margin: 4px 0 16px; padding: 10px 14px; border: 1px solid; border-left-width: 5px; border-radius: var(--radius); }
    .flash::before { flex: 0 0 auto; font-weight: 700; width: 1.2em; text-align: center; }
    .flash-success { background: var(--success-tint); border-color: var(--success-line); border-left-color: var(--success); }
    .flash-success::before { content: "✓"; color: var(--success); }
    .flash-error { background: var(--danger-tint); border-color: var(--danger-line); border-left-color: var(--danger); }
    .flash-error::before { content: "✕"; color: var(--danger); }
    .flash-warning { background: var(--warning-tint); border-color: var(--warning-line); border-left-color: #c28a00; }
    .flash-warning::before { content: "!"; color: var(--warning); }
    .flash-info { background: var(--accent-tint); border-color: var(--accent-line); border-left-color: var(--accent); }
    .flash-info::before { content: "i"; color: var(--accent); font-style: italic; font-family: Georgia, serif; }
    .page-head { display: flex; align-items: center; justify-content: space-between; gap: 12px 20px; flex-wrap: wrap; margin: 6px 0 18px; }
    .page-head h1 { margin: 0; }
    .page-actions { display: flex; flex-wrap: wrap; gap: 8px; }
    .page-actions:empty { display: none; }
    .site-footer { border-top: 1px solid var(--border); color: var(--muted); font-size: .833rem; background: var(--subtle); }
    .footer-inner { padding-top: 14px; padding-bottom: 14px; }
    body.print-view .page, body.print-view .header-inner, body.print-view .footer-inner { max-width: none; }
    @media (max-width: 720px) {
      .header-inner, .nav-inner, .page, .footer-inner { padding-left: 12px; padding-right: 12px; }
      .header-inner { padding-top: 6px; padding-bottom: 6px; gap: 4px 12px; }
      .nav-inner { padding: 0; }
      .main-nav ul { margin: 0; padding: 0 4px; flex-wrap: nowrap; overflow-x: auto; scrollbar-width: thin; }
      .brand-context { display: none; }
      .user-menu { gap: 4px 12px; flex-wrap: wrap; justify-content: flex-end; }
      .user-role { display: none; }
      h1 { font-size: 1.35rem; }
    }

    """
}
