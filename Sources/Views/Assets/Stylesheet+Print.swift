extension Stylesheet {
    static let print = """
    body.print-view .header-bar { background: #fff; color: #000; border-bottom: 2px solid #000; }
    body.print-view .brand-name, body.print-view .brand-name:hover { color: #000; }
    body.print-view .brand-mark { background: #000; color: #fff; }
    body.print-view .brand-context { color: #333; border-left-color: #999; }
    body.print-view .filters, body.print-view .pagination, body.print-view .button, body.print-view .inline-form,
    body.print-view details.confirm, body.print-view .breadcrumbs, body.print-view .flash,
    body.print-view .sort-arrow, body.print-view .tabs { display: none; }
    body.print-view .sort-link, body.print-view .data-table td a { color: inherit; text-decoration: none; pointer-events: none; }
    @page wide { size: A4 landscape; margin: 10mm 8mm; }
    @media print {
      @page { margin: 14mm 12mm; }
      /* The printable versions are wide tables: landscape, smaller type, titles and badges wrap,
         so that every column reaches the paper (the screen scrolls sideways, paper cannot). */
      body.print-view { page: wide; }
      body.print-view .data-table { font-size: 7.5pt; width: 100%; table-layout: fixed; }
      body.print-view .data-table th { white-space: normal; font-size: 6.8pt; hyphens: auto; }
      body.print-view .data-table th, body.print-view .data-table td { padding: 2pt 3pt; overflow-wrap: break-word; }
      body.print-view .col-school { width: 11%; }
      body.print-view .col-indicator { width: 12%; }
      body.print-view .col-sharp { width: 8%; }
      body.print-view .col-text { width: 17%; }
      body.print-view .col-context { width: 4.2%; }
      body.print-view .badge { white-space: normal; border: 0; padding: 0; border-radius: 0; font-weight: 700; display: inline; font-size: inherit; }
      body { font-size: 10.5pt; color: #000; background: #fff; display: block; }
      .main-nav, .user-menu, .skip-link, .breadcrumbs, .page-actions, .panel-actions, .filters, .pagination,
      .button, .inline-form, details.confirm, .tabs, .flash, .form-actions, .no-print { display: none !important; }
      .header-bar { background: #fff !important; color: #000; border-bottom: 1.5pt solid #000; }
      .header-inner, .page, .footer-inner { max-width: none; padding-left: 0; padding-right: 0; }
      .brand-name, .brand-context { color: #000 !important; }
      .brand-mark { border: 1pt solid #000; background: #fff; color: #000; }
      a { color: #000; text-decoration: none; }
      h1 { font-size: 16pt; }
      .table-wrap { overflow: visible; max-height: none; border: 0; border-radius: 0; }
      .data-table { border-collapse: collapse; font-size: 9.5pt; }
      .data-table caption { border: 0; padding: 0 0 4pt; color: #000; }
      .data-table th, .data-table td { border: 0.75pt solid #000 !important; padding: 3pt 5pt; background: #fff !important; color: #000; }
      .data-table thead th { position: static; background: #eee !important; }
      .data-table thead { display: table-header-group; }
      .data-table tr { break-inside: avoid; }
      .sort-arrow { display: none; }
      .badge { color: #000 !important; background: #fff !important; border-color: #000 !important; }
      .panel, .stat-card { border-color: #000; break-inside: avoid; }
      .panel-head { background: #fff; border-bottom-color: #000; }
      .site-footer { background: #fff; color: #000; border-top: 0.75pt solid #000; }
    }

    """
}
