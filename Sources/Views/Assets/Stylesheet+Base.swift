extension Stylesheet {
    static let base = """
    :root {
      --accent: #1f4e99;
      --accent-dark: #173b75;
      --accent-tint: #e9f0fa;
      --accent-line: #b9cbe8;
      --text: #1b2330;
      --muted: #5d6877;
      --faint: #8a94a3;
      --border: #d6dce4;
      --border-strong: #8e99a8;
      --surface: #ffffff;
      --subtle: #f5f7fa;
      --zebra: #f8fafc;
      --hover: #edf3fb;
      --danger: #b3261e;
      --danger-tint: #fdeceb;
      --danger-line: #efb4ae;
      --warning: #8a5a00;
      --warning-tint: #fff5da;
      --warning-line: #ecc66a;
      --success: #1d7a3c;
      --success-tint: #e7f5ec;
      --success-line: #a6d9b6;
      --purple: #62399c;
      --purple-tint: #f2ecfa;
      --purple-line: #cdb8ea;
      --focus: #f5b400;
      --radius: 6px;
      --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; background: var(--surface); color: var(--text);
      font-family: var(--font); font-size: 15px; line-height: 1.5;
      display: flex; flex-direction: column; min-height: 100vh;
    }
    h1, h2, h3, h4 { line-height: 1.25; margin: 0 0 .5em; font-weight: 600; }
    h1 { font-size: 1.6rem; letter-spacing: -.01em; }
    h2 { font-size: 1.15rem; }
    h3 { font-size: 1rem; }
    p { margin: 0 0 .75em; }
    a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; }
    a:hover { color: var(--accent-dark); text-decoration-thickness: 2px; }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
    button, input, select, textarea { font: inherit; color: inherit; }
    .muted { color: var(--faint); }
    .secondary { color: var(--muted); }
    .small { font-size: .867rem; }
    .num, .tabular { font-variant-numeric: tabular-nums; }
    .negative { color: var(--danger); }
    .positive { color: var(--success); }
    .nowrap { white-space: nowrap; }
    .visually-hidden {
      position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
      overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
    }
    .skip-link { position: absolute; left: -9999px; top: 0; z-index: 10; background: var(--focus); color: #000; padding: 8px 14px; }
    .skip-link:focus { left: 8px; top: 8px; }

    """
}
