import Plot
import Domain

/// Attached files: the list with download links, and the upload form (multipart, up to 10 MB).
public enum FileViews {
    public struct File: Sendable {
        public var name: String, url: String, size: String
        public init(name: String, url: String, size: String) { self.name = name; self.url = url; self.size = size }
    }

    public static func files(_ files: [File], uploadURL: String?, csrf: String, back: String? = nil) -> Node<HTML.BodyContext> {
        .group(
            files.isEmpty ? .empty : .p(.strong(.safe("Файлы: ")), .group(files.enumerated().map { i, f in
                .group(i > 0 ? .safe(", ") : .empty, Components.link(f.name, f.url), .safe(" (\(f.size))"))
            })),
            uploadURL.map { url in Components.disclosure("Прикрепить файл", Form.form(action: url, csrf: csrf, multipart: true, .group(
                back.map { Form.hidden("back", $0) } ?? .empty,
                Form.file("file", "Файл", accept: "", errors: [], hint: "До 10 МБ: сертификат, протокол, презентация, фото")
            ), submit: "Прикрепить")) } ?? .empty
        )
    }
}
