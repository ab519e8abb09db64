extension Stylesheet {
    /// Page-specific pieces: sign-in card, error page, assignment forms, overview links.
    static let pages = """
    .login-box { max-width: 440px; margin: 24px 0 48px; padding: 24px 28px; border: 1px solid #d5dbe5;
      border-radius: 8px; background: #fff; box-shadow: 0 1px 3px rgba(16, 42, 84, .08); }
    .login-box .lead { color: #4a5568; margin-top: 0; }
    .login-box input[type=text], .login-box input[type=password] { max-width: none; width: 100%; }
    .error-page { max-width: 720px; padding: 8px 0 32px; }
    .error-page .error-code { color: #6b7280; font-size: 14px; margin: 0 0 4px; }
    .lead { font-size: 16px; }
    .assign-form { margin-top: 16px; padding-top: 12px; border-top: 1px dashed #d5dbe5; }
    .assign-form h3 { font-size: 15px; margin: 0 0 8px; }
    .checkbox-group { margin: 12px 0; }
    .checkbox-group .group-label { font-weight: 600; margin: 0 0 6px; }
    .link-list { margin: 0; padding-left: 20px; columns: 2; }
    .link-list li { margin: 2px 0; }
    .form-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 0 16px; }
    .diff code { white-space: pre-wrap; word-break: break-word; font-size: 12px; }
    @media (max-width: 640px) { .link-list { columns: 1; } .login-box { padding: 16px; } }
    """
}
