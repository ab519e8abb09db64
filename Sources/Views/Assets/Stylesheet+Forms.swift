extension Stylesheet {
    static let forms = """
    .form { max-width: 860px; }
    .field { margin: 0 0 16px; max-width: 560px; }
    .field > label, .field > legend { display: block; font-weight: 600; margin: 0 0 4px; }
    .required-mark { color: var(--danger); margin-left: 3px; font-weight: 700; }
    .hint { color: var(--muted); font-size: .867rem; margin: -2px 0 6px; }
    .input {
      display: block; width: 100%; min-height: 38px; padding: 7px 10px;
      border: 1px solid var(--border-strong); border-radius: 5px; background: #fff;
    }
    textarea.input { min-height: 96px; resize: vertical; }
    select.input { padding-right: 28px; }
    .input[readonly] { background: var(--subtle); color: var(--muted); border-style: dashed; cursor: not-allowed; }
    .input:hover { border-color: #5d6877; }
    .input:focus { outline: 3px solid var(--focus); outline-offset: 0; border-color: var(--text); }
    .has-error .input { border: 2px solid var(--danger); }
    .has-error { border-left: 4px solid var(--danger); padding-left: 12px; }
    .field-error { color: var(--danger); font-weight: 600; margin: 5px 0 0; font-size: .9rem; }
    .field-error::before { content: "✕ "; }
    .input-file { display: block; padding: 4px 0; }
    .input-file::file-selector-button {
      margin-right: 12px; padding: 6px 14px; border: 1px solid var(--accent); border-radius: 5px;
      background: var(--surface); color: var(--accent); font: inherit; cursor: pointer;
    }
    .input-file::file-selector-button:hover { background: var(--accent-tint); }
    fieldset.field { border: 0; padding: 0; min-width: 0; }
    fieldset.field.has-error { border-left: 4px solid var(--danger); padding-left: 12px; }
    .checks > legend { float: left; width: 100%; padding: 0; }
    .checks > legend + * { clear: both; }
    .check { display: flex; align-items: flex-start; gap: 8px; margin: 0 0 6px; }
    .check input { width: 18px; height: 18px; margin: 2px 0 0; accent-color: var(--accent); flex: 0 0 auto; }
    .check label { font-weight: 400; margin: 0; }
    .check-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 2px 16px; }
    .fieldset { border: 1px solid var(--border); border-radius: var(--radius); padding: 10px 16px 6px; margin: 0 0 18px; max-width: 860px; }
    .fieldset > legend { font-weight: 600; padding: 0 6px; margin-left: -6px; }
    .disclosure { margin: 0 0 16px; border: 1px solid var(--border); border-radius: var(--radius); }
    .disclosure > summary { cursor: pointer; padding: 9px 14px; color: var(--accent); font-weight: 500; }
    .disclosure > summary:hover { background: var(--subtle); }
    .disclosure[open] > summary { border-bottom: 1px solid var(--border); }
    .disclosure-body { padding: 14px 16px; }
    .form-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 0 20px; max-width: 860px; }
    .form-row .field { max-width: none; }
    .form-actions { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; padding-top: 16px; margin-top: 8px; border-top: 1px solid var(--border); }
    .error-summary {
      max-width: 860px; margin: 0 0 22px; padding: 14px 18px; border: 2px solid var(--danger);
      border-left-width: 6px; border-radius: var(--radius); background: var(--danger-tint);
    }
    .error-summary h2 { font-size: 1.05rem; color: var(--danger); margin: 0 0 6px; }
    .error-summary ul { margin: 0; padding-left: 20px; }
    .error-summary a { color: var(--danger); font-weight: 600; }
    .filters {
      display: flex; flex-wrap: wrap; align-items: flex-end; gap: 10px 14px; margin: 0 0 14px; padding: 12px 14px;
      background: var(--subtle); border: 1px solid var(--border); border-radius: var(--radius);
    }
    .filters-fields { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: flex-end; }
    .filters .field { margin: 0; min-width: 170px; max-width: 280px; }
    .filters .field > label { font-size: .833rem; color: var(--muted); font-weight: 600; margin-bottom: 2px; }
    .filters .input { min-height: 34px; padding: 5px 8px; }
    .filters .check { margin: 0 0 7px; }
    .filters .check label { font-size: .9rem; }
    .filters-actions { display: flex; gap: 6px; align-items: center; }
    .filters .button { min-height: 34px; }
    @media (max-width: 720px) {
      .filters { flex-direction: column; align-items: stretch; }
      .filters .field { max-width: none; }
      .filters-fields { flex-direction: column; align-items: stretch; }
      .details { grid-template-columns: 1fr; }
      .details dt { border-bottom: 0; padding-bottom: 0; font-size: .867rem; }
      .form-actions .button { flex: 1 1 auto; }
    }

    """
}
