import Foundation
import Vapor
@testable import App

/// Clocks, memory and the `sqlite3` point of comparison for `opora bench`.
enum Bench {
    static func seconds(since d: Date) -> String { fmt(Date().timeIntervalSince(d)) }
    static func fmt(_ x: Double) -> String { String(format: "%.3f", x) }

    /// "label: N строк за X с — R строк/с; пик памяти M МБ" (the peak since the last `resetPeak`).
    static func rate(_ label: String, _ rows: Int, since d: Date) -> String {
        let t = Date().timeIntervalSince(d)
        return "\(label): \(rows) строк за \(fmt(t)) с — \(Int(Double(rows) / t)) строк/с; пик памяти \(peakMB()) МБ"
    }

    /// User and system CPU time of the process so far, both cores together.
    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident memory of the process (VmHWM on Linux, which `resetPeak` restarts;
    /// else getrusage's ru_maxrss, kilobytes on Linux).
    static func peakMB() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
            return kb / 1024
        }
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Int(u.ru_maxrss) / 1024
    }

    /// Restarts the peak of `peakMB` at the current size (Linux: `5` into /proc/self/clear_refs),
    /// so that each import's own peak is seen.
    static func resetPeak() {
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
    }

    /// Seconds of `sqlite3 DB ".mode csv" ".separator ;" ".import FILE vpr"` into a fresh
    /// database (a bare table made from the header: no indexes, no checks); nil without sqlite3.
    static func sqlite3Import(_ file: String) -> Double? {
        guard let tool = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) else { return nil }
        let db = NSTemporaryDirectory() + "opora-bench-sqlite3-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: db) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = [db, ".mode csv", ".separator ;", ".import \(file) vpr"]
        let t = Date()
        guard (try? p.run()) != nil else { return nil }
        p.waitUntilExit()
        return p.terminationStatus == 0 ? Date().timeIntervalSince(t) : nil
    }
}

/// The commands `opora-bench` adds to the app's.
public let commands: [String: any AsyncCommand] = ["bench": BenchCommand()]
