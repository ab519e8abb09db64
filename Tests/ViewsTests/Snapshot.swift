import Foundation
import Testing

/// Compares rendered HTML with a recorded snapshot,
/// `__Snapshots__/<Suite>/<name>.html` next to the calling test file.
///
/// - The snapshot is the HTML one tag per line (`Snapshot.pretty`), so a change to a
///   page reads as a line diff in review.
/// - A missing snapshot is written and the test fails once, saying so; the next run
///   (and CI, which runs with the committed files) compares against it.
/// - With `OPORA_RECORD_SNAPSHOTS=1` every snapshot is (re)written and the test passes.
/// - A difference fails with the first differing lines: number, expected, actual.
func assertSnapshot(
    html: String,
    named name: String,
    filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = Snapshot.pretty(html)
    let url = Snapshot.url(name: name, suite: Snapshot.suiteName(filePath: filePath), filePath: filePath)
    let recording = ProcessInfo.processInfo.environment[Snapshot.recordVariable] == "1"
    let expected = try? String(contentsOf: url, encoding: .utf8)

    if recording || expected == nil {
        if expected != actual {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record(error, "Could not write snapshot \(Snapshot.relative(url))", sourceLocation: sourceLocation)
                return
            }
        }
        if !recording {
            Issue.record("Recorded snapshot \(Snapshot.relative(url)); check it, commit it and run the tests again.",
                         sourceLocation: sourceLocation)
        }
        return
    }
    if let expected, let diff = Snapshot.firstDifferences(expected: expected, actual: actual) {
        Issue.record("""
            Snapshot \(Snapshot.relative(url)) differs:
            \(diff)
            If the change is intended, re-record: \(Snapshot.recordVariable)=1 swift test --filter ViewsTests
            """, sourceLocation: sourceLocation)
    }
}

enum Snapshot {
    static let recordVariable = "OPORA_RECORD_SNAPSHOTS"
    static let folder = "__Snapshots__"
    /// How many differing lines a failure shows.
    static let shownDifferences = 5

    /// One tag per line: a newline before every `<` that opens or closes a tag
    /// (text `<` is always escaped as `&lt;`, so no other `<` occurs). Nothing is
    /// re-indented or reordered, so the snapshot is the rendered HTML, wrapped.
    static func pretty(_ html: String) -> String {
        let chars = Array(html)
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        for (i, c) in chars.enumerated() {
            if c == "<", i > 0, chars[i - 1] != "\n", i + 1 < chars.count, startsTag(chars[i + 1]) {
                out.append("\n")
            }
            out.append(c)
        }
        return out + "\n"
    }

    private static func startsTag(_ c: Character) -> Bool {
        c == "/" || c == "!" || (c.isASCII && c.isLetter)
    }

    /// The suite of the running test (`@Suite struct PageSnapshots` → "PageSnapshots"),
    /// else the name of the calling file.
    static func suiteName(filePath: String) -> String {
        if let components = Test.current?.id.nameComponents, components.count > 1, let suite = components.dropLast().last {
            return suite
        }
        return URL(fileURLWithPath: filePath).deletingPathExtension().lastPathComponent
    }

    static func url(name: String, suite: String, filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent(folder, isDirectory: true)
            .appendingPathComponent(suite, isDirectory: true)
            .appendingPathComponent(name + ".html", isDirectory: false)
    }

    /// `Tests/ViewsTests/__Snapshots__/…`: readable in a failure message.
    static func relative(_ url: URL) -> String {
        let parts = url.pathComponents
        guard let tests = parts.lastIndex(of: "Tests") else { return url.path }
        return parts[tests...].joined(separator: "/")
    }

    /// The first lines that differ, as "line N" with expected and actual; nil when equal.
    static func firstDifferences(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) where out.count < shownDifferences {
            let le = i < e.count ? e[i] : nil, la = i < a.count ? a[i] : nil
            guard le != la else { continue }
            out.append("""
                line \(i + 1):
                  expected: \(le ?? "(no line)")
                  actual:   \(la ?? "(no line)")
                """)
        }
        if e.count != a.count { out.append("expected \(e.count) lines, got \(a.count)") }
        return out.joined(separator: "\n")
    }
}
